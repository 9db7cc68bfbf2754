"""Bounces and delay notices: which recipients failed for good, and which are only delayed.

1. The RFC 3464 delivery report decides when there is one: each recipient block's ``Action``
   (``failed``, or the non-standard ``failure``: failed; ``delayed``: delayed; ``delivered``,
   ``relayed``, ``expanded``: fine), or, without an Action, the class of its ``Status`` (5: failed,
   4: delayed).
2. Exim's and Gmail's ``X-Failed-Recipients`` header names failed recipients.
3. Otherwise Mailman's detectors (``flufl.bounce``) read the many non-standard formats.

Every address found is checked: never our own, the sender's, a mail daemon's or postmaster's,
a list's, a Message-ID, or an example in a help text ("an address such as someone@example.com").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from flufl.bounce import all_failures

from afterword.reading.message import Mail

BounceKind = Literal["bounce", "delay"]

_DAEMON = re.compile(
    r"^(?:mailer-daemon|mail-daemon|mailerdaemon|postmaster|mail\.?delivery|"
    r"microsoftexchange[0-9a-f]*|no-?reply|bounces?|double-bounce)(?:[+.-][^@]*)?@",
    re.IGNORECASE,
)
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|undelivered|delivery (?:status notification|has failed|failure|failed)|"
    r"mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|delivery failure|"
    r"could not be delivered|couldn't be delivered|non-?delivery|unzustellbar|"
    r"nicht zustellbar|non remis|no se puede entregar|non recapitabile|onbestelbaar|"
    r"delayed mail|delivery delayed|delivery status|message delayed|warning: message",
    re.IGNORECASE,
)
_DELAY = re.compile(
    r"\(delay\)|delayed mail|delivery delayed|still being retried|delivery is delayed|"
    r"has not yet been delivered|this is a warning only|warning: message \S+ delayed|"
    r"will (?:retry|be retried|keep trying)|message not delivered yet|temporary problem",
    re.IGNORECASE,
)
_LIST_SUFFIXES = ("-request", "-owner", "-bounces", "-admin", "-subscribe", "-unsubscribe")
_FAILED_ACTIONS = frozenset({"failed", "failure"})
_FINE_ACTIONS = frozenset({"delivered", "relayed", "expanded"})
_ADDRESS = re.compile(r"[a-z0-9._%+'=-]+@[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
_EXAMPLE_CUE = re.compile(
    r"(?:such as|for example|e\.g\.|like|example:|for instance|z\.b\.|par exemple|por ejemplo)"
    r"\s*\S*\s*$",
    re.IGNORECASE,
)
_RETURNED_COPY = re.compile(
    r"^.*(?:below this line is a copy|this is a copy of the message|original message follows|"
    r"transcript of session follows|^-+\s*original message|^return-path:|^received:).*$",
    re.IGNORECASE | re.MULTILINE,
)
_ID_OR_LIST_LINE = re.compile(
    r"^\s*(?:message-id|in-reply-to|references|list-[a-z]+|x-list|mailing-list)\s*:",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class BounceReading:
    kind: BounceKind
    failed: tuple[str, ...]
    evidence: str
    confident: bool


def looks_like_bounce(mail: Mail) -> bool:
    """A delivery report, a failed-recipients header, or a mail system writing about delivery."""
    if mail.content_type == "multipart/report" and mail.report_type in ("delivery-status", ""):
        return True
    if mail.status_blocks or mail.header("x-failed-recipients"):
        return True
    from_system = bool(_DAEMON.match(mail.sender)) or _null_return_path(mail)
    return from_system and bool(
        _BOUNCE_SUBJECT.search(mail.subject) or _DELAY.search(mail.text[:1500])
    )


def may_be_notice(mail: Mail) -> bool:
    """Whether the header fields alone leave room for a bounce or delay notice.

    The watcher reads the body of a message that answers no application only when this holds:
    a delivery report, a failed-recipients header, a mail system's sender or null Return-Path,
    or a subject about delivery.
    """
    if mail.content_type == "multipart/report" or mail.header("x-failed-recipients"):
        return True
    if _DAEMON.match(mail.sender) or _null_return_path(mail):
        return True
    return bool(_BOUNCE_SUBJECT.search(mail.subject))


def read_bounce(mail: Mail) -> BounceReading | None:
    """What a bounce or delay notice says, or None when ``mail`` is neither.

    Mail that does not look like a report is still shown to the detectors: bounces come from
    senders, under subjects and through Return-Paths nobody lists. Only what they find there
    counts, and with ``low`` confidence.
    """
    if not looks_like_bounce(mail):
        temporary, permanent = _detectors(mail)
        failed, delayed = _checked(mail, permanent), _checked(mail, temporary)
        if not (failed or delayed):
            return None
        line = _line_naming(mail.text, failed or delayed)
        return _reading(mail, failed, delayed, line or mail.subject, confident=False)
    if mail.status_blocks:
        failed, delayed, evidence = _from_report(mail)
        return _reading(mail, failed, delayed, evidence, confident=True)
    header = mail.header("x-failed-recipients")
    if header:
        failed = _checked(mail, _ADDRESS.findall(header))
        evidence = f"X-Failed-Recipients: {header}"
        return _reading(mail, failed, [], evidence, confident=bool(failed))
    temporary, permanent = _detectors(mail)
    failed = _checked(mail, permanent)
    delayed = _checked(mail, temporary)
    confident = bool(failed or delayed)
    if not confident and not _DELAY.search(mail.subject + "\n" + mail.text[:1500]):
        # The detectors know no format here (or refuse a hyphenated domain): the addresses the
        # report itself writes, before the copy of our message, with the same checks; "low".
        failed = _checked(mail, _ADDRESS.findall(_RETURNED_COPY.split(mail.text, maxsplit=1)[0]))
    line = _line_naming(mail.text, failed or delayed)
    return _reading(mail, failed, delayed, line or mail.subject, confident=confident)


def _reading(
    mail: Mail, failed: list[str], delayed: list[str], evidence: str, *, confident: bool
) -> BounceReading:
    if failed:
        return BounceReading("bounce", tuple(failed), evidence[:200], confident)
    if delayed or _DELAY.search(mail.subject) or _DELAY.search(mail.text[:1500]):
        delay_evidence = evidence if delayed else _delay_words(mail)
        return BounceReading("delay", (), delay_evidence[:200], True)
    # A bounce that names nobody we can trust: say so, and let the user look.
    return BounceReading("bounce", (), (evidence or mail.subject)[:200], False)


def _from_report(mail: Mail) -> tuple[list[str], list[str], str]:
    failed: list[str] = []
    delayed: list[str] = []
    evidence = ""
    for block in mail.status_blocks:
        address = _recipient(block)
        if not address:
            continue
        action = block.get("action", "").split()[0].lower() if block.get("action") else ""
        status = block.get("status", "").strip()
        if action in _FAILED_ACTIONS or (not action and status.startswith("5")):
            failed.append(address)
            evidence = evidence or _block_text(block)
        elif action == "delayed" or (not action and status.startswith("4")):
            delayed.append(address)
            evidence = evidence or _block_text(block)
        elif action not in _FINE_ACTIONS and status.startswith("5"):
            failed.append(address)
    return _checked(mail, failed), _checked(mail, delayed), evidence


def _recipient(block: dict[str, str]) -> str:
    # Original-Recipient is the address as we wrote it; Final-Recipient may be a forward of it.
    for name in ("original-recipient", "final-recipient"):
        value = block.get(name, "")
        found = _ADDRESS.search(value.split(";", 1)[-1])
        if found:
            return found.group(0).lower()
    return ""


def _block_text(block: dict[str, str]) -> str:
    names = ("final-recipient", "action", "status")
    return "; ".join(f"{name.title()}: {block[name]}" for name in names if block.get(name))


def _detectors(mail: Mail) -> tuple[list[str], list[str]]:
    """Mailman's detectors, run in their own order; a detector that breaks counts as none."""
    try:
        temporary, permanent = all_failures(mail.message)
    except Exception:  # a detector tripping over odd mail must not stop the reading
        return [], []
    return _texts(temporary), _texts(permanent)


def _texts(found: Iterable[bytes | str]) -> list[str]:
    return sorted(a.decode("utf-8", "replace") if isinstance(a, bytes) else a for a in found)


def _checked(mail: Mail, addresses: list[str]) -> list[str]:
    """Lower-case, in order, once each; without addresses that cannot be a failed recipient."""
    ours = {mail.sender, *mail.recipients}
    kept: list[str] = []
    for raw in addresses:
        address = raw.strip().strip("<>'\"").lower()
        if not _ADDRESS.fullmatch(address) or address in ours or address in kept:
            continue
        if _DAEMON.match(address) or _list_address(address):
            continue
        if _only_as_id_list_or_example(mail.text, address):
            continue
        kept.append(address)
    return kept


def _only_as_id_list_or_example(text: str, address: str) -> bool:
    """Whether every mention of ``address`` is in a Message-ID or list header, or an example."""
    mentions = list(re.finditer(re.escape(address), text, re.IGNORECASE))
    for mention in mentions:
        before = text[text.rfind("\n", 0, mention.start()) + 1 : mention.start()]
        if not (
            _ID_OR_LIST_LINE.match(before)
            or _EXAMPLE_CUE.search(before)
            or "message-id" in before.lower()
        ):
            return False
    return bool(mentions)


def _list_address(address: str) -> bool:
    local, _, domain = address.partition("@")
    return domain.startswith("lists.") or local.endswith(_LIST_SUFFIXES)


def _line_naming(text: str, addresses: list[str]) -> str:
    for line in text.splitlines():
        if any(a in line.lower() for a in addresses):
            return " ".join(line.split())
    return ""


def _delay_words(mail: Mail) -> str:
    found = _DELAY.search(mail.text[:1500])
    if found is None:
        return mail.subject
    start = mail.text.rfind("\n", 0, found.start()) + 1
    end = mail.text.find("\n", found.end())
    return " ".join(mail.text[start : end if end >= 0 else None].split())


def _null_return_path(mail: Mail) -> bool:
    return mail.header("return-path").replace(" ", "") == "<>"
