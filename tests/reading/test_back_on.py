"""The first day back an away notice names: reading/back_on.py.

Reference: Wednesday 2 December 2026; US business days (Christmas Friday 25 December).
"""

from __future__ import annotations

from datetime import date

import pytest

from afterword.reading.back_on import first_day_back
from afterword.rules.calendar import calendar_for

WED = date(2026, 12, 2)


def back(text: str, *, day_first: bool = True, country: str = "US") -> str | None:
    found = first_day_back(text, WED, calendar_for(country, None, "UTC").after, day_first=day_first)
    return found.day.isoformat() if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will be back on Monday 7th.", "2026-12-07"),
        ("I'm out until Friday 4th.", "2026-12-07"),
        ("I'm on vacation until December 24.", "2026-12-28"),
        ("I won't be checking messages until Wednesday, December 9.", "2026-12-09"),
        ("Back next Monday.", "2026-12-07"),
        ("I'm away until the 3rd of January.", "2027-01-04"),
        ("Returning January 4.", "2027-01-04"),
        ("I'm away from 7 December to 11 December.", "2026-12-14"),
        ("Available again from 9 December.", "2026-12-09"),
        ("Out of office until 9/12, back on Thursday 10th.", "2026-12-10"),
    ],
)
def test_english_notices(text: str, expected: str):
    """'back on X' is X; 'until X' is the next business day after X; negated 'until' is X."""
    assert back(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich bin bis einschließlich 4. Dezember nicht im Büro.", "2026-12-07"),
        ("Ich bin vom 30.11. bis 11.12.2026 im Urlaub.", "2026-12-14"),
        ("Ich bin am Montag, 7. Dezember wieder erreichbar.", "2026-12-07"),
        ("Je suis absente jusqu'au vendredi 11 décembre inclus.", "2026-12-14"),
        ("Je serai de retour le lundi 7 décembre.", "2026-12-07"),
        ("Estaré fuera hasta el 9 de diciembre.", "2026-12-10"),
        ("Me encuentro de vacaciones del 30 de noviembre al 11 de diciembre.", "2026-12-14"),
        ("Ik ben met vakantie tot en met 11 december.", "2026-12-14"),
        ("Vanaf maandag 14 december ben ik weer bereikbaar.", "2026-12-14"),
        ("Sono in ferie dal 3 al 13 dicembre.", "2026-12-14"),
        ("Estou de férias até 11 de dezembro.", "2026-12-14"),
        ("Retorno em 14/12.", "2026-12-14"),
    ],
)
def test_notices_in_other_languages(text: str, expected: str):
    """Each language's 'until', 'from', 'back' and ranges."""
    assert back(text) == expected


def test_the_countrys_holidays_are_skipped():
    """Away through Tuesday 5 January: in Spain the 6th is Epiphany, so back on the 7th."""
    assert back("Estaré fuera hasta el 5 de enero.", country="ES") == "2027-01-07"


def test_us_numeric_dates_are_month_first():
    """'back on 12/08/2026' in the US is 8 December."""
    assert back("Back on 12/08/2026.", day_first=False) == "2026-12-08"


def test_a_notice_without_a_return_date_gives_none():
    """Dates that are not about the return say nothing."""
    assert back("I'm out of the office with limited access to email.") is None
    assert back("We received your email on 1 December.") is None


def test_a_return_day_before_the_message_is_dropped():
    """An old notice's return date is not a return date."""
    assert back("Back on 30 November.") is None
