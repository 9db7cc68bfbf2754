"""The outbox's emails written to bytes: exactly what the standard library's EmailMessage gives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from afterword.outbox.messages import compose, sender
from afterword.outbox.models import MailAccount, OutgoingEmail
from afterword.outbox.smtp import WireMessage, wire_form

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).astimezone(ZoneInfo("Europe/Berlin"))
MESSAGE_ID = "<175.2.3@example.test>"


def reference(email: OutgoingEmail, account: MailAccount, now: datetime) -> WireMessage:
    """The slow, plainly right way: build an EmailMessage, then write it out for SMTP."""
    message = EmailMessage()
    message["From"] = sender(account)
    message["To"] = email.to
    if email.cc:
        message["Cc"] = email.cc
    message["Subject"] = email.subject
    message["Date"] = now.strftime("%a, %d %b %Y %H:%M:%S %z")
    message["Message-ID"] = email.message_id
    if email.in_reply_to:
        message["In-Reply-To"] = email.in_reply_to
    if email.references:
        message["References"] = email.references
    message.set_content(email.body, charset="utf-8", cte="quoted-printable")
    return wire_form(message)


def _email(**fields: str) -> OutgoingEmail:
    defaults = {
        "to": "priya@harbour.example",
        "subject": "Thank you, Priya",
        "body": "Thank you for Monday.\n",
        "message_id": MESSAGE_ID,
    }
    return OutgoingEmail(**{**defaults, **fields})


def _outcome(
    build: Callable[[OutgoingEmail, MailAccount, datetime], WireMessage],
    email: OutgoingEmail,
    account: MailAccount,
) -> WireMessage | str:
    # Some odd names make the library itself fail: then both must refuse the email.
    try:
        return build(email, account, NOW)
    except Exception:
        return "refused"


def _account(name: str = "Sam Rivera", address: str = "sam@example.test") -> MailAccount:
    return MailAccount(from_name=name, from_address=address)


# What str.splitlines() breaks at: in a header value the library refuses it (see below).
LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Header text without line breaks; any script, any length.
header_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters=LINE_BREAKS), max_size=120
)
body_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)
local_part = st.from_regex(r"[A-Za-z0-9._+-]{1,20}", fullmatch=True)
address = st.builds(lambda local, host: f"{local}@{host}.example", local_part, local_part)
named = st.builds(lambda name, mail: f"{name} <{mail}>", header_text, address)
address_list = st.lists(st.one_of(address, named), min_size=1, max_size=4).map(", ".join)
message_ids = st.lists(
    st.builds(lambda local: f"<{local}@example.test>", local_part), min_size=1, max_size=8
)


@settings(max_examples=400, deadline=None)
@given(
    subject=header_text,
    body=body_text,
    name=header_text,
    to=st.one_of(address, named, address_list),
    cc=st.one_of(st.just(""), address_list),
    earlier=st.one_of(st.just([]), message_ids),
)
@example(subject="Thank you", body="", name="", to="a@b.example", cc="", earlier=[])
@example(
    subject="=?utf-8?q?Gr=C3=BC=C3=9Fe?=", body=".\n", name="", to="a@b.example", cc="", earlier=[]
)
@example(
    subject=" spaced  out ",
    body="x" * 200,
    name="O'Brien, Jr.",
    to="a.b@c.example",
    cc="",
    earlier=[],
)
def test_it_writes_the_bytes_the_standard_library_writes(
    subject: str, body: str, name: str, to: str, cc: str, earlier: list[str]
) -> None:
    """Any subject, body, sender name, To, Cc and thread: the same bytes and recipients (or
    both refuse it)."""
    email = _email(
        subject=subject,
        body=body,
        to=to,
        cc=cc,
        in_reply_to=earlier[-1] if earlier else "",
        references=" ".join(earlier),
    )
    account = _account(name)

    assert _outcome(compose, email, account) == _outcome(reference, email, account)


def test_a_plain_thank_you_is_written_as_it_reads() -> None:
    """The common email: every header on one line as given, the body quoted-printable UTF-8."""
    email = _email(body="Grüße – thank you.\n")

    wire = compose(email, _account(), NOW)

    assert wire.recipients == ["priya@harbour.example"]
    assert wire.content.decode("ascii").split("\r\n") == [
        "From: Sam Rivera <sam@example.test>",
        "To: priya@harbour.example",
        "Subject: Thank you, Priya",
        "Date: Mon, 02 Mar 2026 10:30:00 +0100",
        f"Message-ID: {MESSAGE_ID}",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "MIME-Version: 1.0",
        "",
        "Gr=C3=BC=C3=9Fe =E2=80=93 thank you.",
        "",
    ]


def test_each_recipient_of_to_and_cc_is_named_once() -> None:
    """The envelope lists To then Cc, each address once, without the names."""
    email = _email(
        to="Priya <priya@harbour.example>, tomasz@harbour.example",
        cc="priya@harbour.example, HR <hr@harbour.example>",
    )

    wire = compose(email, _account(), NOW)

    assert wire.recipients == [
        "priya@harbour.example",
        "tomasz@harbour.example",
        "hr@harbour.example",
    ]


@pytest.mark.parametrize("field", ["subject", "to", "cc", "references"])
@pytest.mark.parametrize("line_break", ["\r\n", "\n", "\u2028"])
def test_a_line_break_in_a_header_is_refused_as_the_library_refuses_it(
    field: str, line_break: str
) -> None:
    """A header value with a line break could smuggle in headers: ValueError, nothing written."""
    email = _email(**{field: f"x@y.example{line_break}Bcc: someone@else.example"})

    with pytest.raises(ValueError, match="linefeed or carriage return"):
        compose(email, _account(), NOW)
