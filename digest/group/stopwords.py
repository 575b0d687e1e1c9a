"""Grouping's stop-word policy: the English list scikit-learn ships
(`ENGLISH_STOP_WORDS`, BSD licence, from the Glasgow Information Retrieval Group),
kept here so that grouping does not import scikit-learn (over a second at start-up)
for one word list. It is the shared function words (`digest.text.stopwords`) and the
broader retrieval words below ("afterwards", "whereby", "system", "fire" ...): words
too common across unrelated articles to tell stories apart."""

from __future__ import annotations

from digest.text.stopwords import FUNCTION_WORDS

RETRIEVAL_WORDS = frozenset("""
afterwards almost alone along always amongst amoungst amount anyhow anyone anything anyway
anywhere around became become becomes becoming beforehand behind beside besides beyond bill
bottom call cannot cant co con couldnt cry de describe detail done due eg eight either eleven
else elsewhere empty enough etc ever everyone everything everywhere except fifteen fifty fill
find fire five former formerly forty found four front full give go hasnt hence hereafter hereby
herein hereupon hundred ie inc indeed interest keep latter latterly least less ltd meanwhile
mill mine moreover mostly move name namely neither never nevertheless nine nobody none noone
nothing nowhere often others otherwise part perhaps please put rather re see seem seemed
seeming seems serious several show side sincere six sixty somehow someone something sometime
sometimes somewhere system take ten thence thereafter thereby therefore therein thereupon thick
thin third three throughout thru thus together top toward towards twelve twenty two un whatever
whence whenever whereafter whereas whereby wherein whereupon wherever whether whither whoever
whole whose
""".split())
ENGLISH_STOP_WORDS = FUNCTION_WORDS | RETRIEVAL_WORDS
