"""Text tools shared by the stages that read words (`group`, `compose`): one English
stemmer (`digest.text.stem`), one list of English function words that each stage's
stop-word policy starts from (`digest.text.stopwords`), one reading of written
figures (`digest.text.figures`), one TF-IDF with the IDF smoothing as each stage's
policy (`digest.text.tfidf`), the word classes an English word can have
(`digest.text.wordclass`), the blocks of a markdown body read from markdown-it's tokens
(`digest.text.blocks`) and the plain text of inline markup (`digest.text.inline`). It
imports no stage."""
