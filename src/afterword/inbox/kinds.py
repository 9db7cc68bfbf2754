"""What kind of message this is: a bounce, an automatic reply, a newsletter, or a person writing.

Only a person writing is a reply (F8). An automatic reply cancels nothing, but an out-of-office
notice with a return date postpones a check-in; a bounce says an address does not work; a
newsletter or any other bulk mail is ignored. The tests are the standard headers first (RFC 3834
Auto-Submitted, RFC 3464 delivery reports, RFC 2369 List-* fields), then the words people and
mail programs use, because many servers set none of the headers.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from afterword.inbox.dates import leading_date
from afterword.inbox.message import Incoming

Kind = Literal["bounce", "auto_reply", "bulk", "person"]

_DAEMON_SENDERS = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|delivery (?:status notification|has failed|failure)|mail delivery (?:failed|"
    r"failure|subsystem)|returned mail|failure notice|could not be delivered|non.?delivery",
    re.I,
)
_OUT_OF_OFFICE = re.compile(
    r"out of (?:the )?office|\bOOO\b|automatic reply|auto(?:matic)?[- ]?reply|autoreply|"
    r"auto-response|away from (?:the |my )?(?:office|desk|email)|on (?:annual |parental |"
    r"maternity |paternity |sick )?(?:leave|vacation|holiday)|abwesenheit|absence|"
    r"i am (?:currently )?away|i'm (?:currently )?away|currently out",
    re.I,
)
_AUTO_PRECEDENCE = frozenset({"auto_reply", "auto-reply"})
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


def classify(incoming: Incoming, text: str = "") -> Kind:
    """The kind of ``incoming``; ``text`` (the start of the body) helps spot out-of-office notes.

    1. Bounce: a delivery report (multipart/report; report-type=delivery-status), a failed-
       recipients header, or a mail daemon writing about an undeliverable message.
    2. Automatic reply: Auto-Submitted other than "no", X-Autoreply, X-Autorespond, Precedence
       auto_reply, or an out-of-office subject. Checked before bulk mail, because vacation
       programs often mark their answers "Precedence: bulk".
    3. Bulk: Precedence bulk, list or junk, or a mailing list's List-Id / List-Unsubscribe.
    4. Otherwise a person wrote it.
    """
    if is_bounce(incoming):
        return "bounce"
    if is_auto_reply(incoming, text):
        return "auto_reply"
    if is_bulk(incoming):
        return "bulk"
    return "person"


def is_bounce(incoming: Incoming) -> bool:
    if incoming.content_type == "multipart/report" and incoming.report_type == "delivery-status":
        return True
    if incoming.header("x-failed-recipients"):
        return True
    return bool(_DAEMON_SENDERS.match(incoming.sender)) and bool(
        _BOUNCE_SUBJECT.search(incoming.subject) or incoming.content_type == "multipart/report"
    )


def is_auto_reply(incoming: Incoming, text: str = "") -> bool:
    submitted = incoming.header("auto-submitted").split(";")[0].strip().lower()
    if submitted and submitted != "no":
        return True
    if incoming.header("x-autoreply") or incoming.header("x-autorespond"):
        return True
    if incoming.header("precedence").strip().lower() in _AUTO_PRECEDENCE:
        return True
    return is_out_of_office(incoming, text)


def is_out_of_office(incoming: Incoming, text: str = "") -> bool:
    """An away notice: said in the subject, or in the first lines of an automatic reply."""
    if _OUT_OF_OFFICE.search(incoming.subject):
        return True
    submitted = incoming.header("auto-submitted").split(";")[0].strip().lower()
    automatic = (submitted and submitted != "no") or bool(
        incoming.header("x-autoreply") or incoming.header("x-autorespond")
    )
    return automatic and bool(_OUT_OF_OFFICE.search(text[:500]))


def is_bulk(incoming: Incoming) -> bool:
    if incoming.header("precedence").strip().lower() in _BULK_PRECEDENCE:
        return True
    return bool(incoming.header("list-id") or incoming.header("list-unsubscribe"))


# ---------------------------------------------------------------- bounces

_RECIPIENT_FIELD = re.compile(
    r"^(?:final|original)-recipient:\s*rfc822\s*;\s*<?([^\s<>;]+@[^\s<>;]+?)>?\s*$",
    re.I | re.M,
)
_ACTION = re.compile(r"^action:\s*([a-z]+)", re.I | re.M)
_ADDRESS_IN_TEXT = re.compile(r"<?([a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,})>?", re.I)
_RETURNED_ID = re.compile(r"^message-id:\s*(<[^<>\s]+>)", re.I | re.M)


def bounced_addresses(incoming: Incoming, text: str) -> tuple[str, ...]:
    """The recipients a bounce says could not be reached, lower case, in order.

    1. X-Failed-Recipients (Exim and Gmail set it).
    2. The delivery report's Final-Recipient / Original-Recipient fields, for recipients whose
       Action is "failed" (a "delayed" notice is not a bounce of that address).
    3. Failing both, addresses written in the human-readable part, minus the sender's own.
    """
    found: list[str] = []
    header = incoming.header("x-failed-recipients")
    if header:
        found += [a.strip().lower() for a in header.split(",") if "@" in a]
    reported = bool(_RECIPIENT_FIELD.search(text))
    for block in re.split(r"\n\s*\n", text):
        action = _ACTION.search(block)
        if action is not None and action.group(1).lower() != "failed":
            continue  # "delayed" or "delivered": the address works, or may yet
        found += [a.lower() for a in _RECIPIENT_FIELD.findall(block)]
    if not found and not reported:
        own = {
            incoming.sender,
            *(a.lower() for a in _ADDRESS_IN_TEXT.findall(incoming.header("to"))),
        }
        found += [
            a.lower()
            for a in _ADDRESS_IN_TEXT.findall(text[:2000])
            if a.lower() not in own and not _DAEMON_SENDERS.match(a)
        ]
    return tuple(dict.fromkeys(found))


def returned_message_ids(incoming: Incoming, text: str) -> tuple[str, ...]:
    """The Message-IDs of the message that bounced, when the report quotes its headers."""
    return tuple(dict.fromkeys([*_RETURNED_ID.findall(text), *incoming.refers_to]))


# ---------------------------------------------------------------- out-of-office return dates

# Words after which an away notice names the day the person is back.
_RETURN_CUE = re.compile(
    r"\b(?:back|return(?:ing|s)?|in the office|available|reachable|away|out of (?:the )?office|"
    r"on (?:annual |parental |sick )?(?:leave|vacation|holiday)|off|absent)\b"
    r"(?:\s+(?:again|(?:to|at|in) (?:the |my )?(?:office|desk|work)))?"
    r"(?:\s+(?:on|until|till|through|from|after|by|starting|as of))?\s+",
    re.I,
)
_WEEKDAY_FIRST = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=\S)", re.I
)
_STOP = re.compile(r"[.;!?\n]|\s-\s|\bbut\b|\band\b|\bwith\b|\bwhere\b|\bif\b|\bplease\b", re.I)
_MAX_WORDS = 6


def return_date(
    text: str, received: date, country: str = "US", subdivision: str | None = None
) -> date | None:
    """The day an away notice says its writer is back (the latest one it names), or None.

    1. Find each cue ("back on", "returning", "out of the office until", ...) and take the few
       words after it, up to the end of the clause.
    2. Try the longest run of those words that ``parse_phrase`` reads as a date counted from the
       day the notice arrived, dropping a leading weekday name ("Monday, Dec 14" -> "Dec 14").
    3. Keep the latest date found: "away from 1 to 11 December, back on the 14th" -> the 14th.
    """
    found: list[date] = []
    for cue in _RETURN_CUE.finditer(text):
        clause = _STOP.split(text[cue.end() : cue.end() + 80], maxsplit=1)[0]
        day = _first_date(clause, received, country, subdivision)
        if day is not None:
            found.append(day)
    return max(found) if found else None


def _first_date(clause: str, received: date, country: str, subdivision: str | None) -> date | None:
    words = clause.replace(",", " ").split()[:_MAX_WORDS]
    day = leading_date(words, received, country, subdivision)
    if day is None and words and _WEEKDAY_FIRST.match(" ".join(words)):
        day = leading_date(words[1:], received, country, subdivision)
    return day
