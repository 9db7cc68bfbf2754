"""``read``: one fetched message in, one typed Reading out (docs/MAIL_FORMAT.md).

1. Parse what was fetched (message.py): headers, readable text, delivery report.
2. A bounce or delay notice (bounces.py) is decided first: servers mark their reports
   "Auto-Submitted" as vacation programs do.
3. Then the sender's own words (quoting.py) decide an automatic reply (away.py), whose first day
   back is read by back_on.py.
4. Then bulk mail (bulk.py).
5. Anything else is a person's reply, whatever its subject says; what it means is read from the
   sender's own words only.

Relative dates count from the message's own Date header, in its own UTC offset; a message
without one is read from ``today`` and says so in ``notes``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from afterword.reading.away import read_away
from afterword.reading.back_on import first_day_back
from afterword.reading.bounces import may_be_notice, read_bounce
from afterword.reading.bulk import bulk_evidence
from afterword.reading.fetched import Fetched
from afterword.reading.language import DAY_FIRST_LANGUAGES, guess_language
from afterword.reading.meaning import read_meaning
from afterword.reading.message import Mail, parse
from afterword.reading.quoting import own_words

Kind = Literal["reply", "auto_reply", "bounce", "delay", "bulk"]
Confidence = Literal["high", "low"]

# Countries that write the month first in numeric dates (12/8 is 8 December).
MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM"})


@dataclass(frozen=True, slots=True)
class DecisionBy:
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Reading:
    kind: Kind
    meaning: str | None = None
    decision_by: DecisionBy | None = None
    back_on: date | None = None
    bounced: tuple[str, ...] = ()
    confidence: Confidence = "high"
    evidence: str = ""
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        """The reading as MAIL_FORMAT.md's JSON object (without ``file``)."""
        return {
            "kind": self.kind,
            "meaning": self.meaning,
            "decision_by": (
                {"from": self.decision_by.start.isoformat(), "to": self.decision_by.end.isoformat()}
                if self.decision_by
                else None
            ),
            "back_on": self.back_on.isoformat() if self.back_on else None,
            "bounced": list(self.bounced),
            "confidence": self.confidence,
            "evidence": self.evidence,
            "notes": list(self.notes),
        }


def read(
    fetched: Fetched,
    *,
    country: str = "US",
    subdivision: str | None = None,
    language: str | None = None,
    today: date | None = None,
) -> Reading:
    """What ``fetched`` is and says; ``country`` is the reference country for business days."""
    mail = parse(fetched)
    notes = list(mail.notes)
    reference = _reference_day(mail, today, notes)
    bounce = read_bounce(mail)
    if bounce is not None:
        return Reading(
            kind=bounce.kind,
            bounced=bounce.failed,
            confidence="high" if bounce.confident else "low",
            evidence=bounce.evidence,
            notes=tuple(notes),
        )
    words, quoted = own_words(mail.text)
    language = language or guess_language(words) or guess_language(mail.subject)
    away = read_away(mail, words, quoted=quoted)
    if away is not None:
        return _auto_reply(
            mail,
            words,
            away.confident,
            away.evidence,
            reference,
            country,
            subdivision,
            language,
            notes,
        )
    evidence = bulk_evidence(mail)
    if evidence:
        return Reading(kind="bulk", evidence=evidence, notes=tuple(notes))
    return _reply(words, reference, country, subdivision, language, notes)


def may_be_delivery_notice(headers: bytes) -> bool:
    """Whether a message's header fields (as fetched) leave room for a bounce or delay notice.

    The watcher reads the body of a message that answers no application only when this holds;
    a notice about our mail rarely names our thread, so it cannot be matched first.
    """
    return may_be_notice(parse(Fetched(headers, b"")))


def sender_words(fetched: Fetched) -> str:
    """The sender's own words: the readable text without quoted history or signature."""
    return own_words(parse(fetched).text)[0]


def _auto_reply(
    mail: Mail,
    words: str,
    confident: bool,
    evidence: str,
    reference: date | None,
    country: str,
    subdivision: str | None,
    language: str | None,
    notes: list[str],
) -> Reading:
    back = None
    if reference is not None:
        back = first_day_back(
            words,
            reference,
            _next_business_day(country, subdivision, notes),
            day_first=language in DAY_FIRST_LANGUAGES or country.upper() not in MONTH_FIRST,
        )
    sure = confident and not (back and back.relative and mail.date is None)
    return Reading(
        kind="auto_reply",
        back_on=back.day if back else None,
        confidence="high" if sure else "low",
        evidence=(back.evidence if back else evidence)[:200],
        notes=tuple(dict.fromkeys(notes)),
    )


def _reply(
    words: str,
    reference: date | None,
    country: str,
    subdivision: str | None,
    language: str | None,
    notes: list[str],
) -> Reading:
    found = read_meaning(
        words,
        sent_on=reference or date.min + timedelta(days=366),
        country=country,
        subdivision=subdivision,
        language=language,
    )
    decision_by = None
    if reference is not None and found.decision_from and found.decision_to:
        decision_by = DecisionBy(found.decision_from, found.decision_to)
    confidence: Confidence = "high" if found.confidence == "high" else "low"
    return Reading(
        kind="reply",
        meaning=found.meaning,
        decision_by=decision_by,
        confidence=confidence,
        evidence=found.evidence[:200],
        notes=tuple(dict.fromkeys(notes)),
    )


def _reference_day(mail: Mail, today: date | None, notes: list[str]) -> date | None:
    if mail.date is not None:
        return mail.date.date()  # in the header's own UTC offset
    if today is not None:
        notes.append("no usable Date header; relative dates are read from today")
        return today
    notes.append("no usable Date header; relative dates are not read")
    return None


def _next_business_day(
    country: str, subdivision: str | None, notes: list[str]
) -> Callable[[date], date]:
    from afterword.rules.calendar import calendar_for

    calendar = calendar_for(country, subdivision, "UTC")

    def after(day: date) -> date:
        try:
            return calendar.after(day)
        except (NotImplementedError, KeyError, ValueError):
            notes.append(f"no public holidays known for {country!r}; only weekends skipped")
            day += timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return day

    return after
