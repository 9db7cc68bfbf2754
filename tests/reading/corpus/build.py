"""Write the labelled mail corpus: one .eml and one .json (the expected reading) per message.

The words of every message and every expected answer are written by hand in the case files
(away_cases.py, human_cases.py, bounce_cases.py, bulk_cases.py); this script only wraps them in
the headers and MIME structure of the mail system named in each case, so the layout of a Gmail,
Outlook or Zimbra message is written once. Run it from the worktree root:

    /work/main/.venv/bin/python tests/reading/corpus/build.py

Layout: tests/reading/corpus/<class>/<split>/<name>.eml and <name>.json, split "test" (never used
to tune the reader) or "tune".
"""

from __future__ import annotations

import base64
import json
import quopri
import re
import sys
import zlib
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from away_cases import AWAY  # noqa: E402
from bounce_cases import BOUNCES  # noqa: E402
from bulk_cases import BULK  # noqa: E402
from human_cases import HUMAN  # noqa: E402

CRLF = "\r\n"
CANDIDATE = "Sam Rivera <sam.rivera@fastmail.example>"
OUR_ID = "<20261130153012.4821.afterword@fastmail.example>"

AUTO_PREFIX = {
    "en": "Automatic reply: ",
    "de": "Automatische Antwort: ",
    "fr": "Réponse automatique : ",
    "es": "Respuesta automática: ",
    "nl": "Automatisch antwoord: ",
    "it": "Risposta automatica: ",
    "pt": "Resposta automática: ",
}

# What Outlook puts in front of the text of every HTML message: a long head of Word styles.
OUTLOOK_HEAD = (
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:'
    'office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.'
    'com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv='
    '"Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft '
    'Word 15 (filtered medium)"><style><!--\n'
    + "".join(
        f'/* Font Definitions */ @font-face {{font-family:"Font {n}"; panose-1:2 15 5 2 2 2 4'
        f" 3 2 4;}}\np.MsoNormal{n}, li.MsoNormal{n}, div.MsoNormal{n} {{margin:0cm; "
        f'font-size:11.0pt; font-family:"Calibri",sans-serif;}}\n'
        for n in range(18)
    )
    + '--></style></head><body lang=EN-US link="#0563C1" vlink="#954F72" '
    'style="word-wrap:break-word"><div class=WordSection1>'
)


# An Office 365 report's HTML part is long enough to push the delivery-status part past the
# first kilobytes of the body.
BIG_OUTLOOK_HEAD = OUTLOOK_HEAD.replace(
    "<style><!--\n",
    "<style><!--\n"
    + "".join(
        f".x_MsoTable{n} {{border-collapse:collapse; mso-table-lspace:0pt; mso-table-rspace:0pt;"
        f" font-family:'Segoe UI',Tahoma,sans-serif; color:#212121; padding:0 0 0 {n}px;}}\n"
        for n in range(70)
    ),
)


def html_of(text: str, head: str = "<html><body>") -> str:
    paragraphs = "".join(
        f"<p class=MsoNormal>{escape(line) or '&nbsp;'}<o:p></o:p></p>" for line in text.split("\n")
    )
    return (
        f"{head}{paragraphs}</div></body></html>"
        if "WordSection1" in head
        else (f'{head}<div dir="ltr">{paragraphs}</div></body></html>')
    )


def encoded(text: str, charset: str) -> bytes:
    """The text in ``charset``; a made-up charset name (to test the reader) gets UTF-8 bytes."""
    try:
        return text.encode(charset)
    except LookupError:
        return text.encode("utf-8")


def qp(text: str, charset: str = "utf-8") -> str:
    return quopri.encodestring(encoded(text, charset)).decode("ascii").replace("\n", CRLF)


def b64(text: str, charset: str = "utf-8") -> str:
    data = base64.encodebytes(encoded(text, charset)).decode("ascii")
    return data.replace("\n", CRLF)


def header_lines(headers: list[tuple[str, str]]) -> str:
    from email.header import Header

    lines = []
    for name, value in headers:
        if any(ord(c) > 127 for c in value):
            value = Header(value, "utf-8").encode()
        lines.append(f"{name}: {value}")
    return CRLF.join(lines) + CRLF


def text_part(text: str, charset: str = "utf-8", encoding: str = "quoted-printable") -> str:
    body = qp(text, charset) if encoding == "quoted-printable" else b64(text, charset)
    return (
        f'Content-Type: text/plain; charset="{charset}"{CRLF}'
        f"Content-Transfer-Encoding: {encoding}{CRLF}{CRLF}{body}"
    )


def html_part(html: str, charset: str = "utf-8", encoding: str = "quoted-printable") -> str:
    body = qp(html, charset) if encoding == "quoted-printable" else b64(html, charset)
    return (
        f'Content-Type: text/html; charset="{charset}"{CRLF}'
        f"Content-Transfer-Encoding: {encoding}{CRLF}{CRLF}{body}"
    )


def alternative(boundary: str, text: str, html: str, charset: str = "utf-8") -> str:
    return (
        f'Content-Type: multipart/alternative; boundary="{boundary}"{CRLF}{CRLF}'
        f"--{boundary}{CRLF}{text_part(text, charset)}{CRLF}"
        f"--{boundary}{CRLF}{html_part(html, charset)}{CRLF}"
        f"--{boundary}--{CRLF}"
    )


def compose(headers: list[tuple[str, str]], body_with_type: str) -> bytes:
    """Headers, MIME-Version, then a part (its own Content-* lines, a blank line, its body)."""
    return (header_lines([*headers, ("MIME-Version", "1.0")]) + body_with_type).encode("utf-8")


def date_header(sent: str) -> str:
    return format_datetime(datetime.strptime(sent, "%Y-%m-%d %H:%M %z"))


# ---------------------------------------------------------------- away notices and people


def person_message(case: dict) -> bytes:
    """A message of a person or of a vacation program, in the layout of ``case["system"]``."""
    system = case["system"]
    lang = case.get("lang", "en")
    sender = case["sender"]
    who = case["who"]
    text = case["body"]
    subject = case["subject"]
    charset = case.get("charset", "utf-8")
    headers: list[tuple[str, str]] = []
    if case.get("return_path", True):
        headers.append(("Return-Path", case.get("return_path_value", f"<{sender}>")))
    headers += [
        ("From", f"{who} <{sender}>"),
        ("To", CANDIDATE),
        ("Subject", subject),
    ]
    if case.get("sent"):
        headers.append(("Date", date_header(case["sent"])))
    serial = zlib.crc32(f"{sender}{subject}{case['name']}".encode())
    auto = case.get("auto", True)
    if system in ("outlook", "m365"):
        headers.append(("Message-ID", f"<DM6PR{serial}.{lang}@prod.outlook.example>"))
    elif system == "gmail":
        headers.append(("Message-ID", f"<CAF{serial}w+{lang}@mail.gmail.com>"))
    else:
        headers.append(("Message-ID", f"<{serial}.{system}@{sender.split('@')[1]}>"))
    if case.get("threaded", True):
        headers += [("In-Reply-To", OUR_ID), ("References", OUR_ID)]
    if auto:
        headers += AUTO_HEADERS[system]
    headers += case.get("extra_headers", [])
    if system in ("outlook",):
        if not auto:
            headers.append(("Thread-Topic", subject.split(": ", 1)[-1]))
        headers.append(("Content-Language", {"en": "en-US"}.get(lang, lang)))
        body = alternative(f"_000_DM6PR{serial}_", text, html_of(text, OUTLOOK_HEAD), charset)
    elif system == "m365":
        headers += [("X-MS-Has-Attach", ""), ("X-MS-Exchange-Organization-SCL", "-1")]
        body = html_part(
            html_of(text, OUTLOOK_HEAD[:900] + "--></style></head><body><div class=WordSection1>"),
            charset,
            "base64",
        )
    elif system == "gmail":
        body = alternative(f"000000000000{serial:x}", text, html_of(text), charset)
    elif system == "yahoo":
        body = alternative(f"----=_Part_{serial}", text, html_of(text), charset)
    else:  # zimbra, icloud, rule, exim, plain: plain text
        body = text_part(text, charset)
    return compose(headers, body)


AUTO_HEADERS: dict[str, list[tuple[str, str]]] = {
    "gmail": [("Auto-Submitted", "auto-replied")],
    "outlook": [
        ("Auto-Submitted", "auto-generated"),
        ("X-Auto-Response-Suppress", "All"),
        ("X-MS-Exchange-Inbox-Rules-Loop", "oof@example"),
    ],
    "m365": [
        ("Auto-Submitted", "auto-generated"),
        ("X-Auto-Response-Suppress", "All"),
        ("X-MS-Exchange-Inbox-Rules-Loop", "oof@example"),
    ],
    "zimbra": [("Auto-Submitted", "auto-replied (zimbra; vacation)"), ("Precedence", "bulk")],
    "icloud": [("Auto-Submitted", "auto-replied")],
    "yahoo": [("X-Autoreply", "yes")],
    "exim": [("X-Autorespond", "vacation"), ("Precedence", "auto_reply")],
    # An old Outlook client rule, or a small host's script: no header says it is automatic.
    "rule": [],
    "plain": [],
}


def away_subject(case: dict) -> str:
    system, lang = case["system"], case.get("lang", "en")
    if case.get("subject"):
        return case["subject"]
    original = case.get("original_subject", "Thank you for the interview")
    if system in ("outlook", "m365"):
        return AUTO_PREFIX[lang] + original
    return original


# ---------------------------------------------------------------- delivery reports


def dsn_message(case: dict) -> bytes:
    """A multipart/report (RFC 3464): human text, delivery-status fields, our returned message."""
    boundary = case.get("boundary", "=_report_7f3a9c")
    human = case["human"]
    fields = case["status"]
    head = BIG_OUTLOOK_HEAD if case.get("html_head") == "big_outlook" else "<html><body>"
    first = (
        alternative("=_alt_91b2", human, html_of(human, head))
        if case.get("html")
        else text_part(human)
    )
    recipient = re.search(r"Final-Recipient: rfc822; ?(\S+)", fields)
    returned_headers = (
        f"Return-Path: <sam.rivera@fastmail.example>{CRLF}"
        f"From: {CANDIDATE}{CRLF}To: {case.get('to') or recipient.group(1).lower()}{CRLF}"
        f"Subject: {case.get('original_subject', 'Thank you for the interview')}{CRLF}"
        f"Message-ID: {OUR_ID}{CRLF}Date: Mon, 30 Nov 2026 15:30:12 +0000{CRLF}"
        + "".join(f"{name}: {value}{CRLF}" for name, value in case.get("returned_extra", []))
    )
    if case.get("returned") == "headers":
        third = f"Content-Type: text/rfc822-headers{CRLF}{CRLF}{returned_headers}"
    else:
        third = (
            f"Content-Type: message/rfc822{CRLF}{CRLF}{returned_headers}{CRLF}"
            f"Dear {case.get('returned_name', 'Ms. Lee')},{CRLF}{CRLF}Thank you for taking the time"
            f" to meet me on Friday.{CRLF}{CRLF}Best regards,{CRLF}Sam{CRLF}"
        )
    body = (
        f'Content-Type: multipart/report; report-type=delivery-status;{CRLF}\tboundary="{boundary}"'
        f"{CRLF}{CRLF}This is a MIME-encapsulated message.{CRLF}{CRLF}"
        f"--{boundary}{CRLF}{first}{CRLF}"
        f"--{boundary}{CRLF}Content-Type: message/delivery-status{CRLF}{CRLF}{fields}{CRLF}"
        f"--{boundary}{CRLF}{third}{CRLF}"
        f"--{boundary}--{CRLF}"
    )
    return compose(bounce_headers(case), body)


def text_bounce(case: dict) -> bytes:
    return compose(bounce_headers(case), text_part(case["human"]))


def bounce_headers(case: dict) -> list[tuple[str, str]]:
    headers = [("Return-Path", case.get("return_path", "<>"))]
    headers += [
        ("From", case["from"]),
        ("To", CANDIDATE),
        ("Subject", case["subject"]),
        ("Date", date_header(case.get("sent", "2026-11-30 15:31 +0000"))),
        ("Message-ID", f"<{zlib.crc32(case['name'].encode())}.bounce@{case['from_host']}>"),
    ]
    headers += case.get("extra_headers", [])
    if case.get("auto_submitted", False):
        headers.append(("Auto-Submitted", "auto-replied"))
    return headers


# ---------------------------------------------------------------- writing


def write(kind: str, case: dict, raw: bytes, expected: dict) -> None:
    folder = HERE / kind / case["split"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{case['name']}.eml").write_bytes(raw)
    args = {"country": case.get("country", "US")}
    if case.get("language"):
        args["language"] = case["language"]
    record = {"args": args, "expected": expected}
    if case.get("about"):
        record["about"] = case["about"]
    (folder / f"{case['name']}.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main() -> None:
    for case in AWAY:
        case = {**case, "subject": away_subject(case)}
        expected = {"kind": "auto_reply", "back_on": case["back_on"], "bounced": []}
        write("away", case, person_message(case), expected)
    for case in HUMAN:
        case = {**case, "auto": case.get("auto", False)}
        expected = {"kind": "reply", "back_on": None, "bounced": []}
        if case.get("meaning"):
            expected["meaning"] = case["meaning"]
        write("human", case, person_message(case), expected)
    for case in BOUNCES:
        raw = dsn_message(case) if case.get("status") else text_bounce(case)
        expected = {"kind": case["kind"], "back_on": None, "bounced": case["failed"]}
        write("bounce", case, raw, expected)
    for case in BULK:
        case = {**case, "auto": False, "threaded": False}
        write("bulk", case, person_message(case), {"kind": "bulk", "back_on": None, "bounced": []})


if __name__ == "__main__":
    main()
