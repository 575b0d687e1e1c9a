"""A digest a reader can trust: sentences that stand on their own (with recorded opener
rewrites), sources that disagree shown side by side, bylines and the sources list.

Every fixture is written in our own words."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner
from compose_fixtures import STORIES, load_story

from conftest import SITES, article, parse_html
from digest.build import build
from digest.cli import main
from digest.compose.disagree import disagreements, values
from digest.compose.extract import SourceDocument, summarize
from digest.compose.openers import name_opener
from digest.compose.quality import problem, stands_alone
from digest.compose.story import analyse_story
from digest.compose.takeaways import key_takeaways
from digest.config import load_config


def _doc(number, text, title="Harbour news", outlet=None):
    return SourceDocument(number=number, title=title, text=text, excerpt=None,
                          outlet=outlet or f"Outlet {number}",
                          date=dt.datetime(2025, 11, number, tzinfo=dt.UTC))


# ---- standing on their own ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The company has said that all four of the new speakers will ship next spring.",
    "The app lets people record up to 2,000 words a month without paying.",
    "The device was first shown in a short video posted on Sunday.",
    "The report found that most small firms had not yet tried the tools.",
    "\"We are proud of what the team built in a single year,\" Holm said.",
    "So far, Pellucid has sold its headsets only in Norway and Denmark.",
    # a described thing is still unnamed: modifiers before the noun, or its possessive
    "The headset maker will open two more stores in Sweden next year.",
    "The social media app has added a button for reporting fake shops.",
    "The company's smallest headset weighs less than 300 grams.",
    "The settlement requires the ferry operator to refund every ticket sold in May.",
    "The round was led by two Oslo investment funds.",
    # a speaker who is only "he" or "she", named nowhere before it
    "\"The new store will double our sales in Bergen,\" he said.",
    "Sales at the new store doubled in its first week, she told the Harbour Post.",
])
def test_openers_leaning_on_an_earlier_sentence_do_not_stand_alone(text):
    assert problem(text) == "dangling start"
    assert not stands_alone(text)


@pytest.mark.parametrize("text", [
    "The carmaker Harwick Motors will cut 2,400 jobs across its two German plants.",
    "The report by the Portmere audit office found 14 errors in the bridge budget.",
    "Pellucid said on Tuesday that its headsets would go on sale in Norway next month.",
    "The first company to sell headsets in Bergen was Pellucid Labs, the council said.",
    "The headset maker Pellucid Labs will open two more stores in Sweden next year.",
    "Pellucid's founder Ada Holm expects sales to double, she said on Tuesday.",
])
def test_sentences_that_name_their_subject_stand_alone(text):
    assert stands_alone(text)


def test_a_named_speakers_i_is_the_speaker():
    """A quotation speaks in its speaker's voice: with the speaker named, its "I" is
    that person; with only "he" it is nobody yet, and "we" still asks which group."""
    assert stands_alone("\"I never expected the pier to reopen this year,\" said harbour "
                        "master Ines Vale.")
    assert problem("\"I never expected the pier to reopen this year,\" he said.") \
        == "dangling start"
    assert problem("\"We are proud of the new pier,\" Vale said on Friday.") \
        == "dangling start"


def test_in_the_brief_a_named_speaker_may_open_on_their_own_words():
    """The brief is read as one account: a quotation attributed to a named speaker may
    open on "We" or on a thing it names ("This pier"); on "It" it points at what was
    said before it. An unnamed speaker still may not, and alone (summary box, takeaways)
    such a quotation still leans back."""
    named = "\"This pier was the hardest call of my career,\" Mayor Dana Holt said on Monday."
    assert problem(named, in_account=True) is None
    assert problem(named) == "dangling start"
    assert problem("\"It was the hardest call of my career,\" Mayor Dana Holt said on Monday.",
                   in_account=True) == "dangling start"
    assert problem("\"We are proud of the new pier,\" Vale said.", in_account=True) is None
    for unnamed in ("\"It was the hardest call of my career,\" he said on Monday.",
                    "\"It was the hardest call,\" she said, noting that Harlow had voted.",
                    "\"It was the hardest call of my career,\" the mayor said on Monday."):
        assert problem(unnamed, in_account=True) == "dangling start"


def test_company_opener_is_named_from_the_same_source():
    earlier = ["Pellucid Labs, the Oslo headset maker, said on Monday it would open a store "
               "in Bergen.", "Its headsets sell for about 4,000 kroner."]
    rewrite = name_opener("The company has sold 12,000 headsets since March.", earlier,
                          "Pellucid Labs opens its first store")
    assert rewrite is not None
    assert rewrite.text == "Pellucid Labs has sold 12,000 headsets since March."
    assert rewrite.note == "'The company' → 'Pellucid Labs'"


def test_product_opener_takes_the_name_written_before_its_noun():
    earlier = ["Quillmark released the Pebblenote app for phones on Thursday."]
    rewrite = name_opener("The app turns spoken notes into short written summaries.", earlier)
    assert rewrite is not None and rewrite.text.startswith("The Pebblenote app turns")


def test_a_possessive_name_ending_in_s_takes_only_the_apostrophe():
    earlier = ["HarbourWays said on Monday it would order two electric boats."]
    rewrite = name_opener("The company's two new boats will carry 300 passengers each.",
                          earlier, "HarbourWays orders electric boats")
    assert rewrite is not None
    assert rewrite.text == "HarbourWays' two new boats will carry 300 passengers each."


def test_an_opener_noun_used_as_a_modifier_is_not_named():
    """"The launch window opened ...": the window, not the launch, is the subject; naming
    the launch ("The Bergen launch window") would change what the sentence says."""
    earlier = ["Pellucid will launch its headset from the Bergen launch site on Friday."]
    assert name_opener("The launch window opened at nine in the morning.", earlier) is None


@pytest.mark.parametrize("earlier,title", [
    (["Dana Ortiz said the plan would be published next week."], "Plan delayed again"),
    (["Shares rose in early trading on Wednesday."], "Markets calm"),
])
def test_uncertain_openers_are_left_alone(earlier, title):
    """A person is never taken for "the company"; nothing named means no rewrite."""
    assert name_opener("The company has not commented on the plan.", earlier, title) is None


def test_rewrites_are_recorded_and_cited_in_the_report_story():
    """In a fixture story a rewritten takeaway keeps its source sentence and a note,
    and its sources still say it."""
    docs = load_story("compose_breach")
    summary = summarize(docs)
    taken = key_takeaways(docs, summary)
    rewritten = [t for t in [*summary, *taken] if t.rewrite]
    assert rewritten, [t.text for t in taken]
    for t in rewritten:
        opener, name = (part.strip(" '") for part in t.rewrite.split("→"))
        assert t.source_sentence.startswith(opener) and t.text.startswith(name)
        assert t.source_number in t.cites


@pytest.mark.parametrize("name", STORIES)
def test_summary_opens_on_a_named_fact_never_a_quote_or_headline(name):
    docs = load_story(name)
    first = summarize(docs)[0]
    assert first.text[0] not in "\"“'‘"
    assert all(first.text.rstrip(".") != d.title for d in docs)
    assert stands_alone(first.text)


@pytest.mark.parametrize("name", STORIES)
def test_takeaways_are_named_facts_in_story_order(name):
    docs = load_story(name)
    summary = summarize(docs)
    taken = key_takeaways(docs, summary)
    assert all(t.text[0] not in "\"“'‘" and stands_alone(t.text) for t in taken)
    order = [(t.source_number, t.sentence_index) for t in taken]
    assert order == sorted(order)


def test_a_summary_fact_is_not_repeated_as_a_takeaway():
    docs = load_story("compose_layoffs")
    summary = summarize(docs)
    taken = key_takeaways(docs, summary)
    assert any("2,400" in s.text for s in summary)
    assert not any("2,400" in t.text for t in taken)


def test_the_same_dated_event_in_other_words_is_one_fact():
    """Two outlets tell the June ruling in their own words: one fact, said once. A
    different event that shares some words but not its date is another fact."""
    from digest.compose.select import Candidate, repeats
    first = ("In June, the judge in the case ruled that Harwick's use of the maps for "
             "training its routing model was fair use, a win for the company.")
    other = ("In June, federal judge Dana Holt sided with Harwick and ruled that it is "
             "legal to train software on licensed maps.")
    later = ("In July, the appeals court heard arguments from the map makers, who say the "
             "ruling on the routing model ignored their licences.")
    story = analyse_story([_doc(1, first), _doc(2, other), _doc(3, later)])
    unit = {u.doc: i for i, u in enumerate(story.units)}
    assert repeats(story, Candidate(unit[1], other, len(other.split()), 1.0), [], [first])
    assert not repeats(story, Candidate(unit[2], later, len(later.split()), 1.0), [], [first])


# ---- sources that disagree ---------------------------------------------------------------

def test_two_outlets_giving_different_prices_for_one_deal_disagree():
    [found] = disagreements(analyse_story(load_story("compose_dispute")))
    assert found.kind == "money"
    assert [(s.value, s.sources) for s in found.sides] == [("$4.1 billion", (1,)),
                                                           ("$4.5 billion", (2, 3))]


def test_a_figure_before_a_comma_is_shown_without_it():
    docs = [_doc(1, "A season pass for the Portmere harbour ferry will cost $2,700, the council "
                    "said on Tuesday after a long debate."),
            _doc(2, "A season pass for the Portmere harbour ferry will cost $2,900, the council "
                    "said on Tuesday after a long debate.")]
    [found] = disagreements(analyse_story(docs))
    assert [s.value for s in found.sides] == ["$2,700", "$2,900"]


def test_money_takes_a_scale_word_and_a_count_only_a_spelled_out_one():
    assert [v.key for v in values("Tickets cost $20 T-shirts $15 and $1.5bn in all.")] == \
        ["20", "15", "1.5b"]
    assert [v.key for v in values("It hired 2 million people; the hall is 3 m long.")] == ["2m"]


def test_different_days_for_one_vote_disagree():
    docs = [_doc(1, "The Portmere council approved the harbour bridge budget on Tuesday after "
                    "a long debate.\n\nThe bridge will cost 40 million euros."),
            _doc(2, "The Portmere council approved the harbour bridge budget on Wednesday "
                    "after a long debate.\n\nWork starts in the spring.")]
    [found] = disagreements(analyse_story(docs))
    assert found.kind == "weekday"
    assert [s.value for s in found.sides] == ["Tuesday", "Wednesday"]


def test_different_calendar_dates_for_one_opening_disagree():
    docs = [_doc(1, "Portmere will open its new harbour bridge to traffic on March 3, the "
                    "council said.\n\nThe bridge took four years to build."),
            _doc(2, "Portmere will open its new harbour bridge to traffic on 4 March, the "
                    "council said.\n\nCyclists get a lane of their own.")]
    [found] = disagreements(analyse_story(docs))
    assert found.kind == "date"
    assert [(s.value, s.sources) for s in found.sides] == [("March 3", (1,)), ("4 March", (2,))]


def test_one_date_written_two_ways_is_no_disagreement():
    docs = [_doc(1, "Portmere will open its new harbour bridge to traffic on March 3, the "
                    "council said.\n\nThe bridge took four years to build."),
            _doc(2, "Portmere will open its new harbour bridge to traffic on 3rd March, the "
                    "council said.\n\nCyclists get a lane of their own.")]
    assert disagreements(analyse_story(docs)) == ()


@pytest.mark.parametrize("first,second", [
    # different facts, each with its own figure
    ("Harwick will cut 2,400 jobs at its plants in Germany, the carmaker said.",
     "Harwick will cut 900 jobs at its plants in Spain, the carmaker said."),
    ("Tessel's revenue grew 35% last year as utilities ordered more batteries.",
     "Tessel's profit fell 12% last year as the cost of lithium rose."),
    # one outlet gives both values: a change, not a dispute
    ("Brightwater raised its offer for Tessel Cells from $4.1 billion to $4.5 billion.",
     "Brightwater has offered $4.5 billion for Tessel Cells, the utility said."),
    # two different events on different dates
    ("Portmere will sell tickets for the harbour festival from March 3, the council said.",
     "Portmere will close the harbour road for the festival on March 20, the council said."),
    ("The Portmere ferry timetable changes on Monday, the operator said.",
     "The Portmere ferry fares rise on Friday, the operator said."),
    # a count of a different thing
    ("Tessel employs about 1,800 people at its plant in Gothenburg.",
     "Tessel sold about 2,300 battery packs from its plant in Gothenburg."),
])
def test_different_facts_are_never_flagged(first, second):
    docs = [_doc(1, first + "\n\nThe deal was announced in the morning."),
            _doc(2, second + "\n\nAnalysts expect more deals.")]
    assert disagreements(analyse_story(docs)) == ()


@pytest.mark.parametrize("name", [s for s in STORIES if s != "compose_dispute"])
def test_agreeing_fixture_stories_have_no_disagreement(name):
    assert disagreements(analyse_story(load_story(name))) == ()


# ---- the page and the report ---------------------------------------------------------

def test_disagreement_note_and_bylines_on_the_page_and_in_the_report(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITES / "compose_dispute", site)
    config = load_config(site)
    build(config)
    [page] = (config.output_path / "stories").glob("*/index.html")
    doc = parse_html(page)
    [note] = doc.css(".digest-disagreement")
    text = " ".join(note.text().split())
    assert "The Harbour Ledger gives $4.1 billion" in text
    assert "North Sea Wire and Kattegat Business give $4.5 billion" in text
    assert [a.attributes["href"] for a in note.css("a")] == ["#src-1", "#src-2", "#src-3"]
    sources = {li.attributes["data-outlet"]: " ".join(li.text().split())
               for li in doc.css(".digest-sources > li")}
    assert "Noor Castellan" in sources["The Harbour Ledger"]
    assert "Elin Varga" in sources["North Sea Wire"]  # from the body's "By ..." line
    assert "By Elin Varga" not in " ".join(doc.css_first(".digest-body").text().split())
    result = CliRunner().invoke(main, ["report", "--site", str(site), "--json"],
                                catch_exceptions=False)
    [story] = json.loads(result.output)["stories"]
    assert story["disagreements"] == [{"kind": "money", "sides": [
        {"value": "$4.1 billion", "sources": [1], "sentence": story["disagreements"][0]["sides"]
         [0]["sentence"]},
        {"value": "$4.5 billion", "sources": [2, 3], "sentence": story["disagreements"][0]
         ["sides"][1]["sentence"]}]}]
    rewritten = [s for s in story["summary"] + story["takeaways"] if s["rewrite"]]
    assert all(s["from"]["sentence"] != s["text"] for s in rewritten)
    text_report = CliRunner().invoke(main, ["report", "--site", str(site)]).output
    assert "Sources disagree (money): $4.1 billion [1]; $4.5 billion [2, 3]" in text_report
    for s in rewritten:
        assert f"opener named: {s['rewrite']}" in text_report


def test_republishing_blog_is_never_the_author_and_copies_are_listed_once(make_site):
    lead = ("Pellucid Labs opened its first store in Bergen on Monday, selling its headsets "
            "for about 4,000 kroner.")
    more = "The Oslo company plans two more stores in Norway next year, it said."
    original = article("Pellucid Labs opens its first store", date="2025-11-10T08:15:00Z",
                       source="https://fjordtech.example/pellucid-store", outlet="Fjord Tech",
                       author="ReblogHub", story="pellucid",
                       body=f"By Sigrid Aasen\n\n{lead}\n\n{more}")
    repost = article("Pellucid Labs opens its first store", date="2025-11-10",
                     source="https://fjordtech.example/pellucid-store", outlet="Fjord Tech",
                     story="pellucid", body=f"{lead}\n\nShare this article")
    other = article("Pellucid opens Bergen shop", date="2025-11-11T10:00:00Z",
                    source="https://nordwire.example/pellucid", outlet="Nord Wire",
                    story="pellucid", author="Dana Ortiz",
                    body=f"{lead}\n\nThe store is in the city centre, near the harbour.")
    site = make_site({"content/a.md": original, "content/b.md": repost, "content/c.md": other})
    config = load_config(site)
    build(config)
    [page] = (config.output_path / "stories").glob("*/index.html")
    doc = parse_html(page)
    entries = doc.css(".digest-sources > li")
    first = " ".join(entries[0].text().split())
    assert "Sigrid Aasen" in first and "ReblogHub" not in first
    assert entries[0].css(".digest-source-also li") == []  # its own URL and outlet again
    assert "08:15" in entries[0].css_first("time").attributes["datetime"]


def test_a_headline_alone_gives_no_summary_box(make_site):
    site = make_site({"content/a.md": article("Quillmark ships the Pebblenote app", body="")})
    config = load_config(site)
    build(config)
    [page] = (config.output_path / "stories").glob("*/index.html")
    assert parse_html(page).css_first(".digest-summary") is None


# ---- what a reader found wrong on real pages (own-words versions) --------------------

def test_the_company_is_not_named_when_another_name_dominates():
    """"The company" after a sentence about Quillmark and Pellucid, where Pellucid is
    named more often, is left alone rather than guessed."""
    earlier = ["Quillmark is removing Pellucid headsets from its stores after a warning "
               "letter from Pellucid lawyers about Pellucid trademarks."]
    assert name_opener("The company on Friday announced a deal with Norrvik.", earlier,
                       "Quillmark pulls Pellucid headsets") is None


def test_the_company_is_not_a_name_the_same_sentence_gives_again():
    """"The company" in a sentence that names Quillmark itself is another company: after
    "Quillmark wrote to Pellucid", "The company denied using Quillmark designs" is
    Pellucid's denial, and "Quillmark denied using Quillmark designs" would be false."""
    earlier = ["Quillmark Labs, the notebook maker, said on Monday it had written to Pellucid "
               "about its new headset.", "Quillmark Labs sells its notebooks in 40 countries."]
    title = "Quillmark Labs warns Pellucid over headset design"
    assert name_opener("The company denied using Quillmark designs in the headset.",
                       earlier, title) is None
    rewrite = name_opener("The company said it would wait for a reply until Friday.",
                          earlier, title)
    assert rewrite is not None and rewrite.text.startswith("Quillmark Labs said")
    for own in ("The company will sell the Quillmark Labs Slate notebook from May.",
                "The company said it would \"defend Quillmark Labs designs in court.\""):
        rewrite = name_opener(own, earlier, title)  # its own product, or someone's words
        assert rewrite is not None and rewrite.text.startswith("Quillmark Labs ")


def test_the_company_is_not_named_after_a_sentence_crediting_another():
    """"…, according to Pellucid." then "The company says …": the company is Pellucid, not
    the headline's Quillmark Labs, which the sentences before were about."""
    earlier = ["Quillmark Labs now syncs notes across its tablets.",
               "Owners of older tablets get the update next week, according to Pellucid."]
    title = "Quillmark Labs now syncs notes across tablets"
    assert name_opener("The company says more tablets will follow in May.", earlier,
                       title) is None


def test_a_generic_word_is_not_a_name_for_the_thing():
    earlier = ["One of her projects was an AI tool called Sorrel."]
    assert name_opener("That tool found 2 million new compounds in 2023.", earlier) is None


@pytest.mark.parametrize("text", [
    "For now, it’s the only platform allowed to show the characters, Norrvik said.",
    "Prior to this, Pellucid had sued two rivals over its headset patents.",
    "The experiment is part of a wider effort by Quillmark to cut noise in replies.",
])
def test_more_openers_that_lean_back(text):
    assert problem(text) == "dangling start"


def test_outreach_lines_are_boilerplate():
    assert problem("The Ledger has reached out to Pellucid and Quillmark for comment and "
                   "will update this story.") == "boilerplate"
    for line in ("Anyone with information about the missing ferry should call the Orrin "
                 "harbour police at 555-0100.",
                 "The Harbour Gazette left a message seeking comment from the Orrin police.",
                 "This story was updated at 5:48 p.m. to correct the name of the ferry.",
                 "Sealink's chief executive could not be reached for comment on Friday."):
        assert problem(line) == "boilerplate", line
    assert problem("A caller left a message threatening the Orrin harbour master on Friday.") \
        is None


@pytest.mark.parametrize("text", [
    # a spoken opener answering something said before
    "Why, yes, the pier will open again on Friday morning.",
    "Yeah, the new ferry is not going to be cheap for families.",
    # time counted from an event the sentence does not name
    "Not long after, the ferry turned back towards Harlow harbour.",
    "Two days later, the council closed the pier to all walkers.",
    # "one" standing for a noun said before
    "The biggest one might be the new night crossing to Ostend.",
    "The new ones are faster and cost less than the old pier lamps.",
    "The second contains the week's ferry timetables for Harlow and Ostend.",
    # a bare definite description as the opening phrase, or a video never named
    "According to the report, the Harlow ferry lost 2 million euros last year.",
    "Under the deal, Sealink will pay 40 million euros for the Ostend terminal.",
    "In the video, the captain shows the new night cabins of the ferry.",
    "The video shows the captain steering the ferry into Ostend harbour.",
    "Now the company has said it needs more time to finish the night ferry.",
    "The lake itself has tripled in size since the glacier began to melt.",
    # a contraction typed with a curly apostrophe, and a relative clause set apart
    "That’s the night ferry's last crossing of the year.",
    "They’re the first cabins on the Ostend route with windows.",
    "Which is why the ferry will not sail to Ostend in January.",
    # a share of something said before; a speaker who is only "it"
    "Some or all of those changes will reach the Ostend route next spring.",
    "A night crossing will start in May and cost 90 euros a cabin, it added.",
    # a hedge carrying on a thought
    "Maybe it can carry more cars than the old Harlow ferry.",
])
def test_openers_that_answer_or_count_from_an_earlier_sentence(text):
    assert problem(text) == "dangling start"


@pytest.mark.parametrize("text", [
    "Shortly after 9 a.m., the Harlow bridge closed to traffic in both directions.",
    "Why the council chose Harlow for the new pier is still unclear.",
    "The one road into Harlow closed on Monday after a landslide.",
    "According to the report by the Portmere audit office, the bridge cost 14 million.",
    "In the case of the night ferry, tickets cost 90 euros for two people.",
    "Now the Harlow ferry company has said it needs more time for the night boat.",
    "Most of the ferries on the Ostend route were built in Harlow.",
    "Sealink will start a night crossing in May, it said on Tuesday.",
    "The second bridge opens to walkers in May, the council said.",
    "The first company to run a night ferry from Harlow was Sealink.",
    "The last mainline ferry to Ostend left Harlow in 2018.",
    "The Harlow Ferry One could carry 400 cars on each crossing.",
    "The third Unpacked event of the year takes place in Harlow.",
    "Sealink calls its app everything a ferry passenger wants to book online, but can't.",
    "Well-known chef Ada Holm opened a restaurant in Harlow on Friday.",
    "The bridge is not as busy as it was before the toll was introduced.",
    "Welcome Break will open two service stations on the M5 next year.",
    "Years of delays pushed the opening of the Harlow bridge to 2027.",
])
def test_look_alikes_of_those_openers_stand_alone(text):
    assert stands_alone(text)


def test_furniture_greetings_and_pointers_back_are_never_shown():
    """A column's greeting, an event promo with a curly apostrophe, a pointer to what
    the source said earlier, and a sentence whose verb is in the one before it."""
    assert problem("Welcome to Harbour Weekly, our roundup of the week's ferry news.") \
        == "boilerplate"
    assert problem("Don’t miss the Harbour Summit in May and a chance to meet the "
                   "ferry operators.") == "boilerplate"
    assert problem("The night ferry should now be running again, as previously stated.") \
        == "points at the source page"
    assert problem("Don't expect the night ferry to run before May, Sealink said.") \
        == "instructs the reader"
    assert problem("Travellers: book a cabin on the Harlow night ferry before May.") \
        == "instructs the reader"
    assert stands_alone("Orrin: the ferry will sail again on Tuesday, Sealink said.")
    assert problem("Simply open the Sealink app and pick a cabin for the night crossing.") \
        == "instructs the reader"
    assert stands_alone("Just two ferries will sail from Orrin this winter, Sealink said.")
    assert stands_alone("Just Sail Away, Sealink's booking service, closed in May.")
    assert problem("Our experts put every cabin through rigorous testing and research to "
                   "pick the best.") == "boilerplate"
    # the box reports; it does not talk to the reader, even mid-sentence ("… for you",
    # "… that you must book through Sealink"); a takeaway may say what a reader can do
    assert problem("Sealink's new app can even book a cabin for you.") == "addresses the reader"
    assert problem("Bookings open in May, and you must book through Sealink, not an agent.") \
        == "addresses the reader"
    assert problem("Sealink's new app lets you book a cabin on the night ferry.",
                   reader=True) is None
    assert problem("Sealink launched an app on Monday that lets you book a cabin on the "
                   "night ferry.") is None, "news about what a product lets people do"
    assert problem("For the Harlow night ferry, it's not.", min_words=4) \
        == "elliptical ending"
    # a to-infinitive without its verb leans on the sentence before; a closing
    # preposition does not
    assert problem("Given the fares on the night ferry, there may be reason to.") \
        == "elliptical ending"
    assert problem("Sealink has not cut the night fares yet, but it plans to.") \
        == "elliptical ending"
    assert problem("The night fare is lower than Harlow's commuters are used to.") is None


def test_glued_acronym_sentence_and_colon_intro_are_cut():
    from digest.content.scraped import split_glued
    from digest.text.sentences import split_sentences

    assert split_sentences("The launch does not prove the hype.QX-5 is a modest step forward.") \
        == ["The launch does not prove the hype.", "QX-5 is a modest step forward."]
    assert split_glued("Changes to Quillmark:You can now pick a faster mode.") == \
        ["Changes to Quillmark:", "You can now pick a faster mode."]


def test_a_sentence_may_open_on_a_name_spelt_with_a_small_first_letter():
    assert problem("xAI laid off 500 of the workers who label its training data.") is None
    assert problem("and laid off 500 of the workers who label its training data.") is not None


def test_a_quotation_taken_up_mid_sentence_does_not_open_a_sentence():
    """A quotation starting a sentence starts with a capital; a small letter means the
    writer took it up in the middle of the speaker's sentence."""
    assert problem("“you will now get the ferry times as soon as you ask,” according to the "
                   "Harbour Board.") == "starts mid-sentence"
    assert problem("“You will now get the ferry times as soon as you ask,” the Harbour Board "
                   "said.") is None
    assert problem("“iOS users will get the ferry times first,” the Harbour Board said on "
                   "Monday.") is None


def test_a_wire_photo_caption_is_not_a_sentence_to_show():
    """A caption ends on the place and the full date the picture was taken."""
    caption = ("Harbour workers wave as the new ferry leaves the pier at Orrin, "
               "Friday, Oct. 14, 2011.")
    assert problem(caption) == "photo caption"
    assert problem("A harbour worker watches as the old ferry is towed away, Wednesday, "
                   "Sept. 2, 2015 in Orrin, Maine.") == "photo caption"
    assert problem("Sealink said on Friday, Oct. 14, that the ferry would sail in May.") is None
    assert problem("The ferry sank on Friday, Oct. 14, 2011 in the Orrin strait.") is None
    assert problem("Harbour master Ines Vale opens the new pier at the ferry fair on Sunday, "
                   "Feb. 26, 2017, at the Orrin Quay in Maine.") == "photo caption"
    assert problem("The old ferry sank on Sunday, Feb. 26, 2017, at the Orrin Quay in Maine.") \
        is None
    assert problem("Sealink's new ferry will first sail from Orrin on March 20, 2026.") is None


def test_a_caption_speaking_of_its_picture_is_not_a_sentence_to_show():
    """"In this photo …", "This undated photo … shows …", "…, this photo released by …
    shows." and people placed in the frame ("Ines Vale, left, and …") are captions; a
    news sentence may still mention a photo or a direction."""
    for caption in ("In this photo provided by the harbour office, the new ferry leaves "
                    "Orrin on its first crossing.",
                    "This undated photo provided by Sealink shows the ferry's night cabins "
                    "before the refit.",
                    "Smoke rises over the Orrin pier after the fire, this photo released by "
                    "the coast guard shows.",
                    "Harbour master Vale, left, and Mayor Dana Holt open the new terminal "
                    "at Orrin.",
                    "Mayor Dana Holt speaks at the opening of the Orrin ferry terminal on "
                    "Oct. 22, 2024.",
                    "The old Orrin pier is seen before the storm that wrecked it, Jan. 20, "
                    "2015.",
                    "Mayor Dana Holt takes part in a charity swim at the harbour in Orrin, "
                    "Norway, on Saturday."):
        assert problem(caption) == "photo caption", caption
    # the place and weekday close a report too: in the past, or a plan in the present
    assert problem("Sealink opened its new ferry terminal in Orrin, Norway, on Saturday.") \
        is None
    assert problem("Sealink's first night ferry sails from Orrin, Norway, on Monday.") is None
    assert problem("Sealink said the photo of its new ferry was taken in Orrin last May.") \
        is None
    assert problem("The ferry turned left, and its captain radioed the Orrin harbour office "
                   "for help.") is None
    # the present of a state, or a verb that is not in the present, is a report's
    assert problem("Sealink holds the record for the fastest crossing, set on May 2, 2019.") \
        is None
    assert problem("Mayor Dana Holt could not attend the opening of the terminal on Oct. 22, "
                   "2024.") is None


def test_an_outlet_telling_of_its_own_coverage_is_furniture():
    assert problem("As usual, Engadget will be covering the launch in person and online.") \
        == "boilerplate"
    assert problem("ZDNET is reporting on all the news from this week's ferry show.") \
        == "boilerplate"
    assert problem("Bloomberg is reporting that Sealink will sell its night ferry.") is None


def test_an_author_bio_by_beat_is_furniture():
    assert problem("Ines Vale covers ferries and the harbour for The Orrin Gazette.") \
        == "boilerplate"
    assert problem("Sealink covers the night crossings for the island's council.") is None


def test_an_author_bio_by_title_is_furniture():
    assert problem("Ines Vale is executive editor of The Orrin Gazette.") == "boilerplate"
    assert problem("Ines Vale, executive editor of The Orrin Gazette, resigned on Monday after "
                   "the ferry story.") is None


@pytest.mark.parametrize("text,silent", [
    ("Sealink declined to comment on the new fares beyond its statement.", True),
    ("The harbour master did not immediately return a call for comment.", True),
    ("Mayor Holt did not reply to emailed questions about the ferry.", True),
    ("Sealink, which declined to comment, raised its fares by a third in May.", False),
    ("The ferry did not return to Orrin until the storm ended on Monday night.", False),
])
def test_a_sentence_that_only_says_someone_would_not_speak_is_not_shown(text, silent):
    assert (problem(text) == "no comment") is silent


_CUT_QUOTES = [  # (sentence, is it a piece of a quotation in single quotes?)
    ("The harbour master told the Courier: 'Cars board from eight and the ferry's cabins are "
     "booked.", True),  # a quotation in single quotes the splitter cut: it never closes
    ("The night crossing from Harlow stays far cheaper than flying to Ostend.'", True),  # its end
    ("The harbour master told the Courier: 'Cars board from eight.'", False),
    ("Islanders called the timetable 'a shambles' at Monday's meeting.", False),
    ("The dockers' union said the new quay opens in the '30s style of the old one.", False),
    ("“Most of it is just, ‘Book the cabin and sleep,’” Ruth Amble says of the night ferry.",
     False),  # a quotation inside a quotation
    ("According to the Courier, two captains now sail the route for Harbour Lines Co.'",
     False),  # an abbreviation's full stop, then a possessive
]


def test_a_piece_of_a_single_quoted_quotation_is_not_a_sentence():
    for text, cut in _CUT_QUOTES:
        assert (problem(text) == "unbalanced quotes or brackets") == cut, text
        assert cut or problem(text) is None, text
