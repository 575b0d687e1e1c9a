"""The summary box on the fixture stories: cited, standalone, within budget, stable."""

import dataclasses
import datetime as dt

import re

import pytest
from compose_fixtures import (
    BOILERPLATE,
    DANGLING_STARTS,
    STORIES,
    independently_supported,
    load_story,
)

from digest.compose.extract import SourceDocument, summarize
from digest.compose.quality import problem
from digest.compose.sentences import document_sentences
from digest.compose.trim import tidy


@pytest.fixture(params=STORIES)
def story(request):
    return load_story(request.param)


def test_summary_has_two_to_four_sentences_within_budget(story):
    summary = summarize(story, word_budget=90, max_sentences=4)
    assert 2 <= len(summary) <= 4
    assert sum(len(e.text.split()) for e in summary) <= 90


def test_every_citation_is_backed_by_its_source(story):
    by_number = {d.number: d for d in story}
    for e in summarize(story):
        assert e.source_number in e.cites and list(e.cites) == sorted(set(e.cites))
        for n in e.cites:
            assert independently_supported(e.text, by_number[n]), (e.text, n)


def test_extracts_trace_back_to_the_source_sentence(story):
    by_number = {d.number: d for d in story}
    for e in summarize(story):
        sentences = document_sentences(by_number[e.source_number].text)
        assert sentences[e.sentence_index].text == e.source_sentence
        shown = set(e.text.lower().replace(",", "").split())
        named = e.rewrite.split("→")[-1].strip(" '").lower()  # an opener named (recorded)
        assert shown <= set((e.source_sentence + " " + named).lower().replace(",", "").split())


def test_summary_sentences_stand_alone(story):
    for e in summarize(story):
        low = e.text.lower()
        assert not low.startswith(DANGLING_STARTS), e.text
        assert not e.text.rstrip('"” ').endswith("?")
        assert not any(b in low for b in BOILERPLATE)
        assert e.text.count('"') % 2 == 0 and e.text.lstrip('"“')[0].isupper()
        assert 8 <= len(e.text.split()) <= 45


def test_summary_is_deterministic_and_ignores_list_order(story):
    first = summarize(story)
    assert summarize(story) == first
    assert summarize(list(reversed(story))) == first


def test_tighter_budget_is_respected(story):
    summary = summarize(story, word_budget=60, max_sentences=2)
    assert 1 <= len(summary) <= 2 and sum(len(e.text.split()) for e in summary) <= 60


def test_single_source_story_is_summarised_from_that_source():
    [doc] = load_story("compose_launch")[:1]
    summary = summarize([doc])
    assert len(summary) >= 2 and all(e.cites == (1,) for e in summary)


def _doc(text, excerpt=None, title="Harbour bridge approved"):
    return SourceDocument(number=1, title=title, text=text, excerpt=excerpt, outlet="Test",
                          date=dt.datetime(2025, 11, 3, tzinfo=dt.UTC))


def test_empty_body_falls_back_to_excerpt_never_to_the_title():
    [e] = summarize([_doc("", excerpt="The council approved the harbour bridge budget.")])
    assert e.field == "excerpt" and e.text.startswith("The council approved")
    assert summarize([_doc("")]) == []


def test_the_excerpt_fallback_never_opens_on_a_quote():
    """When nothing else stands alone, the excerpt's first sentence is the last resort;
    a quoted line ("'Tolls for bikes,' reads the sign", often a picture's caption) is no
    summary lead even then: better no summary box than a quote in it."""
    excerpt = ("\u201cTolls for cyclists start Monday,\u201d reads a sign on the harbour "
               "bridge. Did you see it?")
    assert [e.text for e in summarize([_doc("", excerpt=excerpt)])] == []


def test_a_headline_is_never_a_summary_sentence():
    title = "Portmere council approves the new harbour bridge budget after a long debate"
    body = (f"{title}.\n\nThe Portmere council voted seven to two on Tuesday to fund the "
            "harbour bridge with 40 million euros from the port levy.")
    shown = [e.text for e in summarize([_doc(body, title=title)])]
    assert shown and all(not t.startswith(title) for t in shown)


def test_a_story_without_named_actors_still_gets_its_lead():
    """News about things ("the north pier") names no person or company: its standalone,
    unquoted lead still opens the summary instead of leaving the box empty."""
    body = ("The north pier is closed to walkers while divers replace rotten timber "
            "supports under the deck, the harbour master said on Thursday.")
    [e] = summarize([_doc(body, title="North pier closed for repairs")])
    assert e.text == body and e.sentence_index == 0


def test_the_box_never_opens_on_the_writers_guess():
    """The lead says what happened; what the writer guesses a company hopes is not news
    ("Harwick likely hopes …"), so the box opens on the fact even when the guess comes
    first and no takeaway is the guess either."""
    from digest.compose.takeaways import key_takeaways

    body = ("Harwick Ferries likely hopes the electric ferry will win back Orrin commuters "
            "who left the crossing for the new bridge.\n\n"
            "Commuters on the Orrin crossing have fallen by a third since the bridge "
            "opened.\n\n"
            "The boat carries 300 passengers and charges at the Vale pier in 20 minutes.")
    doc = _doc(body, title="Harwick Ferries bets on an electric ferry to win back commuters")
    summary = summarize([doc])
    assert summary and all("likely" not in e.text for e in summary)
    assert all("likely" not in e.text for e in key_takeaways([doc], summary))


def test_no_box_sentence_is_the_writers_guess_or_comment():
    """Further down the box too, a sentence says what happened: "Perhaps the biggest change
    is …", "… will likely …" and "… unsurprisingly …" are the writer's, not the news."""
    body = ("Harwick Ferries launched an electric ferry on the Orrin crossing on Monday, "
            "its first boat without a diesel engine.\n\n"
            "Perhaps the biggest change for Orrin commuters is the quiet cabin on the upper "
            "deck of the ferry.\n\n"
            "The boat carries 300 passengers and charges at the Vale pier in 20 minutes.\n\n"
            "Harwick Ferries will likely add a second electric boat to the crossing next "
            "summer, when the Vale charger doubles.")
    doc = _doc(body, title="Harwick Ferries launches an electric ferry at Orrin")
    summary = [e.text for e in summarize([doc])]
    assert any("300 passengers" in t for t in summary), summary
    assert not any("Perhaps" in t or "likely" in t for t in summary), summary


def test_very_short_body_never_crashes():
    assert summarize([_doc("Body text.")]) == []
    assert summarize([]) == []


def test_rewrites_only_remove_words():
    doc = _doc("But Orrin's council approved a 40 million dollar budget for the harbour bridge on "
               "Tuesday after a long debate. The vote was seven to two in the end, officials said.")
    first = summarize([doc])[0]
    assert first.text.startswith("Orrin's council approved") and \
        first.source_sentence.startswith("But")


def test_extract_is_frozen():
    e = summarize(load_story("compose_breach"))[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.text = "changed"


# (sentence, reason it cannot stand alone or None, reader mode)
STANDALONE_CASES = [
    ("Those plans were shelved two years ago after a long dispute.", "dangling start", False),
    ("These changes will take effect at the start of next year.", "dangling start", False),
    ("That move surprised analysts who had expected a smaller cut.", "dangling start", False),
    ("It is the second round of cuts at the carmaker this year.", "dangling start", False),
    ("The move follows a 14% drop in quarterly sales at the firm.", "dangling start", False),
    ("The changes come after months of talks with the union.", "dangling start", False),
    ("Despite this, the company kept its forecast for the full year.", "dangling start", False),
    ("Today, it was the turn of the smaller rivals to report results.", "dangling start", False),
    ("Now they can book a service through the app in a few taps.", "dangling start", False),
    ("Here are the three plants that will close by the end of 2026.", "dangling start", False),
    ("In fact, the company had warned of cuts in its spring results.", "dangling start", False),
    ("Speaking of the Ostrava plant, it gets a new paint line in May.", "dangling start", False),
    ("As for the workers, most will move to the Brenford site.", "dangling start", False),
    ("We're starting the new programme in March for all our staff.", "first person", False),
    ("Our reporters visited the Brenford plant on Tuesday morning.", "first person", False),
    ("The cuts were the deepest in the company's history, workers said!", "exclamation", False),
    ("The full list of affected plants runs to several pages and...", "truncated", False),
    ("Update, Nov. 4: This story has been updated with a comment.", "boilerplate", False),
    ("Disclosure: The parent company holds a stake in a supplier.", "boilerplate", False),
    ("Head over to our business section to read the full report.", "boilerplate", False),
    ("Sign up for our Autos Daily newsletter for more car stories.", "boilerplate", False),
    ("Marta Quill is a senior reporter at Coastline Daily covering cars.", "boilerplate", False),
    ("Marta Quill is Coastline Daily's senior motoring correspondent.", "boilerplate", False),
    ("The watch costs $199 ($50 off) at most big retailers this week.", "boilerplate", False),
    ("If you own a Harwick car, your warranty is not affected by the cuts.",
     "addresses the reader", True),
    ("You can now book a service online through the Harwick app.", None, True),
    ("You can now book a service online through the Harwick app.", "addresses the reader",
     False),
    ("The move by regulators follows a 14% drop in quarterly sales.", None, False),
    ("When Harwick announced the plan, it also promised new jobs in Ostrava.", None, False),
    ("Well over half of the workers said they would vote for a strike.", None, False),
    ("In June, the Brenford court ruled that the merger could go ahead as planned.", None, False),
    ("Long after World War I ended, the Ostrava plant kept making rail parts.", None, False),
    ("Traffic on I-95 slowed as the Harwick trucks left the Brenford depot.", None, False),
    ("I told the plant managers the cuts were coming, Harwick's chief said.", "first person",
     False),
    ("Let's hope the Ostrava plant keeps its paint line after the cuts.", "first person", False),
    ("Reporters, myself included, waited for hours at the Ostrava plant gate.", "first person",
     False),
    ("As the chart below shows, Harwick's sales fell in every quarter of 2025.",
     "points at the source page", False),
    ("In the video above, Harwick's chief walks through the closed Ostrava plant.",
     "points at the source page", False),
    ("Below are the plants Harwick will close by the end of 2026.",
     "points at the source page", False),
    ("Harwick shares fell below 40 euros after the plant closures were announced.", None, False),
    # an instruction to the reader is a service step, not news
    ("Open the Harwick app, tap your car and choose a service slot for May.",
     "instructs the reader", True),
    ("Claim this Harwick deal before the winter tyre offer ends on Friday.",
     "instructs the reader", False),
    # the writer turning to the reader's mind: an aside, not news
    ("Think of the Ostrava plant as Harwick's test bed for electric trucks.",
     "instructs the reader", False),
    ("Take Brenford Motors, which closed its own paint shop in 2024.",
     "instructs the reader", False),
    ("Remember, Harwick promised the Ostrava plant would stay open until 2030.",
     "instructs the reader", False),
    ("Case in point: the Brenford site lost its paint shop in 2024.", "dangling start", False),
    ("Take-Two Interactive bought the Brenford studio for $40 million in May.", None, False),
    ("Thinking Machines opened an office next to the Ostrava plant in May.", None, False),
    ("Like the Ostrava plant, the Brenford site will close its paint shop in 2026.", None, False),
    ("Whistle, a Harwick subsidiary that makes dashcams, will be sold to Corvane.", None, False),
    ("Power outages at the Ostrava plant halted production for two days in May.", None, False),
]


@pytest.mark.parametrize("text,reason,reader", STANDALONE_CASES,
                         ids=[f"{c[1]}: {c[0][:30]}" for c in STANDALONE_CASES])
def test_sentences_that_cannot_stand_alone_are_named(text, reason, reader):
    assert problem(text, reader=reader) == reason


# (scraped sentence, safe repair: words removed only)
TIDY_CASES = [
    ("Why it matters: The cuts are the largest this year in Europe.",
     "The cuts are the largest this year in Europe."),
    ("The union also said it would ballot members on strike action.",
     "The union said it would ballot members on strike action."),
    ("However, Harwick's plant in Ostrava (opened in 2024) will stay open.",
     "Harwick's plant in Ostrava will stay open."),
    # the writer's stance set before the statement ("Tellingly, …") goes like a connective
    ("Tellingly, Harwick closed the Ostrava paint shop a week after the vote.",
     "Harwick closed the Ostrava paint shop a week after the vote."),
    ("Oddly enough, Harwick's Brenford site still runs a night shift.",
     "Harwick's Brenford site still runs a night shift."),
    # the writer's word on the news before it ("In a shocking twist, …")
    ("In a shocking twist, Harwick is now hiring Brenford's chief engineer.",
     "Harwick is now hiring Brenford's chief engineer."),
    ("In the week's least surprising news, Harwick raised its prices again.",
     "Harwick raised its prices again."),
    ("In a rare move among carmakers, Harwick opened its patents to rivals.",
     "In a rare move among carmakers, Harwick opened its patents to rivals."),
    # after a connective, "the" and a common noun is the thing the sentence before spoke of:
    # the connective stays, and the sentence leans back
    ("However, the plant in Ostrava will stay open.",
     "However, the plant in Ostrava will stay open."),
    # a wire dateline says where the report was filed; it is not part of the sentence
    ("BRENFORD (Coast Wire) — Harwick Motors will close its paint shop in March.",
     "Harwick Motors will close its paint shop in March."),
    ("OSTRAVA, Czechia -- The plant's 900 workers voted to accept the new contract.",
     "The plant's 900 workers voted to accept the new contract."),
    ("(Coast Wire) - Harwick shares fell 4 percent in early trading.",
     "Harwick shares fell 4 percent in early trading."),
    ("The EV maker - Harwick's newest brand - starts sales in May.",
     "The EV maker - Harwick's newest brand - starts sales in May."),
    # a connective leads to a sentence the reader has not seen; without it the fact stands
    ("Either way, Harwick Motors will reopen the Ostrava plant in March.",
     "Harwick Motors will reopen the Ostrava plant in March."),
    ("The Ostrava plant, meanwhile, will stay closed until March.",
     "The Ostrava plant will stay closed until March."),
    ("Harwick has not, however, said how many workers will return.",
     "Harwick has not said how many workers will return."),
    # an opening phrase keeps its comma
    ("With the strike over, however, Harwick expects full output in May.",
     "With the strike over, Harwick expects full output in May."),
    ("The new line is costly, though, which is why Harwick delayed it.",
     "The new line is costly, which is why Harwick delayed it."),
    ("The Ostrava plant still runs on coal, however.",
     "The Ostrava plant still runs on coal."),
    ("Harwick moved its paint shop to Ostrava in 2021, for instance.",
     "Harwick moved its paint shop to Ostrava in 2021."),
    # ... unless a verb joins it to what follows
    ("Beyond the plant, though, is a larger question about Harwick's debt.",
     "Beyond the plant is a larger question about Harwick's debt."),
    # a dateline without a dash, an interview's labels; names in capitals stay
    ("OSTRAVA The Harwick plant reopened on Monday after a six-week strike.",
     "The Harwick plant reopened on Monday after a six-week strike."),
    ("A: Harwick will pay the workers for the six weeks of the strike.",
     "Harwick will pay the workers for the six weeks of the strike."),
    ("UAW President Ines Vale said the strike would end on Monday.",
     "UAW President Ines Vale said the strike would end on Monday."),
    ("xAI will open a plant in Ostrava.", "xAI will open a plant in Ostrava."),
    ("To recap, Harwick will reopen the Ostrava plant in March.",
     "Harwick will reopen the Ostrava plant in March."),
    # openers that elaborate on, compare with or answer a sentence the reader has not seen
    ("Specifically, Ostrava's union wants a 6 percent raise for night shifts.",
     "Ostrava's union wants a 6 percent raise for night shifts."),
    ("In comparison, the Brno plant built 40,000 cars last year.",
     "The Brno plant built 40,000 cars last year."),
    ("For its part, Harwick says the paint shop will reopen in March.",
     "Harwick says the paint shop will reopen in March."),
    ("To address this, Harwick will hire 200 inspectors at Ostrava.",
     "Harwick will hire 200 inspectors at Ostrava."),
    ("Remember, the Ostrava plant closed for six weeks in 2021.",
     "The Ostrava plant closed for six weeks in 2021."),
    ("More importantly, Harwick will keep all 900 jobs at Ostrava.",
     "Harwick will keep all 900 jobs at Ostrava."),
    # the writer turning to the reader: the statement after it must stand without it
    ("Note that the Ostrava plant reopens only for night shifts.",
     "The Ostrava plant reopens only for night shifts."),
    ("It's worth noting that Harwick kept all 900 jobs at Ostrava.",
     "Harwick kept all 900 jobs at Ostrava."),
    ("It’s worth noting this deal isn’t final yet.", "This deal isn’t final yet."),
    ("It's worth noting, though, the raise only covers night shifts.",  # "though" leans back:
     "It's worth noting the raise only covers night shifts."),  # the "It" rejects it after all
    ("Notes from the meeting show the union asked for 6 percent.",
     "Notes from the meeting show the union asked for 6 percent."),
    # the writer's aside set off by commas
    ("The Orrin ferry, of course, is not the only boat to Harlow.",
     "The Orrin ferry is not the only boat to Harlow."),
    ("Sealink is not the only line to cut fares this year, of course.",
     "Sealink is not the only line to cut fares this year."),
    ("Sealink's night ferry is adding — you guessed it! — a casino deck.",
     "Sealink's night ferry is adding a casino deck."),
    # a comparison that names both sides stays
    ("In comparison to Brno, the Ostrava plant built half as many cars.",
     "In comparison to Brno, the Ostrava plant built half as many cars."),
]


@pytest.mark.parametrize("text,expected", TIDY_CASES)
def test_repairs_only_remove_words(text, expected):
    assert tidy(text) == expected
    assert set(re.findall(r"[\w']+", expected.lower())) <= set(re.findall(r"[\w']+", text.lower()))


def test_paraphrasing_outlets_are_cited_for_the_lead_fact():
    docs = load_story("compose_layoffs")
    [lead] = [e for e in summarize(docs) if "2,400" in e.text]
    assert lead.cites == (1, 2)


def test_glued_heading_is_repaired_and_boilerplate_never_chosen():
    docs = load_story("compose_layoffs")
    union = [s.text for s in document_sentences(docs[1].text)]
    assert "What happens next" in union and any(
        s.startswith("The Motor Workers Union said it would ask") for s in union)
    shown = [e.text.lower() for e in summarize(docs)]
    assert not any(b in t for t in shown for b in BOILERPLATE)


def test_the_box_opens_on_the_news_and_holds_at_most_one_named_voice(story):
    """Never a quotation first; after it, at most one, and only with its speaker named
    (a quoted "I" or "we" with nobody named is not shown)."""
    from digest.compose.quality import stands_alone
    from digest.compose.quotations import is_voice, only_words_of
    picked = summarize(story)
    assert picked and not only_words_of(picked[0].text)
    quotes = [e.text for e in picked[1:] if e.text[:1] in "\"“'‘"]
    assert len(quotes) <= 1, quotes
    assert sum(is_voice(e.text) for e in picked[1:]) <= 1
    assert all(stands_alone(q) for q in quotes)


def test_a_box_of_many_voices_keeps_one():
    """Two outlets on a ferry launch whose shared words sit mostly in quotations: the
    box still holds no more than one of them."""
    import datetime as dt

    from digest.compose.source import SourceDocument
    quotes = ['"The night ferry to Ostend will carry 400 cars and sail every evening from '
              'May," Sealink chief executive Ruth Amble said.',
              '"Night ferry cabins to Ostend will cost 90 euros for two people," Sealink '
              'sales director Tom Vale said.',
              '"The Harlow terminal will add 40 jobs for the night ferry to Ostend," harbour '
              'master Ines Lund said.']
    lead = ("Sealink will start a night ferry between Harlow and Ostend in May, the "
            "company said on Tuesday.")
    docs = [SourceDocument(n, "Sealink adds night ferry", "\n\n".join([lead, *quotes]), None,
                           outlet, dt.datetime(2025, 11, n, tzinfo=dt.UTC))
            for n, outlet in ((1, "Harlow Post"), (2, "Coast Radio"))]
    picked = summarize(docs, word_budget=120)
    assert picked[0].text == lead
    assert sum(e.text[:1] == '"' for e in picked) <= 1, [e.text for e in picked]


def _ferry_docs(sentences):
    from digest.compose.source import SourceDocument
    return [SourceDocument(n, "Sealink adds night ferry", "\n\n".join(sentences), None,
                           outlet, dt.datetime(2025, 11, n, tzinfo=dt.UTC))
            for n, outlet in ((1, "Harlow Post"), (2, "Coast Radio"))]


def test_a_voice_is_a_quotation_given_after_its_speaker_too():
    """Three people's words, each quoted after its speaker ("X said the ferry would
    \"…\""), carry the words the sources share: the box keeps one voice and tells a
    fact instead of the others."""
    from digest.compose.quotations import is_voice
    lead = ("Sealink will start a night ferry between Harlow and Ostend in May, the "
            "company said on Tuesday.")
    voices = ['Ruth Amble, Sealink chief executive, said the night ferry to Ostend would '
              '"carry 400 cars and sail every evening from May."',
              'Tom Vale, Sealink sales director, said night ferry cabins to Ostend would '
              '"cost 90 euros for two people."',
              'Harbour master Ines Lund said the Harlow terminal would "add 40 jobs for the '
              'night ferry to Ostend."']
    fact = "Tickets go on sale on Friday at the Harlow terminal and online."
    picked = [e.text for e in summarize(_ferry_docs([lead, *voices, fact]), word_budget=120)]
    assert picked[0] == lead and fact in picked, picked
    assert sum(is_voice(text) for text in picked) == 1, picked
    assert not is_voice('Cloudflare says the bots are "stealth crawling" sites.'), \
        "two words in quotation marks are a term, not someone's words"


def test_the_box_never_opens_on_a_speaker_introducing_their_words():
    """'Ruth Amble said, "…"' gives her words, not the news, however much of the story
    they hold: the box opens on a sentence that says what happened."""
    from digest.compose.quotations import only_words_of
    voice = ('Sealink chief executive Ruth Amble said, "Our night ferry between Harlow and '
             'Ostend will carry 400 cars and sail every evening from May."')
    lead = "The ferry firm Sealink announced a new crossing on Tuesday."
    picked = summarize(_ferry_docs([voice, lead, "Cabins will cost 90 euros for two people "
                                    "on the night ferry between Harlow and Ostend."]))
    assert only_words_of(voice) and not only_words_of(lead)
    assert picked[0].text == lead, [e.text for e in picked]
    assert not only_words_of('Sealink said it would "sail every night" from May.')
    # where or when it was said does not make it the news
    assert only_words_of('Harlow\'s harbour master, Ivo Grell, said in a statement: "The night '
                         'ferry will berth at the new quay. Cars board from 8 p.m."')
    assert only_words_of('Ruth Amble told reporters on Monday, "We sail in May."')
    assert not only_words_of("Ruth Amble told reporters on Monday that the ferry sails in May.")
    assert not only_words_of('Sealink said on Tuesday it would add cabins, "starting with the '
                             'Harlow route."')


def test_a_generic_word_in_every_headline_is_not_the_main_actor():
    """Both headlines say "AI", but the story's actor is the company they also share."""
    from digest.compose.extract import main_actor
    from digest.compose.story import analyse_story

    when = dt.datetime(2025, 7, 3, tzinfo=dt.UTC)
    docs = [SourceDocument(1, "Harwick adds AI sorting to its parcel lockers",
                           "Harwick added AI sorting to its parcel lockers on Monday.", None,
                           "Ledger", when),
            SourceDocument(2, "AI comes to Harwick parcel lockers",
                           "Harwick's parcel lockers now sort parcels with AI.", None,
                           "Wire", when)]
    story = analyse_story(docs)
    assert main_actor(story) == story.stemmer.stem("Harwick")


def test_a_long_lead_is_trimmed_of_its_trailing_clause_to_fit_the_box():
    """An editor fits a long lead into a summary by dropping its trailing clause rather
    than leaving the news out; the clause goes only when it gives no figure, and a
    quotation or a short sentence is never cut."""
    from digest.compose.trim import fit
    lead = ("The Portmere council approved on Tuesday a new harbour bridge that would carry "
            "trams, cyclists and walkers between the old town and the ferry terminal across "
            "the river mouth, giving commuters from the northern villages a faster way into "
            "the centre and ending years of quarrels over the crossing.")
    assert len(lead.split()) > 45
    trimmed = fit(lead)
    assert trimmed == lead[:lead.index(", giving")] + "."
    assert problem(trimmed, min_words=8, max_words=45) is None
    figure = lead.replace("and ending years of quarrels", "and saving 12 minutes a trip")
    assert fit(figure) == figure  # the clause with the figure is the news
    quoted = f'"{lead[:-1]}," the mayor said.'
    assert fit(quoted) == quoted
    assert fit("The council approved the bridge, giving commuters a faster way in.") == \
        "The council approved the bridge, giving commuters a faster way in."
    body = (f"{lead}\n\nWork on the bridge starts in March and should take two years, "
            "the council's engineers said on Wednesday.")
    first = summarize([_doc(body, title="Portmere gets its harbour bridge")])[0]
    assert first.text == trimmed and first.source_sentence == lead


def test_a_note_to_the_reader_hides_no_leaning_statement():
    """"Note that it …", "It's worth noting this part …": without the writer's aside to the
    reader the statement leans on a sentence the page has not shown, so it is no candidate."""
    for text in ("Note that it will renew at 15 euros a month after the first year.",
                 "It’s worth noting this part of the deal isn’t final, the union said."):
        assert problem(tidy(text)) == "dangling start", text
