"""The English stemmer of digest: plural, past and progressive endings folded together.

Two outlets describe one event in different inflections ("launches",
"launched", "launching"; "chatbot", "chatbots"), which plain word matching
counts as different words.  Only the regular inflectional endings are removed,
like the first step of Porter's algorithm: derivations ("regulation" against
"regulate") stay apart, and names and numbers are left as they are.  Grouping and
composing both stem with it, so "the same word" means one thing across the pipeline.
"""

from __future__ import annotations

from functools import lru_cache

_KEEP_S = ("ss", "us", "is")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """`word` (lower case) without its regular inflection: "companies" → "company",
    "launched" → "launch", "running" → "run"; short and non-alphabetic words are kept."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(_KEEP_S):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    # "running" → "runn" → "run"; "called" keeps its double l ("call").
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        word = word[:-1]
    # "launches" → "launche" → "launch", as "launched"; "pricing", "priced" and "prices" → "pric".
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem_token(token: str) -> str:
    """The stem of a token as written in text: lower case, a possessive "'s" and edge
    apostrophes or hyphens dropped ("Apple's" → "appl", as "apple", "launches" → "launch")."""
    return stem(token.lower().replace("’", "'").removesuffix("'s").strip("'-"))
