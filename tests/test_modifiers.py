"""An opening phrase that describes the subject, then a pronoun as that subject."""

import pytest

from digest.compose.leaning import leans_back
from digest.compose.modifiers import describes_the_pronoun


@pytest.mark.parametrize("text,leans", [
    ("Powered by a new tidal turbine, it lights the whole of Orrin harbour.", True),
    ("Rebuilt at the Harwick yard in 1990, it still sails the night crossing.", True),
    ("Having joined Seaway Ferries in May, she runs the Orrin timetable.", True),
    ("Asked about the delays, he blamed the storm.", True),
    ("A former cattle barge, it now carries 300 passengers a day.", True),
    ("In March 2024, it added a second daily crossing.", True),
    ("Since 2018, they have carried two million passengers.", True),
    ("Rebuilt at the Harwick yard in 1990, the Orrin Star still sails the night crossing.", False),
    ("Based on Seaway's own figures, it carried two million passengers.", False),
    ("According to Seaway Ferries, it carried two million passengers.", False),
    ("Asked about the delays, it was clear that nobody knew.", False),
    ("In March 2024, Seaway Ferries added a second daily crossing.", False),
])
def test_a_phrase_describing_the_pronoun_leaves_it_unnamed(text, leans):
    """The participle, noun phrase or date before the comma says something of the
    pronoun's thing, or when, never which thing it is: the sentence before said that. A
    name owning something in the phrase, a phrase naming its source ("According to …")
    and an "it" that holds a place for a clause are left alone."""
    assert describes_the_pronoun(text) == leans
    assert leans_back(text, text.split()) == leans
