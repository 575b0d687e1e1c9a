"""`digest.text.calendar`: one list of day and month names for every stage."""

from digest.text.calendar import MONTHS, WEEKDAYS


def test_names_in_calendar_order():
    assert WEEKDAYS[0] == "Monday" and WEEKDAYS[-1] == "Sunday" and len(WEEKDAYS) == 7
    assert MONTHS[0] == "January" and MONTHS[4] == "May" and len(MONTHS) == 12


def test_every_stage_takes_its_names_from_here():
    from digest.compose import disagree, openers, times_unnamed
    from digest.group import facts

    assert times_unnamed.CALENDAR == WEEKDAYS + MONTHS
    assert openers._MONTHS_DAYS == frozenset(WEEKDAYS + MONTHS)
    assert disagree._WEEKDAY.search("The ferry sails on Friday")["day"] == "Friday"
    assert {"may", "sunday"} <= facts._NOT_MODELS


def test_short_months_start_their_months():
    from digest.text.calendar import SHORT_MONTHS
    months = [m.lower() for m in MONTHS if m != "May"]
    assert all(any(month.startswith(short) for month in months) for short in SHORT_MONTHS)
    assert "may" not in SHORT_MONTHS


def test_claims_and_features_take_their_time_words_from_here():
    from digest.compose import claims, features
    assert {"monday", "january", "sept"} <= features._NOT_NAMES and "may" not in features._NOT_NAMES
    assert {"january", "sept", "third"} <= claims._TIME and "may" not in claims._TIME
    assert claims.WEEKDAY_WORDS == {day.lower() for day in WEEKDAYS}
