"""Text tools shared by the stages that read words (`content`, `group`, `compose`): one
English stemmer (`digest.text.stem`), one list of English function words that each
stage's stop-word policy starts from (`digest.text.stopwords`), one plain word pattern
(`digest.text.words`), the blocks of a markdown body read from markdown-it's tokens
(`digest.text.blocks`) and the plain text of inline markup (`digest.text.inline`), one
sentence splitter (`digest.text.sentences`), one reading of written figures
(`digest.text.figures`), one TF-IDF with the IDF smoothing as each stage's policy
(`digest.text.tfidf`), the verbs of saying (`digest.text.saying`) and the word classes
an English word can have (`digest.text.wordclass`). It imports no stage."""
