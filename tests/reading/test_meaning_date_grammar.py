"""The timing grammar of six languages, put into the English parse_phrase reads."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.reading.meaning_date_words import in_english
from afterword.reading.meaning_dates import decision_range
from afterword.rules.phrases import parse_phrase

# Wednesday 11 March 2026.
SENT = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("bis spätestens freitag, den 24. april", "by friday 24 april"),
        ("innerhalb von zwei wochen", "within 2 weeks"),
        ("anfang nächster woche", "early next week"),
        ("mitte oktober", "mid october"),
        ("spätestens am 22. mai", "by 22 may"),
        ("innerhalb einer woche", "within a week"),
    ],
)
def test_german_forms_read_in_english(sentence: str, english: str) -> None:
    """Deadlines, spans, parts of a month and day numbers of German."""

    result = in_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("dans les deux semaines", "within 2 weeks"),
        ("au plus tard le vendredi 27 mars", "by friday 27 march"),
        ("d'ici la fin octobre", "by end of october"),
        ("à la mi-octobre", "mid october"),
        ("début février", "early february"),
        ("dans les 10 jours ouvrés", "within 10 business days"),
    ],
)
def test_french_forms_read_in_english(sentence: str, english: str) -> None:
    """Deadlines, spans and parts of a month of French."""

    result = in_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("como muy tarde el jueves 10", "by thursday the 10th"),
        ("en un plazo de quince días", "within 15 days"),
        ("antes del viernes 8 de mayo", "before friday 8 may"),
        ("a finales de junio", "end of june"),
        ("dentro de dos semanas", "within 2 weeks"),
    ],
)
def test_spanish_forms_read_in_english(sentence: str, english: str) -> None:
    """Deadlines, spans and parts of a month of Spanish."""

    result = in_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("uiterlijk vrijdag 20 maart", "by friday 20 march"),
        ("binnen tien werkdagen", "within 10 business days"),
        ("half juni", "mid june"),
        ("begin volgende week", "early next week"),
    ],
)
def test_dutch_forms_read_in_english(sentence: str, english: str) -> None:
    """Deadlines, spans and parts of a month or week of Dutch."""

    result = in_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("entro venerdì 24 aprile", "by friday 24 april"),
        ("entro due settimane", "within 2 weeks"),
        ("a fine settembre", "end of september"),
        ("entro la fine della settimana prossima", "by end of next week"),
        ("al più tardi venerdì 3 luglio", "by friday 3 july"),
    ],
)
def test_italian_forms_read_in_english(sentence: str, english: str) -> None:
    """Deadlines, spans and parts of a month or week of Italian."""

    result = in_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("até sexta-feira, dia 11 de dezembro", "by friday 11 december"),
        ("no começo de julho", "early july"),
        ("até dia 21", "by the 21st"),
        ("até ao fim da próxima semana", "by end of next week"),
    ],
)
def test_portuguese_forms_read_in_english(sentence: str, english: str) -> None:
    """Deadlines, day numbers and parts of a month or week of Portuguese."""

    result = in_english(sentence)

    assert result == english


def test_english_begin_is_not_read_as_early() -> None:
    """ "Interviews begin next week" keeps its words: only Dutch "begin" before a month is early."""

    result = in_english("interviews begin next week and we decide by the 20th")

    assert result == "interviews begin next week and we decide by the 20th"


def test_a_span_within_is_a_deadline_from_the_day_sent() -> None:
    """ "Dans les deux semaines" runs from the day the reply was sent, as parse_phrase's
    "within" does, not a single day two weeks later."""

    found = decision_range(["vous aurez une réponse dans les deux semaines."], SENT, "FR", None)

    assert found is not None
    assert found.range == parse_phrase("within 2 weeks", SENT, "FR", None)
    assert (found.range.start, found.range.end) == (SENT, date(2026, 3, 25))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("nous vous répondrons sous 72 heures.", ("2026-03-11", "2026-03-14")),
        ("wir entscheiden innerhalb von 24 stunden.", ("2026-03-11", "2026-03-12")),
        ("wir entscheiden im dritten quartal.", ("2026-07-01", "2026-09-30")),
        ("decidiremos en el primer trimestre.", ("2026-03-11", "2026-03-31")),
        ("wir melden uns übermorgen.", ("2026-03-13", "2026-03-13")),
        ("ti rispondiamo dopodomani.", ("2026-03-13", "2026-03-13")),
        ("we beslissen halverwege juni.", ("2026-06-11", "2026-06-20")),
        ("decidimos no final do mês que vem.", ("2026-04-21", "2026-04-30")),
        ("nous déciderons courant mai.", ("2026-05-01", "2026-05-31")),
        ("réponse dans le courant de la semaine prochaine.", ("2026-03-16", "2026-03-20")),
        ("nel corso della prossima settimana avrai una risposta.", ("2026-03-16", "2026-03-20")),
        ("te contestamos el viernes como tarde.", ("2026-03-11", "2026-03-13")),
        ("te contestamos lo más tarde el lunes.", ("2026-03-11", "2026-03-16")),
        ("je hoort over een dag of tien van ons.", ("2026-03-21", "2026-03-21")),
    ],
)  # fmt: skip
def test_hours_quarters_the_day_after_tomorrow_and_loose_parts_in_six_languages(
    sentence: str, expected: tuple[str, str]
) -> None:
    """Hours, ordinal quarters, "übermorgen", "halverwege", "courant", "como tarde"."""

    found = decision_range([sentence], SENT, "ES", None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


def test_au_courant_is_no_date() -> None:
    """ "Nous vous tiendrons au courant" is "we'll keep you informed", no time."""

    assert decision_range(["nous vous tiendrons au courant."], SENT, "FR", None) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("wir entscheiden mitte bis ende april.", ("2026-04-11", "2026-04-30")),
        ("nous répondrons entre le 16 et le 20 mars.", ("2026-03-16", "2026-03-20")),
        ("decidimos entre el 16 y el 20 de marzo.", ("2026-03-16", "2026-03-20")),
        ("we beslissen tussen 16 en 20 maart.", ("2026-03-16", "2026-03-20")),
        ("decidiamo tra fine marzo e inizio aprile.", ("2026-03-21", "2026-04-10")),
        ("decidimos a primeros de abril.", ("2026-04-01", "2026-04-10")),
        ("risposta entro e non oltre il 20 marzo.", ("2026-03-11", "2026-03-20")),
        ("réponse dans les prochains jours.", ("2026-03-11", "2026-03-15")),
        ("wir melden uns anfang übernächster woche.", ("2026-03-23", "2026-03-24")),
    ],
)  # fmt: skip
def test_ranges_between_days_and_parts_in_six_languages(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Entre le 16 et le 20", "Mitte bis Ende", "tra fine ... e inizio", "a primeros de"."""

    found = decision_range([sentence], SENT, "ES", None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))
