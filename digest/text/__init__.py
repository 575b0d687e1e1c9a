"""Text tools shared by the stages that read words (`group`, `compose`): one English
stemmer for now (`digest.text.stem`). It imports no stage."""
