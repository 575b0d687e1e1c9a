"""Text tools shared by the stages that read words (`group`, `compose`): one English
stemmer (`digest.text.stem`) and the word classes an English word can have
(`digest.text.wordclass`). It imports no stage."""
