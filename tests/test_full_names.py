"""`full_names.name_speaker`: a person named in full at first mention (`name_opener` is
tested in `test_trust.py`)."""

import datetime as dt

from digest.compose.extract import SourceDocument, summarize
from digest.compose.full_names import name_first_mention, name_speaker, surname_again

EARLIER = ["Tidewatch, the ferry-booking app, was founded in 2019 by former harbour master "
           "Ines Vale, who still runs it.", "It raised $8 million on Monday."]


def test_a_speaker_known_by_surname_gets_the_given_name_the_source_introduced():
    rewrite = name_speaker("Vale told the Orrin Gazette that bookings doubled in May.", EARLIER)
    assert rewrite is not None
    assert rewrite.text == "Ines Vale told the Orrin Gazette that bookings doubled in May."
    assert rewrite.note == "'Vale' → 'Ines Vale'"


def test_a_speaker_named_in_full_is_left_alone_and_a_title_keeps_its_place():
    assert name_speaker("Harbour master Ines Vale said bookings doubled.", EARLIER) is None
    assert name_speaker("Tidewatch's Vale said bookings doubled.", EARLIER) is None
    rewrite = name_speaker("Tidewatch founder Vale said bookings doubled.", EARLIER)
    assert rewrite is not None
    assert rewrite.text == "Tidewatch founder Ines Vale said bookings doubled."


def test_a_name_first_seen_without_a_given_name_is_not_a_person_to_name():
    """"Since Sealink …": a sentence's first word, and an English one, is no given name."""
    earlier = ["Since Sealink bought the line in 2019, fares have doubled."]
    assert name_speaker("Sealink said fares would fall in May.", earlier) is None
    assert name_speaker("Sealink said fares would fall in May.", []) is None


def test_a_surname_two_people_share_is_not_given_a_first_name():
    """Mother and son, or a congressman and his wife: a bare surname could be either, so
    no given name is put before it; nor before one the sentence already gives in full."""
    earlier = ["Dana Quill said her son Owen Quill had not been seen since Friday.",
               "Police searched the harbour on Saturday."]
    assert name_speaker("Quill said the ferry crew helped the search.", earlier) is None
    assert name_first_mention("Quill was found at the pier on Sunday.", earlier) is None
    one = ["Dana Quill, 33, runs the Orrin ferry office."]
    assert name_speaker("Quill (born Dana Ortiz Quill) said fares would rise.", one) is None
    assert name_speaker("Quill said fares would rise.", one).text == \
        "Dana Quill said fares would rise."
    titled = ["Dana Quill, 33, runs the Orrin ferry office.", "Mr Quill's ferry sails daily."]
    assert name_speaker("Quill said fares would rise.", titled).text == \
        "Dana Quill said fares would rise."


def test_the_summary_names_the_speaker_in_full_and_records_it():
    text = ("Tidewatch, the ferry-booking app founded by former harbour master Ines Vale, "
            "raised $8 million on Monday from three island banks. "
            "Vale said the money would pay for night crossings to Orrin and Harlow next year. "
            "The app sold 40,000 tickets in its first summer on the island routes.")
    doc = SourceDocument(number=1, title="Tidewatch raises $8 million", text=text,
                         excerpt=None, outlet="Orrin Gazette",
                         date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))
    said = [e for e in summarize([doc]) if "said the money" in e.text]
    assert said and said[0].text.startswith("Ines Vale said")
    assert said[0].rewrite == "'Vale' → 'Ines Vale'"


def test_a_speaker_named_in_full_already_keeps_the_surname_alone():
    from digest.compose.full_names import surname_again
    note = "'Vale' → 'Ines Vale'"
    shown = "Ines Vale said night fares would fall."
    before = "Tidewatch founder Ines Vale raised $8 million on Monday."
    assert surname_again(shown, note, before) == ("Vale said night fares would fall.", "")
    assert surname_again(shown, note, "Tidewatch raised $8 million.") == (shown, note)
    opener = "'The company' → 'Sealink'"
    assert surname_again("Sealink sold 40 boats.", opener, "Sealink …") == \
        ("Sealink sold 40 boats.", opener)


def test_the_box_names_a_speaker_in_full_once(make_site, site_config):
    from conftest import article

    from digest.compose import compose_digests
    from digest.content.reader import read_articles
    from digest.group import group_stories
    body = ("Tidewatch founder Ines Vale said on Monday that the ferry-booking app raised "
            "$8 million from three island banks to add night crossings. "
            "The app sold 40,000 tickets in its first summer on the island routes, the "
            "company said in its statement. "
            "Vale said the money would pay for night crossings to Orrin and Harlow next "
            "year, starting in May.")
    files = {"content/a.md": article("Tidewatch raises $8 million", story="k", body=body)}
    config = site_config(make_site(files))
    read = read_articles(config)
    digest, = compose_digests(group_stories(read.articles, read.overrides, config),
                              config)
    texts = [s.text for s in digest.summary]
    assert any(t.startswith("Vale said the money") for t in texts), texts


def test_a_person_known_by_surname_at_a_sentence_start_is_named_in_full():
    """"Mr. Ostrander …" and a bare "Ostrander …" open on a person the source introduced in full
    earlier: a box, takeaway or brief sentence is a first mention, so it names them in
    full, and the report records it."""
    earlier = ["Dana Ostrander, 41, runs the harbour office at Orrin.",
               "Harbour master Ines Vale said the night ferry would return."]
    rewrite = name_first_mention("Mr. Ostrander shot down the plan for a second pier.", earlier)
    assert rewrite is not None and rewrite.text == "Dana Ostrander shot down the plan for a " \
        "second pier."
    assert rewrite.note == "'Mr. Ostrander' → 'Dana Ostrander'"
    rewrite = name_first_mention("Ostrander was elected to the council in May.", earlier)
    assert rewrite is not None and rewrite.text == "Dana Ostrander was elected to the council in May."


def test_a_surname_after_an_opening_phrase_is_named_in_full_too():
    """"On Tuesday, Ostrander …", "As the Post reported, Ostrander …": the subject after
    an opening phrase is as much a first mention as one at the start."""
    earlier = ["Dana Ostrander, 41, runs the harbour office at Orrin."]
    rewrite = name_first_mention("As the Post reported, Ostrander asked for a second pier.",
                                 earlier)
    assert rewrite is not None and rewrite.text == \
        "As the Post reported, Dana Ostrander asked for a second pier."
    assert rewrite.note == "'Ostrander' → 'Dana Ostrander'"
    assert surname_again(rewrite.text, rewrite.note, "Dana Ostrander runs the office.") == \
        ("As the Post reported, Ostrander asked for a second pier.", "")
    assert name_first_mention("On Tuesday, Dana Ostrander asked again.", earlier) is None
    assert name_first_mention("On Tuesday, Sealink cut fares.", ["Since Sealink grew, …"]) is None


def test_no_full_name_without_a_given_name_or_for_a_word_or_a_case():
    earlier = ["Since Sealink bought the line, fares have doubled.",
               "The Tidewatch app was built by Ines Vale.", "Dana Ostrander sued Sealink."]
    assert name_first_mention("Sealink cut fares on Monday.", earlier) is None
    assert name_first_mention("Tidewatch sold 4,000 tickets.", earlier) is None  # "The"
    assert name_first_mention("Ostrander v. Sealink went to the appeals court in May.",
                              earlier) is None
    assert name_first_mention("Harbour fees rose in May.",
                              ["Orrin Harbour fees rose.", "The harbour board met."]) is None
    assert name_first_mention("Dana Ostrander won the case.", earlier) is None


def test_a_surname_that_is_also_a_word_is_named_when_the_source_writes_it_only_as_a_name():
    """"Prince apologized …" after "Matthew Prince, the chief executive, …": a surname that is
    also an English word ("Prince", "Stone", "Cook") is still a surname the reader never met
    in full.  Where the source writes the word in lower case too ("the movie", "police"), a
    capitalised one opening a sentence is that word, not a person ("Movie adaptations …"
    after "A Minecraft Movie")."""
    earlier = ["Matthew Prince, the chief executive of Ferrowave, wrote a long account.",
               "The outage lasted three hours."]
    rewrite = name_first_mention("Prince apologized for the outage on Friday.", earlier)
    assert rewrite is not None and rewrite.text == \
        "Matthew Prince apologized for the outage on Friday."
    assert name_first_mention("In May, Cook was elected.", ["Tim Cook runs Apple."]).text == \
        "In May, Tim Cook was elected."
    film = ["A Minecraft Movie opens in June.", "The movie made $900 million."]
    assert name_first_mention("Movie tie-ins rarely sell well.", film[:1],
                              source=" ".join(film)) is None
    assert name_first_mention("Police are looking for a van.", ["Orrin Police said so.",
                                                                 "The police chief spoke."]) is None


def test_a_speaker_named_after_the_verb_gets_the_given_name_too():
    """'"…," said Vale.' is a first mention as much as "Vale said …"."""
    rewrite = name_speaker("\"Bookings doubled in May,\" said Vale.", EARLIER)
    assert rewrite is not None
    assert rewrite.text == "\"Bookings doubled in May,\" said Ines Vale."
    assert name_speaker("\"Bookings doubled,\" said Ines Vale.", EARLIER) is None
    assert name_speaker("\"Bookings doubled,\" said Vale Holdings' chief.", EARLIER) is None
