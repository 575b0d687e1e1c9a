"""The same event told by two outlets in their own words is one fact (`compose.events`),
also when they write its actor two ways, and so is one plan due at the same time still to
come; two different things the same actor did, or plans to do, are two."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.compose.claims import claim_of
from digest.compose.events import same_event, same_plan
from digest.compose.extract import SourceDocument
from digest.compose.select import Candidate, _same_fact, repeats
from digest.compose.story import analyse_story

BACKGROUND = ("Marlow Freight runs forty ships between Norway and Scotland, and its "
              "chief executive Ida Marlow took over from her father in 2019.")


def _story(*texts):
    docs = [SourceDocument(number=n, title="Harbour news", text=f"{t} {BACKGROUND}",
                           excerpt=None, outlet=f"Outlet {n}",
                           date=dt.datetime(2025, 11, n, tzinfo=dt.UTC))
            for n, t in enumerate(texts, 1)]
    return analyse_story(docs)


def _repeats(first, second):
    story = _story(first, second)
    unit = next(i for i, u in enumerate(story.units) if u.sentence.text == second)
    return repeats(story, Candidate(unit, second, len(second.split()), 1.0), [], [first])


SAME = [
    ("Norway's maritime regulator is investigating Marlow Freight over claims it hid "
     "engine faults on its older cargo ships from port inspectors, raising fears for crew "
     "safety.",
     "Norway's maritime regulator plans to probe Marlow Freight for keeping engine faults "
     "secret and for sailing vessels that failed safety checks in Aberdeen."),
    ("Marlow Freight appears to have pulled a widely shared advert promoting its electric "
     "ferry and the Bergen shipyard that built it from its website and video channel.",
     "Marlow Freight has removed every mention of the electric ferry and its Bergen shipyard "
     "from its website, newsletters and social media pages overnight."),
    # the actor by its initials, then by its name
    ("The NMA is investigating six ferry operators over hidden engine faults.",
     "The Norwegian Maritime Authority is investigating the safety risks that hidden engine "
     "faults pose to passengers and crews, the agency said on Monday."),
    # the same named thing acquired, each outlet describing it its own way
    ("Marlow Freight is acquiring Kessler, a Danish tug operator that became the talk of the "
     "North Sea trade this spring with a crewless tugboat trial.",
     "Marlow Freight announced on Monday that it is acquiring Kessler, the family-run company "
     "whose self-steering tugboats have worked the port of Esbjerg since 1990."),
]

DIFFERENT = [
    # the same actor, the same action, another object
    ("Marlow Freight launched a booking app for passengers on its Bergen routes.",
     "Marlow Freight launched two electric tugboats for its Bergen harbour."),
    # the same actor, the same action, the same name with another figure
    ("Marlow Freight launched Tern 2, a ferry for the Bergen route with room for 400 cars.",
     "Marlow Freight launched Tern 3 on Monday, a faster ferry for the Aberdeen crossing."),
    # the same actor, the same action, another named object
    ("Marlow Freight is acquiring Kessler, a Danish tug operator that became the talk of the "
     "North Sea trade this spring with a crewless tugboat trial.",
     "Marlow Freight is also acquiring Nordtug, the Oslo ferry line whose three ships carry "
     "commuters across the fjord."),
    # the same actor, the same object, another action
    ("Marlow Freight bought the Aberdeen container terminal and its cranes from the city "
     "council last spring.",
     "Marlow Freight sued the city council over the rent and berthing fees it charges ships "
     "at the Aberdeen quays."),
    # one actor written two ways, the same day, the same verb, two things done
    ("The NMA on Monday launched an inquiry into the engine logs Marlow Freight kept.",
     "The Norwegian Maritime Authority on Monday launched a safety app for ferry crews."),
]

SAME_PLAN = [
    ("Bergen passengers can book it now, with Aberdeen sailings coming next year.",
     "Marlow Freight will add Aberdeen sailings next year."),
]

OTHER_PLANS = [
    # one firm, two plans for next year: only the firm's name in common
    ("Marlow Freight will open a Bergen terminal next year.",
     "Marlow Freight will raise its fares next year."),
    # the same thing at another time
    ("Marlow Freight will add Aberdeen sailings next year.",
     "Marlow Freight will add Aberdeen sailings next month."),
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_the_same_event_in_other_words_is_one_fact(first, second):
    story = _story(first, second)
    a, b = claim_of(first, story), claim_of(second, story)
    assert not _same_fact(a.features, b.features)  # too few shared words on their own
    assert same_event(a, b) and same_event(b, a)
    assert _repeats(first, second)


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_two_things_one_actor_did_are_two_facts(first, second):
    story = _story(first, second)
    a, b = claim_of(first, story), claim_of(second, story)
    assert not same_event(a, b) and not same_event(b, a)
    assert not _repeats(first, second)


def _claims(first, second):
    story = _story(first, second)
    return claim_of(first, story), claim_of(second, story)


@pytest.mark.parametrize(("first", "second"), SAME_PLAN)
def test_one_plan_due_at_the_same_time_is_one_fact(first, second):
    a, b = _claims(first, second)
    assert not _same_fact(a.features, b.features) and not same_event(a, b)
    assert same_plan(a, b) and same_plan(b, a) and _repeats(first, second)


@pytest.mark.parametrize(("first", "second"), OTHER_PLANS)
def test_two_plans_are_two_facts(first, second):
    a, b = _claims(first, second)
    assert not same_plan(a, b) and not same_plan(b, a)
