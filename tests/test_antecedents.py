"""`compose.antecedents`: a "he" or "she" named from the sentence before, only when
that sentence names one person as its subject or speaker (own-words fixtures)."""

import pytest

from digest.compose.antecedents import name_pronoun, sole_person
from digest.compose.full_names import surname_again

BEFORE = "Mayor Dana Holt met the union's leaders at the city hall on Friday."


@pytest.mark.parametrize("text, shown, note", [
    ("He said the plant will close by the end of next year.",
     "Dana Holt said the plant will close by the end of next year.", "'He' → 'Dana Holt'"),
    ("Her office published the budget figures on Monday.",
     "Dana Holt's office published the budget figures on Monday.", "'Her' → 'Dana Holt's'"),
    ('"We will appeal the ruling to the state court," she said.',
     '"We will appeal the ruling to the state court," Dana Holt said.', "'she' → 'Dana Holt'"),
])
def test_a_pronoun_for_the_one_person_just_named_is_replaced_by_the_name(text, shown, note):
    rewrite = name_pronoun(text, ["The strike began in May.", BEFORE])
    assert rewrite is not None
    assert (rewrite.text, rewrite.note) == (shown, note)


@pytest.mark.parametrize("text, before", [
    # two people named: either could be meant
    ("He said the plant will close.", "Dana Holt met Owen Pike at the city hall on Friday."),
    # the one full name is not the subject; the subject is named by surname only
    ("He said the plant will close.", "Speaker Dana Holt agreed, but Pike pushed for a vote."),
    ("He said the plant will close.", "Pike blamed Dana Holt for the closure of the plant."),
    # a name that may be an institution or a person ("Mark" is an English word)
    ("He said the plant will close.", "Mark Rivera met the union on Friday."),
    ("He said the plant will close.", "The White House said the plant will close."),
    # nobody named in the sentence before
    ("He said the plant will close.", "The union met on Friday at the city hall."),
])
def test_no_pronoun_is_named_when_the_sentence_before_is_not_sure(text, before):
    assert name_pronoun(text, [before]) is None


def test_a_pronoun_later_in_the_sentence_leaves_it_alone():
    """"He told her …": who "her" is, the sentence does not say."""
    assert name_pronoun("He told her the plant will close.", [BEFORE]) is None
    assert name_pronoun("He said the plant will close.", []) is None


def test_the_person_is_found_with_a_title_a_time_phrase_or_as_speaker():
    assert sole_person("Harwick CEO Dana Holt said on Tuesday that sales rose.") == "Dana Holt"
    assert sole_person("Last week, Dana Holt announced a plan.") == "Dana Holt"
    assert sole_person('"We lost," said Dana Holt, the mayor.') == "Dana Holt"
    assert sole_person("The mayor, Dana J. Holt, said so.") == "Dana J. Holt"
    assert sole_person("In Ames, Dana Holt grows corn.") == "Dana Holt"
    assert sole_person("Owen told The Ledger that he would run.") is None
    assert sole_person("For Dana Holt, who farms in Ames, the drought hit home.") is None


def test_a_person_named_by_pronoun_rewrite_keeps_the_surname_after_a_full_mention():
    """The rewrite stays recorded: the surname is still not the source's "he"."""
    assert surname_again("Dana Holt said the plant will close.", "'He' → 'Dana Holt'",
                         "Dana Holt met the union.") == \
        ("Holt said the plant will close.", "'He' → 'Holt'")
    assert surname_again("Dana Holt's office said so.", "'Her' → 'Dana Holt's'",
                         "Nobody was named.") == ("Dana Holt's office said so.",
                                                  "'Her' → 'Dana Holt's'")


def test_a_one_source_brief_goes_on_from_the_box_with_surnames(make_site, site_config):
    """The brief of a one-source story goes on from the box: a person the box named in
    full is called by surname there, as the article itself would."""
    from conftest import article
    from test_compose_overrides import digests_for
    body = "\n\n".join([
        "Harbour Ferries chief executive Ines Vale said on Monday that the company will "
        "add a night ferry between Harbourton and Westport from June.",
        "The new route will run every hour from 10 p.m. to 4 a.m. and costs $4 a ride, "
        "Harbour Ferries said in its announcement.",
        "Harbour Ferries carried 2.1 million riders last year, up 12 percent from the "
        "year before, according to its annual report.",
        "Harbour Ferries bought two electric boats for the route in March for "
        "$30 million from a shipyard in Norway.",
        "Night workers at the port had asked the council for a late crossing for years, "
        "and the council backed the plan in a vote last week.",
        "\"Night shifts at the port start and end when no ferry runs, and that has to "
        "change,\" Vale told reporters at the pier in Harbourton.",
        "The union that represents the port's night workers welcomed the plan and said "
        "it would ask for a lower fare for its members.",
        "Westport's council will review the night route's first six months of service in "
        "December, a council spokesperson said.",
    ])
    [digest] = digests_for(make_site, site_config, {"content/a.md": article(
        "Harbour Ferries adds a night route", body=body)})
    box = " ".join(s.text for s in digest.summary)
    brief = [s for p in digest.brief for s in p.sentences]
    assert "Ines Vale" in box
    quoted = [s for s in brief if "told reporters" in s.text]
    assert quoted and quoted[0].text.endswith("Vale told reporters at the pier in Harbourton.")
    assert "Ines Vale" not in quoted[0].text
