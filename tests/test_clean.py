"""The boilerplate cleaner (digest.content.clean): every rule, and the sentences none may touch.

All fixtures are our own wording, imitating the shapes scraped pages take.
"""

from __future__ import annotations

import pytest

from digest.content.clean import clean_body
from digest.content.clean_rules import RULES
from digest.content.model import RemovedLine

TITLE = "Regional bank confirms breach of customer records"
EXCERPT = "The lender says names and account numbers were taken..."
LEAD = ("The regional bank said on Tuesday that an intruder copied names, addresses and account "
        "numbers belonging to about 40,000 customers.")
MORE = "A spokesperson said the company had notified state regulators and hired an outside firm."

# (rule, body, the line the rule must remove): each body also holds real reporting,
# which must be kept. `{lead}` / `{more}` are filled with the sentences above.
POSITIVE = [
    ("zdnet_trust_block", ("Why you can trust ZDNET\n: ZDNET independently tests gadgets. We may "
     "earn a commission.Our editors check facts. Report errors via this form. Close\n{lead}"),
     "Why you can trust ZDNET"),
    ("follow_us", "{lead}\nFollow us on Bluesky and Threads for more.\n{more}",
     "Follow us on Bluesky and Threads for more."),
    ("follow_us", "{lead}\nFollow ZDNET: Add us as a preferred source on Google.\n{more}",
     "Follow ZDNET: Add us as a preferred source on Google."),
    ("key_takeaways_label", "ZDNET's key takeaways\n- The bank was breached.\n{lead}",
     "ZDNET's key takeaways"),
    ("also_headline", "{lead}\nAlso: The five best routers we tested this year\n{more}",
     "Also: The five best routers we tested this year"),
    ("read_more", "{lead}\nRead more\n{more}", "Read more"),
    ("read_more", "{lead}\n**Read more:** [Our guide to passkeys](https://example.org/p)\n{more}",
     "**Read more:** [Our guide to passkeys](https://example.org/p)"),
    ("read_more", "{lead}\n[Read the full story at The Daily Wire Desk.](https://example.org/s)",
     "[Read the full story at The Daily Wire Desk.](https://example.org/s)"),
    ("more_coverage", "{lead}\n*Check out our coverage of the* [*best laptop deals*](/deals)",
     "*Check out our coverage of the* [*best laptop deals*](/deals)"),
    ("share_prompt", "{lead}\nShare this article\n{more}", "Share this article"),
    ("newsletter_prompt", "{lead}\nSubscribe to our newsletter\n{more}",
     "Subscribe to our newsletter"),
    ("newsletter_prompt", "{lead}\nSign up for the Morning Byte newsletter\n{more}",
     "Sign up for the Morning Byte newsletter"),
    ("newsletter_prompt", ("{lead}\nAdd Orrin Ferries as an interest to stay up to date on "
     "the latest news from the Harbour Gazette.\n{more}"),
     "Add Orrin Ferries as an interest to stay up to date on the latest news from the Harbour "
     "Gazette."),
    ("advertisement", "{lead}\nAdvertisement\n{more}", "Advertisement"),
    ("gallery_widget", ("{lead}\n1 of 12 Full Screen Autoplay Close Skip Ad × The bank through "
     "the years View Photos The lender opened its first branch in 1901. Caption Customers queue "
     "at the Leeds branch. Jane Doe/Example Wire Buy Photo Wait 1 second to continue.\n{more}"),
     "1 of 12 Full Screen Autoplay Close Skip Ad × The bank through the years View Photos The "
     "lender opened its first branch in 1901. Caption Customers queue at the Leeds branch. Jane "
     "Doe/Example Wire Buy Photo Wait 1 second to continue."),
    ("player_controls", "CLOSE Skip in Skip x Embed x Share {lead}",
     "CLOSE Skip in Skip x Embed x Share"),
    ("player_controls", "{lead}\nCLOSE\n{more}", "CLOSE"),
    ("player_controls", "Skip in Skip x Embed x Share {lead}", "Skip in Skip x Embed x Share"),
    ("labelled_caption", ("{lead}\nImage copyright Harbour Wire Image caption The night ferry "
     "at Orrin pier last winter\n{more}"),
     "Image copyright Harbour Wire Image caption The night ferry at Orrin pier last winter"),
    ("caption_with_credit",
     "{lead}\nThe captain of the Orrin ferry, Ines Vale. Photo: Sealink\n{more}",
     "The captain of the Orrin ferry, Ines Vale. Photo: Sealink"),
    ("labelled_caption", "{lead}\nImage caption ... a week after the storm.\n{more}",
     "Image caption ... a week after the storm."),
    ("event_promo",
     "{lead}\nInvestors: Meet startups that align with your investment goals.\n{more}",
     "Investors: Meet startups that align with your investment goals."),
    ("event_promo", "{lead}\nSave $200+ on your Ledger Summit pass\n{more}",
     "Save $200+ on your Ledger Summit pass"),
    ("event_promo", "{lead}\nBuild smarter. Scale faster. Join harbour founders for a day packed "
     "with workshops.\n{more}",
     "Build smarter. Scale faster. Join harbour founders for a day packed with workshops."),
    ("event_promo",
     "{lead}\nGet your pass to Harbour Week and save up to $300 before May 1\n{more}",
     "Get your pass to Harbour Week and save up to $300 before May 1"),
    ("related_link", "{lead}\nRELATED Harbour bank names a new chief\n{more}",
     "RELATED Harbour bank names a new chief"),
    ("rss_footer", "{lead}\nThe post Regional bank breach widens appeared first on Ledger Feed.",
     "The post Regional bank breach widens appeared first on Ledger Feed."),
    ("rss_footer", "{lead} The post Regional bank breach widens appeared first on Ledger Feed.",
     "The post Regional bank breach widens appeared first on Ledger Feed."),
    ("opt_in_prompt", "{lead}\nOpt in for The Vault Letter here.\n{more}",
     "Opt in for The Vault Letter here."),
    ("truncated", "{lead} Investigators are still tracing how the intruder moved between [\u2026]",
     "Investigators are still tracing how the intruder moved between [\u2026]"),
    ("truncated", "{lead}\nThe bank has hired outside firms, frozen transfers and...",
     "The bank has hired outside firms, frozen transfers and..."),
    ("truncated", "{lead} Every customer in the U.S. from March on must log in with a ca...",
     "Every customer in the U.S. from March on must log in with a ca..."),
    ("photo_credit", "{lead}\n(Photo: Sam Ortega/Wire Agency)\n{more}",
     "(Photo: Sam Ortega/Wire Agency)"),
    ("photo_credit", "Image Credits: Lena Park / Getty Images\n{lead}",
     "Image Credits: Lena Park / Getty Images"),
    ("photo_credit", "{lead}\nPhoto by Ava Stone on Unsplash\n{more}",
     "Photo by Ava Stone on Unsplash"),
    ("credit_caption", "{lead}\nGetty Images\n{more}", "Getty Images"),
    ("credit_caption", "{lead}\nThe chief executive on stage in Austin.  Dana Cole/ZDNET\n{more}",
     "The chief executive on stage in Austin.  Dana Cole/ZDNET"),
    ("byline", "Written by\n{lead}", "Written by"),
    ("byline", "By Jane Doe and Omar Reyes\n{lead}", "By Jane Doe and Omar Reyes"),
    ("byline_dateline",
     "Jo Park, Senior EditorSenior Editor  March 3, 2025 at 9:15 a.m. PT\n{lead}",
     "Jo Park, Senior EditorSenior Editor  March 3, 2025 at 9:15 a.m. PT"),
    ("posted_header", "Posted:\n{lead}", "Posted:"),
    ("dateline_only", "4:05 PM PDT · October 2, 2025\n{lead}", "4:05 PM PDT · October 2, 2025"),
    ("copyright", "{lead}\n© 2025 Example Outlet. All rights reserved.",
     "© 2025 Example Outlet. All rights reserved."),
    ("affiliate_disclosure", ("{lead}\nWhen you buy through links on our site, we may earn an "
     "affiliate commission.\n{more}"),
     "When you buy through links on our site, we may earn an affiliate commission."),
    ("originally_appeared", ("{lead}\nThis article originally appeared on Gadget Desk at "
     "https://example.org/a-story"), ("This article originally appeared on Gadget Desk at "
     "https://example.org/a-story")),
    ("tip_prompt", "{lead}\n**Have a tip for Sam? You can reach him by email or on Signal.**",
     "**Have a tip for Sam? You can reach him by email or on Signal.**"),
    ("help_box", "{lead}\nHarbour Helpline: Call 555-0100 at any hour.\n{more}",
     "Harbour Helpline: Call 555-0100 at any hour."),
    ("event_promo", "{lead}\nTechcrunch event\n{more}", "Techcrunch event"),
    ("event_promo", "{lead}\nRegister now and save up to $500.\n{more}",
     "Register now and save up to $500."),
    ("stay_tuned", "{lead}\n*Stay tuned to Example Wire for more updates on AI.*",
     "*Stay tuned to Example Wire for more updates on AI.*"),
    ("topics_trailer", "{lead}\nTopics\nAI, Banks, Security\nJoin our waitlist now",
     "Topics"),
    ("section_label", "In Brief\n{lead}", "In Brief"),
    ("nav_crumbs", "Home > Tech > Security\n{lead}", "Home > Tech > Security"),
    ("nav_crumbs", "Tech\n\n   Home\n\n   Security\n{lead}", "Tech"),
    ("repeated_title", "# " + TITLE + "\n{lead}", "# " + TITLE),
    ("repeated_excerpt", TITLE + "\nThe lender says names and account numbers were taken from "
     "its systems in March.\nWritten by\n{lead}",
     "The lender says names and account numbers were taken from its systems in March."),
    ("file_photo_caption", ("{lead}\n\nFILE - In this March 3, 2021, file photo, customers "
     "wait outside a branch of the bank in Leeds.\n\n{more}"),
     "FILE - In this March 3, 2021, file photo, customers wait outside a branch of the bank "
     "in Leeds."),
    ("author_bio", ("{lead}\n\n{more}\n\nJane Doe is a senior reporter at Example Wire covering "
     "banks and security."),
     "Jane Doe is a senior reporter at Example Wire covering banks and security."),
]


@pytest.mark.parametrize("rule,body,line", POSITIVE,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(POSITIVE)])
def test_rule_removes_its_line(rule: str, body: str, line: str) -> None:
    result = clean_body(body.format(lead=LEAD, more=MORE), TITLE, EXCERPT)
    assert (line, rule) in [(r.text, r.rule) for r in result.removed]
    assert LEAD in result.text


def test_every_rule_has_a_positive_case() -> None:
    assert {r.name for r in RULES} <= {case[0] for case in POSITIVE}


def test_glued_list_intro_is_cut_and_quoted_ellipsis_kept() -> None:
    body = ("{lead}\nCustomers can pick one of three options from:Call the helpline to reset "
            "a card.\nThe bank said \"no account [...] was emptied\" during the attack.")
    result = clean_body(body.format(lead=LEAD), TITLE, EXCERPT)
    assert "options from:\n\nCall the helpline" in result.text
    assert "\"no account [...] was emptied\" during the attack." in result.text
    assert not result.removed


def test_rule_names_are_unique_and_described() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(r.description for r in RULES)


MUST_SURVIVE = [
    "The company said it would share this article's findings with regulators next week.",
    "Analysts said readers should read more into the delay than the statement suggests.",
    "Share prices fell 4 percent after the announcement, erasing a week of gains.",
    "Advertisement spending on the platform rose 12 percent in the third quarter.",
    "Subscribers to the premium tier will get the feature first, the company said.",
    "Also, the firm said it would stop selling the device in Europe.",
    "Getty Images, the photo agency, reported higher licensing revenue this year.",
    "Follow-up tests showed the battery degraded faster than the company had claimed.",
    "Posted prices at the pump climbed for a third straight week, the agency said.",
    "Written by hand, the letter asked lawmakers to pause the rollout.",
    "In a photo posted on Sunday, the mayor was seen cutting the ribbon at the bank.",
    "In this case, the judge said, photos taken inside the branch were admissible.",
    "The judge said the copyright claims could proceed to trial in 2026.",
    "All rights reserved by the original license remain with the authors, the filing said.",
    "Home prices in the region rose 3 percent, according to the survey.",
    "Retail partners may earn a larger share of each sale under the new contract terms.",
    "This article's central claim was disputed by two former employees of the firm.",
    "Sign-ups for the beta doubled after the keynote, executives said on the earnings call.",
    "Photo editing tools are the most used feature among new subscribers, the survey found.",
    "Image generation costs dropped sharply after the chipmaker cut prices.",
    "Jane Doe is a senior reporter at the center of the lawsuit, according to the filing.",
    "Topics like privacy and antitrust dominated the hearing.",
    "Users who opt in to the test will see the new layout first, the company said.",
    "The post office network will close 40 branches, the operator said.",
    "Read the statement in full, the spokesperson told reporters after the vote.",
    "Have a look at the numbers and the story becomes clear, the analyst said.",
    "Stay tuned, the chief executive told investors, promising news within weeks.",
    "Check out counters at the store now use the new payment terminals, the retailer said.",
    "Update, March 3, 2025 at 5:07 PM ET: The company has since restored service.",
]


@pytest.mark.parametrize("sentence", MUST_SURVIVE)
def test_reporting_sentence_survives_every_rule(sentence: str) -> None:
    bodies = (f"{sentence}\n{LEAD}", f"{LEAD}\n{sentence}\n{MORE}",
              f"{LEAD}\n\n{MORE}\n\n{sentence}")
    for body in bodies:
        result = clean_body(body, TITLE, EXCERPT)
        assert sentence in result.text.splitlines(), (body, result.removed)
        assert all(r.text != sentence for r in result.removed)


def test_lead_rules_stop_at_the_first_prose_line() -> None:
    body = f"{LEAD}\nHome\nTech\n{TITLE}\n{MORE}"
    result = clean_body(body, TITLE, EXCERPT)
    assert result.removed == ()
    assert result.text == body


def test_excerpt_opening_the_lead_paragraph_is_kept() -> None:
    # Scraped excerpts are often the first words of the lead: never drop the lead itself.
    lead = "The lender says names and account numbers were taken, and it has alerted the FBI."
    result = clean_body(f"{lead}\n\n{MORE}", TITLE, lead)
    assert result.text == f"{lead}\n\n{MORE}"


def test_lead_paragraph_before_a_sentence_opening_on_by_is_kept() -> None:
    # "By April, …" opens a sentence, not a byline: the lead the excerpt cut short stays.
    lead = ("Harbour Bank is buying Ledgerline, a payments startup that has become the talk of "
            "the city since it opened this spring with a demo so slick it spread overnight.")
    after = "By April, just weeks after launch, a fund led a $75 million round in Ledgerline."
    body = f"{lead}\n\n{after}\n\n{MORE}"
    result = clean_body(body, TITLE, lead[:120] + "...")
    assert result.text == body, result.removed


def test_lone_paragraph_matching_the_excerpt_is_kept() -> None:
    lead = "A lab tied to a university built two chatbot personas to teach visitors [&#8230;]"
    assert clean_body(lead, TITLE, lead[:60] + "...").text == lead


def test_removed_lines_keep_numbers_and_rules() -> None:
    body = f"Home > Tech\n\n{TITLE}\n\n{LEAD}\n\nAdvertisement\n\n{MORE}\n"
    result = clean_body(body, TITLE, EXCERPT)
    assert result.removed == (
        RemovedLine(1, "Home > Tech", "nav_crumbs"),
        RemovedLine(3, TITLE, "repeated_title"),
        RemovedLine(7, "Advertisement", "advertisement"),
    )
    assert result.text == f"{LEAD}\n\n{MORE}"


def test_glued_flattened_page() -> None:
    body = ("Tech\n   Home\n   Tech\n   Security\n " + TITLE + "\n  Written by\n"
            "   Jo Park, Senior Writer  Aug. 4, 2025 at 3:10 p.m. PT        Kim Lau/iStock / Getty "
            "Images Plus via GettyFollow ZDNET: Add us as a preferred source on Google."
            "ZDNET's key takeawaysThe bank was breached.Customers get free monitoring."
            "The regional bank said on Tuesday that an intruder copied data. It is still counting. "
            "Also: How to lock your credit after a breachWhat customers should doCheck statements.")
    result = clean_body(body, TITLE, EXCERPT)
    assert result.text.splitlines() == [
        "The bank was breached.", "", "Customers get free monitoring.", "",
        "The regional bank said on Tuesday that an intruder copied data. It is still counting.",
        "", "What customers should doCheck statements.",
    ]
    rules = [r.rule for r in result.removed]
    assert rules[:4] == ["nav_crumbs"] * 4
    assert {"repeated_title", "byline", "byline_dateline", "credit_caption", "follow_us",
            "key_takeaways_label", "also_headline"} <= set(rules)
    assert all(r.line == 7 for r in result.removed if r.rule == "follow_us")


def test_trust_block_split_by_glue_is_removed_whole() -> None:
    body = (f"Why you can trust ZDNET\n: ZDNET independently tests things.We may earn a commission."
            f"Our editors check facts.Report mistakes via this form. Close\n{LEAD}")
    result = clean_body(body, TITLE, None)
    assert result.text == LEAD
    assert {r.rule for r in result.removed} == {"zdnet_trust_block"}


def test_scraper_indentation_removed_but_list_nesting_kept() -> None:
    body = f"        {LEAD}\n\n- item\n  - nested item"
    assert clean_body(body, TITLE).text == f"{LEAD}\n\n- item\n  - nested item"


def test_output_is_deterministic_and_empty_input_is_fine() -> None:
    body = f"Home > Tech\n{LEAD}\nRead more\n{MORE}"
    assert clean_body(body, TITLE, EXCERPT) == clean_body(body, TITLE, EXCERPT)
    assert clean_body("", TITLE).text == ""


def test_a_credit_ending_in_slash_getty_is_cut_from_the_lead_it_was_glued_to() -> None:
    body = ("   Jo Park, Senior Writer  Aug. 4, 2025 at 3:10 p.m. PT        Harbour Photos / "
            "Contributor/GettyThe ferry to Orrin will sail twice a day from May. The council "
            "approved the timetable on Tuesday.")
    result = clean_body(body, TITLE, None)
    assert result.text.startswith("The ferry to Orrin will sail twice a day from May.")
    assert "credit_caption" in {r.rule for r in result.removed}


def test_a_caption_counts_its_sentences_with_the_pipeline_splitter() -> None:
    """An abbreviation ("Sen.", "Mt.") ends no sentence: a two-sentence caption with a
    credit goes; three sentences of reporting that end on a credit stay."""
    caption = "Sen. Ortiz speaks at a rally in Mt. Vernon. Dana Cole/Getty Images"
    prose = ("Crews cleared the road. The bridge reopened on Friday. Traffic returned to "
             "normal, said Lee/Getty Images")
    removed = clean_body(f"{LEAD}\n{caption}\n{prose}\n{MORE}", TITLE, EXCERPT).removed
    assert [(r.text, r.rule) for r in removed] == [(caption, "credit_caption")]


def test_a_help_box_for_readers_in_distress_is_not_the_story() -> None:
    box = ("If you or someone you know is struggling, there are people who want to help.\n\n"
           "In the US:\n\n"
           "Harbour Helpline: Text SEA to 555-0100 at any time, about any kind of crisis.\n\n"
           "Island Friends runs a network of listeners in 12 towns. Click here to find them.\n\n")
    result = clean_body(f"{LEAD}\n\n{box}{MORE}\n", TITLE, None)
    assert "Helpline" not in result.text and "Island Friends" not in result.text
    assert result.text.startswith(LEAD) and result.text.endswith(MORE)
    assert [r.rule for r in result.removed if "Harbour" in r.text or "Click" in r.text] \
        == ["help_box", "help_box"]


# One line per branch of the two rules with the longest patterns, which the forward pass
# screens by line length (`clean._FLOORS`): each branch still removes its line.
BRANCHES = [
    ("help_box", "If you or someone you know needs support, help is a phone call away."),
    ("help_box", "Tide Line: Chat online with a trained listener tonight."),
    ("help_box", "ISLAND CRISIS DESK: TEXT HOME TO 555-0101"),
    ("help_box", "Local clinics are listed on the council site. Click here to see them."),
    ("help_box", "Local clinics are listed on the council site. CLIC\u212a HERE to see them."),
    ("event_promo", "TechCrunch Sessions: Climate in Oslo"),
    ("event_promo", "Register now for the spring gathering"),
    ("event_promo", "Book your table"),
    ("event_promo", "Join the Disrupt crowd in Lisbon this autumn"),
    ("event_promo", "Join 10,000+ builders, investors and founders in Lisbon"),
    ("event_promo", "Save up to $400 this week only"),
    ("event_promo", "Founders: Your next big connection is waiting"),
    ("event_promo", "Investors: Meet startups building for the harbour economy"),
    ("event_promo", "Innovators & visionaries: see the future of harbours"),
    ("event_promo", "Get the ticket type for you:"),
    ("event_promo", "Flash sale alert: two passes for the price of one"),
    ("event_promo", "Save $150 on your Harbour Week pass"),
    ("event_promo", "Build smarter. Scale faster. Meet the crews shipping this year."),
    ("event_promo", "Grab your tickets before they run out"),
    ("event_promo", "Early passes go fast, so save $200 by Friday"),
]


@pytest.mark.parametrize("rule,line", BRANCHES, ids=[f"{c[0]}-{i}" for i, c in enumerate(BRANCHES)])
def test_every_branch_of_a_long_rule_removes_its_line(rule: str, line: str) -> None:
    result = clean_body(f"{LEAD}\n\n{line}\n\n{MORE}\n", TITLE, None)
    assert [(r.text, r.rule) for r in result.removed] == [(line, rule)]
    assert result.text == f"{LEAD}\n\n{MORE}"


@pytest.mark.parametrize("length,removed", [(600, True), (601, False)])
def test_a_rule_applies_up_to_its_own_max_length(length: int, removed: bool) -> None:
    caption = ("FILE - In this photo, harbour pilots guide a freighter "
               + "past the breakwater " * 40)[:length - 1] + "."
    result = clean_body(f"{LEAD}\n\n{caption}\n\n{MORE}\n", TITLE, None)
    assert [r.rule for r in result.removed] == (["file_photo_caption"] if removed else [])
