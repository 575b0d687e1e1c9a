"""The news-aware sentence splitter of plain text, cases as data."""

import pytest

from digest.text.sentences import cuts_only_between_words, split_sentences

# (case, text, expected sentences)
SPLIT_CASES = [
    ("abbreviation inside", "U.S. President Ana Ruiz met Dr. Jane Smith on Jan. 5 in Washington. They talked.",
     ["U.S. President Ana Ruiz met Dr. Jane Smith on Jan. 5 in Washington.", "They talked."]),
    ("abbreviation ends sentence", "Apple Inc. grew fast in the U.S. The company said so.",
     ["Apple Inc. grew fast in the U.S.", "The company said so."]),
    ("corporate suffix mid sentence", "Shares of Brask Corp. rose 4% on Monday. Bonds fell.",
     ["Shares of Brask Corp. rose 4% on Monday.", "Bonds fell."]),
    ("decimals and money", "Revenue rose 3.5% to $94.9 billion. Profit fell 2.1%.",
     ["Revenue rose 3.5% to $94.9 billion.", "Profit fell 2.1%."]),
    ("initials", "J. K. Rowling wrote it. John F. Kennedy was president.",
     ["J. K. Rowling wrote it.", "John F. Kennedy was president."]),
    ("question inside quote continues", '"Are you sure?" she asked. "Yes," he said.',
     ['"Are you sure?" she asked.', '"Yes," he said.']),
    ("quote ends sentence", 'He said: "We are done." The talks ended.',
     ['He said: "We are done."', "The talks ended."]),
    ("ellipsis", "He paused... Then he left. It went on… and on.",
     ["He paused...", "Then he left.", "It went on… and on."]),
    ("e.g. and No.", "Prices rose, e.g. the price of milk. It is No. 1 in sales.",
     ["Prices rose, e.g. the price of milk.", "It is No. 1 in sales."]),
    ("aside between dashes", "Sealink is adding — you guessed it! — a casino deck. It sails in May.",
     ["Sealink is adding — you guessed it! — a casino deck.", "It sails in May."]),
    ("times of day", "The launch is at 9 a.m. Eastern time. It was delayed.",
     ["The launch is at 9 a.m. Eastern time.", "It was delayed."]),
    ("glued scraped text", 'marketing strategies.Everyone loves it."Quote here," he said.Next one.',
     ["marketing strategies.", "Everyone loves it.", '"Quote here," he said.', "Next one."]),
    ("place abbreviation", "The firm, based in Washington, D.C., said so. OK.",
     ["The firm, based in Washington, D.C., said so.", "OK."]),
    ("empty", "   ", []),
    ("decimal figure ends a sentence", "Shares closed at $240.36. Rivals fell too.",
     ["Shares closed at $240.36.", "Rivals fell too."]),
    ("a quotation of two sentences stays whole",
     '"We never saw them. They were gone fast," Holt said. The pier closed.',
     ['"We never saw them. They were gone fast," Holt said.', "The pier closed."]),
    ("curly quotation of three sentences", "“It rained. It froze. It thawed,” Vale said. OK.",
     ["“It rained. It froze. It thawed,” Vale said.", "OK."]),
    ("a long quotation is one piece: its middle is never a statement of its own",
     'The memo stated that "Ferries are slow. Trains are fast. Buses are late. Cars are '
     'dear. Bikes are free." The vote is in May.',
     ['The memo stated that "Ferries are slow. Trains are fast. Buses are late. Cars are '
      'dear. Bikes are free."', "The vote is in May."]),
    ("a stray quote mark joins nothing", 'A stray " mark. One. Two. Three. Four.',
     ['A stray " mark.', "One.", "Two.", "Three.", "Four."]),
]

# Scraped headings glued to the sentence after them come out as pieces of their own
# (no full stop, so nothing quotes them); words that merely look glued stay whole.
GLUE_CASES = [
    ("heading glued without a space", ("Battery plans and the unionAccording to the filing, "
                                       "the plant will close."), ["Battery plans and the union",
                               "According to the filing, the plant will close."]),
    ("capitalised heading glued to an opener", "The new PortalBut the portal is slow to load.",
     ["The new Portal", "But the portal is slow to load."]),
    ("heading glued by a space", ("How the plant will change In the first phase, 800 workers "
                                  "move."),
     ["How the plant will change", "In the first phase, 800 workers move."]),
    ("heading glued to a quantifier", "The fare battle Many riders now take the night boat.",
     ["The fare battle", "Many riders now take the night boat."]),
    ("heading before a sentence adverb", ("Battery plans in Ostrava Ironically, the plant is "
                                          "the newest."),
     ["Battery plans in Ostrava", "Ironically, the plant is the newest."]),
    ("section label", "Why it matters The cuts are the largest this year.",
     ["Why it matters", "The cuts are the largest this year."]),
    ("label after a sentence", "Sales fell. What's next The union votes in May.",
     ["Sales fell.", "What's next", "The union votes in May."]),
    ("list number glued to the sentence before", ("Here are three steps the firm took.1. It "
                                                  "froze hiring."),
     ["Here are three steps the firm took.", "1.", "It froze hiring."]),
    ("heading ending in brackets", "What comes next (and when)The union will vote in May.",
     ["What comes next (and when)", "The union will vote in May."]),
    ("heading ending on an acronym", "Harwick sues the NTSBThe complaint names two pilots.",
     ["Harwick sues the NTSB", "The complaint names two pilots."]),
    ("photo credit glued to a sentence", "Photo: Ana Vale/HPWhen the pier opened, crowds came.",
     ["Photo: Ana Vale/HP", "When the pier opened, crowds came."]),
    ("acronyms stay whole", "The NTSB and HP said the TheraBox recall is over.",
     ["The NTSB and HP said the TheraBox recall is over."]),
    ("brand names stay whole", "He uses an iPhone, macOS and LinkedIn with YouTube daily.",
     ["He uses an iPhone, macOS and LinkedIn with YouTube daily."]),
    ("titles stay whole", "Fans of The Last of Us read the Power On newsletter.",
     ["Fans of The Last of Us read the Power On newsletter."]),
    ("handles stay whole", "@harwickMotors replied within the hour.",
     ["@harwickMotors replied within the hour."]),
]


@pytest.mark.parametrize("case,text,expected", SPLIT_CASES, ids=[c[0] for c in SPLIT_CASES])
def test_split_sentences(case, text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("case,text,expected", GLUE_CASES, ids=[c[0] for c in GLUE_CASES])
def test_glued_headings_are_cut_off(case, text, expected):
    assert split_sentences(text) == expected


def test_a_dotted_name_is_not_cut_into_a_sentence_that_starts_mid_thought():
    """"Loomly.AI" is one name: cutting at its dot left "AI as well as ..." (a fragment
    cut at its start) to pass as a sentence and a takeaway."""
    text = ("Before that, the studio had warned Loomly.AI as well as Pixwell and Drafta — "
            "three firms it says copied its films. The letters went out in May.")
    assert split_sentences(text) == [
        "Before that, the studio had warned Loomly.AI as well as Pixwell and Drafta — "
        "three firms it says copied its films.", "The letters went out in May."]
    # a lower-case word glued to an acronym is still two sentences
    assert split_sentences("The lab is racing toward superintelligence.GPT-5 is next.") == [
        "The lab is racing toward superintelligence.", "GPT-5 is next."]


def test_a_sentence_glued_to_one_opening_on_a_is_cut():
    text = "Pellow's library opens on Sundays from now on, the council said Monday.A few " \
           "weeks ago, it cut the Saturday hours."
    assert split_sentences(text) == [
        "Pellow's library opens on Sundays from now on, the council said Monday.",
        "A few weeks ago, it cut the Saturday hours."]


def test_a_sentence_ending_on_an_acronym_glued_to_the_next_is_cut():
    text = "Few ferry lines make money with GPS.Those that do run at night, Holt says."
    assert split_sentences(text) == ["Few ferry lines make money with GPS.",
                                     "Those that do run at night, Holt says."]
    assert split_sentences("Ferries by Sealink.AI run late.") == ["Ferries by Sealink.AI run late."]


def test_a_sentence_may_open_on_a_camel_case_name():
    text = ("Quillmark showed its new phone line. iOS 27 support comes later. "
            "The tablet ships in May, e.g. iPads for schools. Fans queued vs. eBay resellers.")
    assert split_sentences(text) == [
        "Quillmark showed its new phone line.", "iOS 27 support comes later.",
        "The tablet ships in May, e.g. iPads for schools.", "Fans queued vs. eBay resellers."]


def test_a_passage_without_a_capital_glued_to_a_word_is_cut_only_between_words():
    assert cuts_only_between_words("Apple grew fast in the U.S. The company.Everyone said so.")
    assert not cuts_only_between_words("AI and musiciansAccording to the filing, staff left.")
    assert not cuts_only_between_words("The iPhone sold well.")  # may be, not must be, a cut
