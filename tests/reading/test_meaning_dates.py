"""Decision-date forms of other languages, put into English and read as a range."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.reading.meaning_date_words import in_english
from afterword.reading.meaning_dates import decision_range

SENT_ON = date(2026, 3, 4)  # a Wednesday


def _range_on_sent_day(sentence: str, country: str) -> tuple[date, date] | None:
    """The decision range read in ``sentence`` sent on SENT_ON, or None when none is read."""
    found = decision_range([sentence], SENT_ON, country, None)
    return None if found is None else (found.range.start, found.range.end)


def _days(expected: tuple[str, str]) -> tuple[date, date]:
    return date.fromisoformat(expected[0]), date.fromisoformat(expected[1])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("te respondemos durante la semana del 16 de marzo.", ("2026-03-16", "2026-03-20")),
        ("te contestamos como muy tarde el viernes 13.", ("2026-03-04", "2026-03-13")),
        ("tendremos una respuesta en unas dos semanas.", ("2026-03-18", "2026-03-18")),
        ("vi daremo l'esito nei primi giorni di aprile.", ("2026-04-01", "2026-04-10")),
        ("ti aggiorno entro la fine della settimana prossima.", ("2026-03-04", "2026-03-13")),
        ("vous aurez une réponse dans une dizaine de jours.", ("2026-03-14", "2026-03-14")),
        ("notre décision: dans les premiers jours d'avril.", ("2026-04-01", "2026-04-10")),
        ("damos-lhe uma resposta até dia 20.", ("2026-03-04", "2026-03-20")),
        ("je hoort begin april van ons.", ("2026-04-01", "2026-04-10")),
        ("we beslissen half april.", ("2026-04-11", "2026-04-20")),
    ],
)  # fmt: skip
def test_new_decision_date_forms_are_read_as_their_range(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "La semana del", "el viernes 13", "nei primi giorni di", "une dizaine", "até dia 20"."""

    assert _range_on_sent_day(sentence, "ES") == _days(expected)


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("nos vemos el viernes 13.", "nos vemos friday the 13th."),
        ("até dia 1.", "by the 1st."),
        ("até dia 22.", "by the 22nd."),
        ("até dia 11.", "by the 11th."),
    ],
)
def test_a_day_number_without_a_month_becomes_an_ordinal(sentence: str, english: str) -> None:
    """A bare day number after a weekday or "by" is written as English ordinals are."""

    result = in_english(sentence)

    assert result == english


@pytest.mark.parametrize(
    "sentence", ["el viernes 3:00 h.", "el viernes 12 de marzo.", "by the 4.5."]
)
def test_times_dates_with_a_month_and_numeric_dates_are_not_made_ordinals(sentence: str) -> None:
    """ "Viernes 3:00", "viernes 12 de marzo" and "4.5." keep their own reading."""

    result = in_english(sentence)

    assert "th" not in result.replace("the", "") and "3rd" not in result


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("the decision has moved to mid-april, sorry.", ("2026-04-11", "2026-04-20")),
        ("expect our answer late-march at the earliest.", ("2026-03-21", "2026-03-31")),
    ],
)
def test_a_hyphenated_part_of_a_month_starts_a_date_phrase(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Mid-April" and "late-March" are read like "mid April" and "late March"."""

    assert _range_on_sent_day(sentence, "US") == _days(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("no decidiremos hasta finales de abril.", ("2026-04-21", "2026-04-30")),
        ("wir entscheiden erst Mitte April.", ("2026-04-11", "2026-04-20")),
        ("nous ne déciderons pas avant fin avril.", ("2026-04-21", "2026-04-30")),
        ("on ne saura rien jusqu'à fin avril.", ("2026-04-21", "2026-04-30")),
        ("we beslissen niet voor eind april.", ("2026-04-21", "2026-04-30")),
        ("non decideremo prima di fine aprile.", ("2026-04-21", "2026-04-30")),
        ("só vamos decidir até ao final de abril.", ("2026-04-21", "2026-04-30")),
        ("não vamos decidir antes do final de abril.", ("2026-04-21", "2026-04-30")),
        ("we won't decide before mid April.", ("2026-04-11", "2026-04-20")),
    ],
)  # fmt: skip
def test_a_negated_until_or_before_names_when_the_decision_comes(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Not until X" and "not before X" in seven languages: the decision comes at X."""

    found = decision_range([sentence.lower()], SENT_ON, "ES", None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we will decide over the next fortnight.", ("2026-03-04", "2026-03-18")),
        ("te respondemos en las próximas dos semanas.", ("2026-03-04", "2026-03-18")),
        ("we will let you know by the close of next week.", ("2026-03-04", "2026-03-13")),
        ("expect news in mid-to-late april.", ("2026-04-11", "2026-04-30")),
        ("expect news early to mid april.", ("2026-04-01", "2026-04-20")),
    ],
)  # fmt: skip
def test_spans_from_the_day_sent_and_parts_of_a_month_to_another(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Over the next fortnight", "en las próximas", "the close of", "mid-to-late April"."""

    assert _range_on_sent_day(sentence, "ES") == _days(expected)


@pytest.mark.parametrize(
    ("sentences", "country", "expected"),
    [
        (["we're away next week, so we'll decide the week after that."], "US",
         ("2026-03-16", "2026-03-20")),
        (["we interview this week and next and decide the week after that."], "US",
         ("2026-03-16", "2026-03-20")),
        (["we aim to decide by halloween."], "US", ("2026-03-04", "2026-10-31")),
        (["nothing will be decided until mid-march at the earliest."], "US",
         ("2026-03-11", "2026-03-20")),
        (["vor dem 20. märz wird das leider nichts."], "DE", ("2026-03-20", "2026-03-20")),
        (["antes do início de abril não conseguimos dar resposta."], "PT",
         ("2026-04-01", "2026-04-10")),
        (["tomaremos una decisión durante las dos próximas semanas."], "ES",
         ("2026-03-04", "2026-03-18")),
        (["le daremo una risposta entro le prossime due settimane."], "IT",
         ("2026-03-04", "2026-03-18")),
        (["nous vous répondrons au cours des deux prochaines semaines."], "FR",
         ("2026-03-04", "2026-03-18")),
        (["con las vacaciones de marzo, la decisión se retrasa.",
          "esperamos tener noticias a principios de abril."], "ES", ("2026-04-01", "2026-04-10")),
        (["interviews finish on friday and we will let all candidates know the outcome by 20 "
          "march."], "GB", ("2026-03-04", "2026-03-20")),
        (["no news yet - it got pushed to next month, so don't expect anything before early "
          "april."], "US", ("2026-04-01", "2026-04-10")),
        (["vous aurez un retour au plus tard vendredi prochain."], "FR",
         ("2026-03-04", "2026-03-13")),
        (["antes de que acabe la semana que viene te damos una respuesta."], "ES",
         ("2026-03-04", "2026-03-13")),
    ],
)  # fmt: skip
def test_relative_weeks_named_days_and_negations_after_before_are_read(
    sentences: list[str], country: str, expected: tuple[str, str]
) -> None:
    """ "The week after that", "by Halloween", "at the earliest", "vor ... nichts", spans,
    "vendredi prochain" (Friday of next week, as "next Friday")."""

    found = decision_range(sentences, SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentences", "country", "expected"),
    [
        (["she is out until the 16th, so we can't decide before then."], "US", "2026-03-16"),
        (["the panel is away until monday the 9th.", "nothing will happen till then."], "US",
         "2026-03-09"),
        (["the director returns on the 12th; we cannot confirm anything before then."], "GB",
         "2026-03-12"),
        (["der chef ist bis zum 20. märz weg, vorher können wir nichts sagen."], "DE",
         "2026-03-20"),
        (["el jefe vuelve el 18 de marzo y no decidiremos antes de esa fecha."], "ES",
         "2026-03-18"),
    ],
)  # fmt: skip
def test_a_negated_before_then_points_back_to_the_date_named_before(
    sentences: list[str], country: str, expected: str
) -> None:
    """ "Out until the 16th, so no answer before then": the decision comes on the 16th."""

    found = decision_range(sentences, SENT_ON, country, None)

    assert found is not None
    assert found.range.start == found.range.end == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("we will let you know within the next fortnight.", "GB", ("2026-03-04", "2026-03-18")),
        ("we won't decide until after the may bank holiday.", "GB", ("2026-05-05", "2026-05-15")),
        ("no update until after the june bank holiday, sorry.", "IE", ("2026-06-02", "2026-06-12")),
        ("we'll have an answer this time next week.", "US", ("2026-03-11", "2026-03-11")),
        ("we will write to everyone w/c 16 march.", "GB", ("2026-03-16", "2026-03-20")),
        ("you'll hear from us next week, by wednesday.", "US", ("2026-03-04", "2026-03-11")),
        ("la decisión, la primera semana de abril.", "ES", ("2026-04-01", "2026-04-07")),
        ("je hoort uiterlijk 20-03 van ons.", "NL", ("2026-03-04", "2026-03-20")),
        ("non avremo notizie prima della fine di marzo.", "IT", ("2026-03-21", "2026-03-31")),
        ("te escribimos antes del día 25.", "ES", ("2026-03-04", "2026-03-24")),
    ],
)  # fmt: skip
def test_fortnights_named_bank_holidays_week_commencing_and_numeric_forms_are_read(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """Forms the finder used to miss or misread, each read as the range it names."""

    found = decision_range([sentence], SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


def test_this_week_and_the_next_then_the_following_week_is_the_week_after_next() -> None:
    """ "Fuera esta semana y la que viene, así que la semana siguiente": two weeks on."""

    found = decision_range(
        ["estoy fuera esta semana y la que viene, así que decidimos la semana siguiente."],
        SENT_ON,
        "ES",
        None,
    )

    assert found is not None
    assert (found.range.start, found.range.end) == (date(2026, 3, 16), date(2026, 3, 20))


@pytest.mark.parametrize(
    ("sentences", "country", "expected"),
    [
        (["panels end on the 13th and we'll call you the following monday."], "GB",
         ("2026-03-16", "2026-03-16")),
        (["wir melden uns spätestens in zwei wochen."], "DE", ("2026-03-04", "2026-03-18")),
        (["wir entscheiden in der letzten märzwoche."], "DE", ("2026-03-25", "2026-03-31")),
        (["nous vous répondrons d'ici la fin de la semaine."], "FR", ("2026-03-04", "2026-03-06")),
        (["te escribimos después del 20 de marzo."], "ES", ("2026-03-23", "2026-04-03")),
        (["we beslissen binnen een week of twee."], "NL", ("2026-03-04", "2026-03-18")),
    ],
)  # fmt: skip
def test_following_weekdays_compound_months_and_after_a_date_are_read(
    sentences: list[str], country: str, expected: tuple[str, str]
) -> None:
    """ "The following Monday" counts from the date before it; "Märzwoche", "después del"."""

    found = decision_range(sentences, SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("wir melden uns anfang jänner.", "AT", ("2027-01-01", "2027-01-10")),
        ("die entscheidung fällt übernächste woche.", "DE", ("2026-03-16", "2026-03-20")),
        ("een beslissing volgt ten laatste op 27/03.", "BE", ("2026-03-04", "2026-03-27")),
        ("nous vous répondrons le 20/03 au plus tard.", "FR", ("2026-03-04", "2026-03-20")),
        ("je hoort eind deze maand van ons.", "NL", ("2026-03-21", "2026-03-31")),
        ("no podremos decirte nada hasta el día 12.", "ES", ("2026-03-12", "2026-03-12")),
    ],
)  # fmt: skip
def test_regional_month_names_numeric_deadlines_and_negated_until_a_day_are_read(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """ "Jänner", "übernächste Woche", "ten laatste", "le 20/03 au plus tard", "hasta el día"."""

    found = decision_range([sentence], SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("we haven't decided, but we'll write before good friday.", "GB",
         ("2026-03-04", "2026-04-02")),
        ("non abbiamo deciso; vi scriviamo prima di pasqua.", "IT", ("2026-03-04", "2026-04-02")),
        ("wir melden uns in zwei bis drei wochen.", "DE", ("2026-03-18", "2026-03-25")),
        ("la decisión llegará en un plazo de tres a cuatro semanas.", "ES",
         ("2026-03-04", "2026-04-01")),
        ("ti scriviamo tra una o due settimane.", "IT", ("2026-03-11", "2026-03-18")),
        ("we geven je over twee à drie weken uitsluitsel.", "NL", ("2026-03-18", "2026-03-25")),
        ("we'll get back to you inside a fortnight.", "GB", ("2026-03-04", "2026-03-18")),
        ("te contestamos antes del fin de semana.", "ES", ("2026-03-04", "2026-03-06")),
        ("le diremos algo en un lapso de cinco días.", "MX", ("2026-03-04", "2026-03-09")),
        ("entro fine mese le daremo una risposta.", "IT", ("2026-03-04", "2026-03-31")),
        ("depois do feriado de 19 de março damos retorno.", "BR", ("2026-03-20", "2026-03-27")),
    ],
)  # fmt: skip
def test_clause_breaks_spans_of_units_and_more_deadline_words_are_read(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """A negation stops at "but" or ";"; "zwei bis drei Wochen" is a span; "inside", "lapso"."""

    found = decision_range([sentence], SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("we'll call you the tuesday after easter.", "US", ("2026-04-07", "2026-04-07")),
        ("te llamamos el lunes después del 20 de marzo.", "ES", ("2026-03-23", "2026-03-23")),
        ("you'll hear on the friday before memorial day.", "US", ("2026-05-22", "2026-05-22")),
        ("we'll decide by the thursday before thanksgiving.", "US", ("2026-03-04", "2026-11-19")),
        ("nous vous écrirons le jeudi après la toussaint.", "FR", ("2026-11-05", "2026-11-05")),
        ("closed on 10 march; news the wednesday after.", "US", ("2026-03-11", "2026-03-11")),
        ("we'll decide in the second half of april.", "US", ("2026-04-16", "2026-04-30")),
        ("réponse dans la première quinzaine d'avril.", "FR", ("2026-04-01", "2026-04-15")),
        ("contamos decidir na segunda quinzena de março.", "PT", ("2026-03-16", "2026-03-31")),
        ("vous aurez une réponse sous quinzaine.", "FR", ("2026-03-04", "2026-03-18")),
        ("vous aurez notre décision sous huitaine.", "FR", ("2026-03-04", "2026-03-12")),
        ("le daremo una risposta entro la prossima quindicina.", "IT",
         ("2026-03-04", "2026-03-18")),
        ("hasta el lunes no sabremos nada.", "ES", ("2026-03-09", "2026-03-09")),
        ("fino a venerdì non possiamo dirle nulla.", "IT", ("2026-03-06", "2026-03-06")),
        ("vor dem 20. märz gibt es weder eine zusage noch eine absage.", "DE",
         ("2026-03-20", "2026-03-20")),
        ("i can give you neither a yes nor a no before the 16th.", "US",
         ("2026-03-16", "2026-03-16")),
        ("te decimos algo para el viernes 13.", "ES", ("2026-03-04", "2026-03-13")),
        ("para finales de mes habremos decidido.", "ES", ("2026-03-04", "2026-03-31")),
        ("tegen eind maart hebben we besloten.", "NL", ("2026-03-04", "2026-03-31")),
    ],
)  # fmt: skip
def test_weekdays_counted_from_a_day_halves_of_months_fortnight_words_and_until_not(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """ "The Tuesday after Easter", "la première quinzaine", "sous huitaine", "hasta X no"."""

    found = decision_range([sentence], SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("erst im neuen jahr können wir entscheiden.", "DE", ("2027-01-04", "2027-01-15")),
        ("pas in het nieuwe jaar horen jullie van ons.", "NL", ("2027-01-04", "2027-01-15")),
        ("hasta el año nuevo no sabremos nada.", "ES", ("2027-01-04", "2027-01-15")),
        ("we won't be deciding until the new year.", "GB", ("2027-01-04", "2027-01-15")),
        ("la decisione arriverà solo con il nuovo anno.", "IT", ("2027-01-04", "2027-01-15")),
        ("daremos retorno depois do ano novo.", "PT", ("2027-01-04", "2027-01-15")),
        ("nous reviendrons vers vous au début de l'année prochaine.", "FR",
         ("2027-01-01", "2027-04-30")),
    ],
)  # fmt: skip
def test_the_turn_of_the_year_in_seven_languages_is_the_new_year(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """ "Erst im neuen Jahr", "hasta el año nuevo no": the first weeks of January."""

    found = decision_range([sentence], date(2026, 11, 18), country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentences", "country", "expected"),
    [
        (["we'll be in touch a week on monday."], "GB", ("2026-03-16", "2026-03-16")),
        (["interviews run this week.", "news early the week after."], "US",
         ("2026-03-09", "2026-03-10")),
        (["we'll decide in the first full week of june."], "US", ("2026-06-01", "2026-06-05")),
        (["we'll confirm in the first full week of april."], "US", ("2026-04-06", "2026-04-10")),
        (["we need another couple of weeks to decide."], "US", ("2026-03-18", "2026-03-25")),
        (["ci serve ancora un paio di settimane per decidere."], "IT",
         ("2026-03-18", "2026-03-25")),
        (["die entscheidung verschiebt sich um eine woche, auf mitte märz."], "DE",
         ("2026-03-11", "2026-03-20")),
        (["the decision was pushed back by two weeks, to late march."], "US",
         ("2026-03-21", "2026-03-31")),
        (["please give us till the end of the month."], "US", ("2026-03-04", "2026-03-31")),
        (["a diretora volta dia 16.", "antes disso não temos resposta."], "BR",
         ("2026-03-16", "2026-03-16")),
        (["contamos decidir lá para meados de março."], "PT", ("2026-03-11", "2026-03-20")),
        (["nous ne déciderons qu'à la rentrée de janvier."], "FR", ("2027-01-04", "2027-01-15")),
    ],
)  # fmt: skip
def test_weeks_counted_from_another_day_more_time_asked_for_and_delay_amounts(
    sentences: list[str], country: str, expected: tuple[str, str]
) -> None:
    """ "A week on Monday", "early the week after", "another couple of weeks"; a delay's amount
    ("um eine Woche") names no date."""

    found = decision_range(sentences, SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("an answer either late this week or early next.", "US", ("2026-03-05", "2026-03-10")),
        ("we'll decide on 10 march or 12 march.", "US", ("2026-03-10", "2026-03-12")),
        ("we are aiming for the first days of april.", "US", ("2026-04-01", "2026-04-10")),
        ("a decision in the last days of march.", "US", ("2026-03-21", "2026-03-31")),
        ("it should be a couple more weeks.", "US", ("2026-03-18", "2026-03-25")),
        ("the decision comes after our board meeting on 12 march.", "GB",
         ("2026-03-13", "2026-03-20")),
        ("die entscheidung fällt in der ersten aprilhälfte.", "DE", ("2026-04-01", "2026-04-15")),
        ("le faremo sapere dopo il ponte del 25 aprile.", "IT", ("2026-04-27", "2026-05-08")),
        ("ti rispondiamo nel giro di una settimana.", "IT", ("2026-03-04", "2026-03-11")),
    ],
)  # fmt: skip
def test_either_or_ranges_first_days_events_on_a_date_and_bridge_days_are_read(
    sentence: str, country: str, expected: tuple[str, str]
) -> None:
    """ "Late this week or early next", "after our board meeting on 12 March", "dopo il ponte"."""

    found = decision_range([sentence], SENT_ON, country, None)

    assert found is not None
    assert (found.range.start, found.range.end) == tuple(map(date.fromisoformat, expected))


@pytest.mark.parametrize(
    "sentence",
    [
        "we will decide by 1 march 2025.",
        "we will let you know on monday the 4th.",
        "our decision comes in h1 2028.",
        "we will call you on 31 june.",
    ],
)
def test_a_phrase_read_and_refused_is_not_read_shorter(sentence: str) -> None:
    """A date over, too far or at odds with its weekday gives no range, not a part of it."""

    found = decision_range([sentence], SENT_ON, "GB", None)

    assert found is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we will let you know our decision later this week.", ("2026-03-05", "2026-03-06")),
        ("we'll decide towards the end of next week.", ("2026-03-12", "2026-03-13")),
        ("you'll hear from us once easter is over.", ("2026-04-07", "2026-04-17")),
        ("we need up to ten more days to decide.", ("2026-03-04", "2026-03-14")),
        ("you will have our decision by eow.", ("2026-03-04", "2026-03-06")),
        ("we'll decide inside the fortnight.", ("2026-03-04", "2026-03-18")),
        ("we'll decide mid-to-end april.", ("2026-04-11", "2026-04-30")),
        ("we'll let you know after saint patrick's day.", ("2026-03-18", "2026-03-27")),
    ],
)  # fmt: skip
def test_later_towards_once_up_to_and_holidays_of_the_table_start_a_phrase(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Later", "towards", "once", "up to", "EOW", "inside" and table holidays start a run."""

    assert _range_on_sent_day(sentence, "IE") == _days(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we haven't made a decision yet and will get back to you before easter.",
         ("2026-03-04", "2026-04-02")),
        ("wir haben noch keine entscheidung getroffen und melden uns vor ostern.",
         ("2026-03-04", "2026-04-02")),
        ("todavía no hemos decidido y te escribiremos antes del viernes.",
         ("2026-03-04", "2026-03-05")),
        ("we won't decide before friday.", ("2026-03-06", "2026-03-06")),
    ],
)  # fmt: skip
def test_a_negation_ends_where_and_starts_a_new_verb(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Not decided yet and will write before X" is a deadline; "won't decide before X" is X."""

    assert _range_on_sent_day(sentence, "DE") == _days(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we'll decide in two weeks, give or take a few days.", ("2026-03-18", "2026-03-18")),
        ("réponse mardi en huit.", ("2026-03-17", "2026-03-17")),
        ("wir entscheiden ende nächsten monats.", ("2026-04-21", "2026-04-30")),
        ("damos-lhe uma resposta até ao fim da semana.", ("2026-03-04", "2026-03-06")),
        ("decidimos antes do feriado de 21 de abril.", ("2026-03-04", "2026-04-20")),
        ("we'll decide between apr 6 and apr 10.", ("2026-04-06", "2026-04-10")),
    ],
)  # fmt: skip
def test_tolerances_weekday_en_huit_genitive_months_and_month_abbreviations(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "Give or take" names no date; "mardi en huit"; "nächsten Monats"; "apr 6"."""

    assert _range_on_sent_day(sentence, "BR") == _days(expected)


def test_give_or_take_alone_is_no_date() -> None:
    """ "Give or take a week" with nothing else says nothing about when."""

    assert decision_range(["we'll decide, give or take a week."], SENT_ON, "GB", None) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we'll decide ahead of the weekend.", ("2026-03-04", "2026-03-06")),
        ("we'll decide midweek.", ("2026-03-04", "2026-03-05")),
    ],
)
def test_ahead_and_midweek_start_a_phrase(sentence: str, expected: tuple[str, str]) -> None:
    """ "Ahead of the weekend" is by Friday; "midweek" is this week's middle."""

    assert _range_on_sent_day(sentence, "GB") == _days(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("die entscheidung fällt in der woche nach pfingsten.", ("2026-05-25", "2026-05-29")),
        ("we'll decide in the second half of the month.", ("2026-03-16", "2026-03-31")),
        ("we beslissen half april.", ("2026-04-11", "2026-04-20")),
    ],
)  # fmt: skip
def test_the_week_after_a_holiday_and_the_second_half_of_the_month(
    sentence: str, expected: tuple[str, str]
) -> None:
    """ "In der Woche nach Pfingsten" is the working week after it; Dutch "half" stays mid."""

    assert _range_on_sent_day(sentence, "DE") == _days(expected)


NOV_4 = date(2026, 11, 4)  # a Wednesday


def _read(sentence: str, country: str = "GB") -> tuple[date, date] | None:
    found = decision_range([sentence.lower()], NOV_4, country, None)
    return None if found is None else (found.range.start, found.range.end)


def test_a_phrase_of_nine_words_is_read_whole_not_cut_to_today() -> None:
    """ "By the end of the day on the 14th" is the 14th, not the end of today."""
    assert _read("All being well we'll get back to you by the end of the day on the 14th.") == (
        NOV_4,
        date(2026, 11, 14),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "We'll confirm before the Christmas closure on the 18th of December, as planned.",
        "We hope to decide after the away day of the 20th.",
    ],
)
def test_a_phrase_read_short_of_the_day_it_hangs_on_is_refused(sentence: str) -> None:
    """When "on"/"of" and a day follow a phrase read short, the shorter reading is not kept."""
    found = decision_range([sentence.lower()], date(2026, 12, 9), "GB", None)

    assert found is None or found.range.end.day in (17, 18, 19, 20)
    assert found is None or found.range != (date(2026, 12, 9), date(2026, 12, 24))


@pytest.mark.parametrize(
    "sentence",
    [
        "Your interview is booked for the 14th at 10am; we'll be in touch afterwards.",
        "If all goes to plan the start date would be 1 February, but nothing is decided.",
        "We're still deciding; the second interview is scheduled for Tuesday 10 November.",
        "Rien n'est décidé ; la date de début serait le 4 janvier.",
        "Wir haben noch nicht entschieden; Ihr Gespräch findet am 12. November statt.",
    ],
)
def test_the_date_of_another_event_is_not_the_decision(sentence: str) -> None:
    """An interview's, a start's or an email's date named just before is not a decision range."""
    assert _read(sentence, "FR" if "janvier" in sentence else "GB") is None


def test_a_deadline_after_an_event_word_is_still_read() -> None:
    """ "The outcome of your interview by Friday": a deadline is read whatever comes before."""
    sentence = "We'll send the outcome of your interview by Friday."
    assert _read(sentence) == (NOV_4, date(2026, 11, 6))


@pytest.mark.parametrize(
    "sentence",
    [
        "We'll let you know either side of the weekend.",
        "We'll decide during Q1 next year.",
        "We made the decision last Friday.",
    ],
)
def test_a_phrase_cut_from_the_word_that_changes_it_is_not_read(sentence: str) -> None:
    """ "Week of", "either side of", "Q1", "last" before a phrase: read alone it is another date."""
    assert _read(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("wir melden uns bis spätestens freitag, den 13.11.", (NOV_4, date(2026, 11, 13))),
        ("wir entscheiden am montag, dem 16.11.", (date(2026, 11, 16), date(2026, 11, 16))),
        ("wir entscheiden am dienstag, dem 16.11.", None),
    ],
)
def test_a_german_weekday_and_its_date_joined_by_den_are_one_phrase(
    sentence: str, expected: tuple[date, date] | None
) -> None:
    """ "Freitag, den 13.11." is the 13th; a weekday at odds with its date is refused."""
    assert _read(sentence, "DE") == expected


def test_a_day_and_month_just_gone_by_gives_no_decision_date() -> None:
    """ "We'd hoped to decide by 30 October", written on 4 November, is not next October."""
    assert _read("We'd hoped to decide by 30 October but we're running behind.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We'll decide by 17:00 CET on 13.11., all being well.", (NOV_4, date(2026, 11, 13))),
        ("We'll come back to you after our offsite (12-13 Nov).", (NOV_4, None)),
        ("We'll let you know on the 3rd (a Tuesday).", None),
        ("We'll let you know on the 3rd (a Thursday).", (date(2026, 12, 3), date(2026, 12, 3))),
    ],
)
def test_times_and_glosses_in_brackets_are_read_with_the_date_they_belong_to(
    sentence: str, expected: tuple[date, date | None] | None
) -> None:
    """A time keeps its colon; bracketed dates are the event's; a bracketed weekday is checked."""
    found = _read(sentence, "DE")
    if expected is None or expected[1] is not None:
        assert found == expected
    else:
        # After the offsite on the 13th: from the next working day, never the offsite itself.
        assert found is not None and found[0] == date(2026, 11, 16)


def test_what_one_is_thanked_for_is_not_the_decision_date() -> None:
    """ "Thanks for interviewing with us on the 2nd" names a day gone by, not the next 2nd."""
    assert _read("Thanks for interviewing with us on the 2nd; we'll be in touch.") is None


def test_a_weekday_counted_from_the_day_before_ends_at_a_comma() -> None:
    """ "The Monday after, the 30th" counts from the day named before; the 30th restates it."""
    sentences = [
        "our office is closed on the 26th and 27th for thanksgiving.",
        "we'll share our decision the monday after, the 30th.",
    ]
    found = decision_range(sentences, NOV_4, "US", None)

    assert found is not None and (found.range.start, found.range.end) == (
        date(2026, 11, 30),
        date(2026, 11, 30),
    )


def test_the_following_day_is_the_day_after_the_one_named_before() -> None:
    """ "The committee sits on 17 November. We'll tell you the outcome the following day." """
    sentences = [
        "the committee sits on 17 november.",
        "we'll tell you the outcome the following day.",
    ]
    found = decision_range(sentences, NOV_4, "GB", None)

    assert found is not None and (found.range.start, found.range.end) == (
        date(2026, 11, 18),
        date(2026, 11, 18),
    )


def test_a_later_promise_after_the_day_then_points_to_outranks_the_negation() -> None:
    """ "No news before then. We'll write in the week of 11 January": that week, not the break."""
    sentences = [
        "our office is closed from 24 december to 3 january.",
        "we won't have news before then.",
        "we'll write to you in the week of 11 january.",
    ]
    found = decision_range(sentences, date(2026, 12, 9), "GB", None)

    assert found is not None and (found.range.start, found.range.end) == (
        date(2027, 1, 11),
        date(2027, 1, 15),
    )


def test_the_week_of_a_bare_day_number_is_the_week_of_that_day() -> None:
    """ "A lo largo de la semana del 16" comes out as the week of the 16th, Monday to Friday."""
    assert in_english("durante la semana del 16") == "the week of the 16th"
    assert _read("te respondemos durante la semana del 16.", "ES") == (
        date(2026, 11, 16),
        date(2026, 11, 20),
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We'll decide end of Nov / early Dec.", (date(2026, 11, 21), date(2026, 12, 10))),
        ("Hola Mar, we're still deciding and will let you know.", None),
        ("Thanks Jan, we'll let you know once we've decided.", None),
    ],
)
def test_a_short_month_name_counts_only_after_a_word_of_time(
    sentence: str, expected: tuple[date, date] | None
) -> None:
    """ "End of Nov" is a date; "Mar" and "Jan" on their own are names."""
    assert _read(sentence, "ES") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We haven't decided yet. Your assessment day is Tuesday 10 November.",
        "Nothing is settled yet; the contract would begin on 1 December.",
        "We'll make our decision after our quarter-end on the 30th.",
    ],
)
def test_an_assessment_a_contract_or_an_unread_event_keeps_its_day(sentence: str) -> None:
    """The day of an assessment, a contract's start, or an event after "after" is not the
    decision's."""
    assert _read(sentence) is None


def test_de_notre_part_does_not_hide_the_date_after_it() -> None:
    """ "Un retour de notre part au plus tard le vendredi 13 novembre" is by the 13th."""
    sentence = "vous aurez un retour de notre part au plus tard le vendredi 13 novembre."
    assert _read(sentence, "FR") == (NOV_4, date(2026, 11, 13))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We'll get back to you Thurs pm with a decision.", (date(2026, 11, 5), date(2026, 11, 5))),
        ("You'll hear from us tmrw about our decision.", (date(2026, 11, 5), date(2026, 11, 5))),
        ("We'll decide no later than Weds.", (NOV_4, date(2026, 11, 11))),
    ],
)
def test_short_weekday_and_tomorrow_words_start_a_phrase(
    sentence: str, expected: tuple[date, date]
) -> None:
    """ "Thurs", "Weds" and "tmrw" start a phrase in a reply as the full words do."""
    assert _read(sentence, "US") == expected
