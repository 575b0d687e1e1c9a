"""A speaker named in full a second time in one account goes by the surname."""

from digest.compose.named_again import named_again

EARLIER = ('"We will not ask for card numbers by phone," said Lucia Ferrante, the harbour '
           "authority's director.")


def test_the_same_introduction_again_becomes_the_surname():
    text = ('"The ferry timetable is safe," said Lucia Ferrante, the harbour authority\'s '
            "director.")
    shown, note = named_again(text, EARLIER)
    assert shown == '"The ferry timetable is safe," said Ferrante.'
    assert note == "'Lucia Ferrante, the harbour authority's director' → 'Ferrante'"
    shown, _ = named_again("Lucia Ferrante, the harbour authority's director, said fares "
                           "would wait.", EARLIER)
    assert shown == "Ferrante said fares would wait."


def test_a_new_description_stays_with_the_surname():
    shown, note = named_again("Lucia Ferrante, a former ferry captain, said fares would wait.",
                              EARLIER)
    assert shown == "Ferrante, a former ferry captain, said fares would wait."
    assert note == "'Lucia Ferrante' → 'Ferrante'"


def test_names_left_whole():
    """Not read before; another person of that surname; a surname English knows ("Cook");
    a product or an institution that "says" ("Prime Video says", "the State Department
    said"); the tail of a longer name."""
    for text, earlier in [
        ("Marco Ferrante said fares would wait.", EARLIER),
        ("Lucia Ferrante said fares would wait.", EARLIER + " Marco Ferrante, her brother, "
                                                            "said nothing."),
        ("Ada Cook said fares would wait.", "Ada Cook said the ferry was late."),
        ("Prime Video says the second season starts in May.",
         "Prime Video said the show was renewed."),
        ("Prompted Playlist lets listeners type a mood.", "Prompted Playlist says it learns."),
        ("The State Department said funds would move.", "The State Department said so."),
        ("A spokeswoman for Orrin Harbour Hospital said beds were free.",
         "Harbour Hospital said it was full."),
    ]:
        assert named_again(text, earlier) == (text, ""), text


def test_the_sample_brief_introduces_a_speaker_once():
    """The sample site's Pellham story: two sources each quote the utility's director with
    her full name and title. The brief introduces her once; the second quotation reads
    "said Ferrante.", and the rewrite is recorded next to the source's sentence."""
    from pathlib import Path

    from digest.build import compute_site
    from digest.config import load_config

    result = compute_site(load_config(Path(__file__).resolve().parent.parent))
    story = next(d for d in result.digests if d.story.slug.startswith("ransomware-attack-"
                                                                      "knocks-out-pellham"))
    shown = [s for p in story.brief for s in p.sentences]
    full = "Lucia Ferrante, the authority's executive director"
    assert sum(full in s.text for s in shown) == 1, [s.text for s in shown]
    again = [s for s in shown if s.text.endswith('said Ferrante.')]
    assert again and all(full in s.origin.sentence for s in again)
    assert all(s.origin.rewrite == f"'{full}' → 'Ferrante'" for s in again)
