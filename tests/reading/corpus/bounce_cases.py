"""Bounces and delay notices in the layouts of common mail servers, written by hand.

``failed`` lists exactly the recipients whose delivery failed for good (lower case); a delay
notice fails nobody. The human-readable texts are our own paraphrases of what these servers
say, keeping the fixed lines their formats are known by. The "test" half was written first
and is never used to tune the reader.
"""

from __future__ import annotations

from build_helpers import dsn

_POSTFIX_FROM = "Mail Delivery System <MAILER-DAEMON@mx1.fastmail.example>"
_GMAIL_FROM = "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"
_O365_FROM = (
    "Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@fastmail.example>"
)


def _postfix_text(address: str, host: str, said: str) -> str:
    return (
        "This is the mail system at host mx1.fastmail.example.\n\n"
        "Your message could not be delivered to one or more recipients; it is attached below.\n"
        "For further help, ask for the postmaster and include this report.\n\n"
        f"                   The mail system\n\n<{address}>: host {host}[203.0.113.25] said: "
        f"{said} (in reply to RCPT TO command)\n"
    )


def _gmail_failure(address: str, said: str) -> str:
    return (
        "Address not found\n\n"
        f"Your message wasn't delivered to {address} because the address couldn't be found, "
        "or is unable to receive mail.\n\nLEARN MORE: https://support.google.com/mail/?p=NoSuchUser"
        f"\n\nThe response from the remote server was:\n{said}\n"
    )


def _gmail_delay(address: str) -> str:
    return (
        "Message not delivered yet\n\n"
        f"There was a temporary problem delivering your message to {address}. Gmail will retry "
        "for 46 more hours. You'll be notified if the delivery fails permanently.\n\n"
        "The response from the remote server was:\n421 4.7.0 Try again later, closing "
        "connection.\n"
    )


def _o365_text(address: str, who: str, domain: str) -> str:
    return (
        f"Your message to {address} couldn't be delivered.\n\n{who} wasn't found at {domain}.\n\n"
        "sam.rivera    Office 365    " + who + "\nAction Required                    Recipient\n\n"
        "Unknown To address\n\nHow to Fix It\nThe address may be misspelled or may not exist. "
        "Try one or more of the following:\n\n- Send the message again following these steps: "
        "In Outlook, open this non-delivery report (NDR) and choose Send Again.\n- Retype the "
        "entire address and then select Send.\n- Contact the recipient by some other means to "
        "confirm you're using the right address.\n\nMore Info for Email Admins\nStatus code: "
        "550 5.1.10\n"
    )


def _postfix_delay_text(address: str) -> str:
    return (
        "This is the mail system at host mx1.fastmail.example.\n\n"
        "####################################################################\n"
        "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
        "####################################################################\n\n"
        "Your message could not be delivered for 4.0 hours.\nIt will be retried until it is 5.0 "
        f"days old.\n\n<{address}>: connect to mx.remote.example[198.51.100.4]:25: Connection "
        "timed out\n"
    )


def _exim_failed(addresses: list[str], host: str) -> str:
    listed = "".join(
        f"  {a}\n    host {host} [198.51.100.7]\n    SMTP error from remote mail server after "
        f"RCPT TO:<{a}>:\n    550 5.1.1 No such user here\n"
        for a in addresses
    )
    return (
        "This message was created automatically by mail delivery software.\n\n"
        "A message that you sent could not be delivered to one or more of its recipients. This "
        "is a permanent error. The following address(es) failed:\n\n" + listed + "\n"
        "------ This is a copy of the message, including all the headers. ------\n\n"
        "Return-path: <sam.rivera@fastmail.example>\nMessage-ID: "
        "<20261130153012.4821.afterword@fastmail.example>\nFrom: Sam Rivera "
        "<sam.rivera@fastmail.example>\nTo: " + ", ".join(addresses) + "\nSubject: Thank you\n\n"
        "Thank you for the conversation on Friday.\n"
    )


def _exim_delay(address: str, host: str) -> str:
    return (
        "This message was created automatically by mail delivery software.\n\n"
        "A message that you sent has not yet been delivered to one or more of its recipients "
        f"after more than 24 hours on the queue on {host}.\n\nThe message identifier is:     "
        "1vXyZq-0004Ab-3Q\nThe subject of the message is: Thank you\n\nThe address to which the "
        f"message has not yet been delivered is:\n\n  {address}\n    Delay reason: SMTP error "
        "from remote mail server after RCPT TO: 451 4.3.0 Temporary lookup failure\n\n"
        "No action is required on your part. Delivery attempts will continue for some time, and "
        "this warning may be repeated at intervals if the message remains undelivered.\n"
    )


def _qmail(address: str, host: str) -> str:
    return (
        f"Hi. This is the qmail-send program at {host}.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        f"<{address}>:\n203.0.113.9 does not like recipient.\nRemote host said: 550 5.1.1 "
        "unknown user\nGiving up on 203.0.113.9.\n\n--- Below this line is a copy of the "
        "message.\n\nReturn-Path: <sam.rivera@fastmail.example>\nMessage-ID: "
        "<20261130153012.4821.afterword@fastmail.example>\nFrom: Sam Rivera "
        f"<sam.rivera@fastmail.example>\nTo: {address}\nSubject: Thank you\n\nThank you again.\n"
    )


def _yahoo(address: str) -> str:
    return (
        "Sorry, we were unable to deliver your message to the following address.\n\n"
        f"<{address}>:\n554: delivery error: dd This user doesn't have a yahoo.com account "
        f"({address}) [0] - mta1021.mail.bf1.yahoo.com\n\n--- Below this line is a copy of the "
        "message.\n\nReceived: from [198.51.100.20] by mta1021.mail.bf1.yahoo.com\nMessage-ID: "
        "<20261130153012.4821.afterword@fastmail.example>\nSubject: Thank you\n"
    )


def _sendmail(address: str, host: str) -> str:
    return (
        "The original message was received at Mon, 30 Nov 2026 15:30:14 GMT\n"
        f"from mail.fastmail.example [198.51.100.2]\n\n   ----- The following addresses had "
        f"permanent fatal errors -----\n<{address}>\n    (reason: 550 5.1.1 <{address}>... User "
        f"unknown)\n\n   ----- Transcript of session follows -----\n... while talking to {host}"
        f".:\n>>> RCPT To:<{address}>\n<<< 550 5.1.1 <{address}>... User unknown\n550 5.1.1 "
        f"<{address}>... User unknown\n"
    )


def _exchange_text_only(address: str) -> str:
    return (
        "Delivery has failed to these recipients or groups:\n\n"
        f"{address}\nThe email address you entered couldn't be found. Please check the "
        "recipient's email address and try to resend the message. If the problem continues, "
        "please contact your helpdesk.\n\nIf you need help, ask your email administrator to "
        "write to postmaster@fastmail.example, or first send a test message to an address such "
        "as someone@example.com.\n\nDiagnostic information for administrators:\n\n"
        f"Generating server: mail.fastmail.example\n\n{address}\n#550 5.1.1 RESOLVER.ADR."
        "RecipientNotFound; not found ##\n"
    )


def _old_exchange(address: str) -> str:
    return (
        "Your message did not reach some or all of the intended recipients.\n\n"
        "      Subject:  Thank you\n      Sent:     30/11/2026 15:30\n\n"
        "The following recipient(s) cannot be reached:\n\n"
        f"      '{address}' on 30/11/2026 15:31\n            550 5.1.1 User unknown\n"
    )


BOUNCES: list[dict] = [
    # ------------------------------------------------------------------ test half
    {
        "name": "b01_postfix_user_unknown",
        "split": "test",
        "kind": "bounce",
        "failed": ["priya.nair@lumen-analytics.example"],
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Undelivered Mail Returned to Sender",
        "auto_submitted": True,
        "human": _postfix_text(
            "priya.nair@lumen-analytics.example",
            "mx.lumen-analytics.example",
            "550 5.1.1 <priya.nair@lumen-analytics.example>: Recipient address rejected: User "
            "unknown in virtual mailbox table",
        ),
        "status": dsn(
            "mx1.fastmail.example",
            [
                (
                    "priya.nair@lumen-analytics.example",
                    "failed",
                    "5.1.1",
                    "550 5.1.1 <priya.nair@lumen-analytics.example>: Recipient address rejected",
                ),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b02_gmail_address_not_found",
        "split": "test",
        "kind": "bounce",
        "failed": ["d.kim@corvid-health.example"],
        "auto_submitted": False,
        "from": _GMAIL_FROM,
        "from_host": "googlemail.com",
        "subject": "Delivery Status Notification (Failure)",
        "html": True,
        "human": _gmail_failure(
            "d.kim@corvid-health.example",
            "550 5.1.1 The email account that you tried to reach does not exist.",
        ),
        "status": dsn(
            "mx.google.com",
            [
                (
                    "d.kim@corvid-health.example",
                    "failed",
                    "5.1.1",
                    "550-5.1.1 The email account that you tried to reach does not exist.",
                ),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b03_gmail_delay",
        "split": "test",
        "kind": "delay",
        "failed": [],
        "auto_submitted": False,
        "from": _GMAIL_FROM,
        "from_host": "googlemail.com",
        "subject": "Delivery Status Notification (Delay)",
        "html": True,
        "human": _gmail_delay("hr@tallgrass-energy.example"),
        "status": dsn(
            "mx.google.com",
            [
                (
                    "hr@tallgrass-energy.example",
                    "delayed",
                    "4.4.1",
                    "421 4.7.0 Try again later, closing connection.",
                ),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b04_o365_big_html_report_past_text",
        "split": "test",
        "kind": "bounce",
        "failed": ["owen.p@harbourline.example"],
        "auto_submitted": False,
        "from": _O365_FROM,
        "from_host": "fastmail.example",
        "subject": "Undeliverable: Thank you for the interview",
        "html": True,
        "html_head": "big_outlook",
        "human": _o365_text("owen.p@harbourline.example", "owen.p", "harbourline.example"),
        "status": dsn(
            "DM6PR11MB4722.namprd11.prod.outlook.example",
            [
                (
                    "owen.p@harbourline.example",
                    "failed",
                    "5.1.10",
                    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found by SMTP address",
                ),
            ],
        ),
    },
    {
        "name": "b05_exim_no_such_user",
        "split": "test",
        "kind": "bounce",
        "failed": ["ray.o@okafor-consulting.example"],
        "auto_submitted": True,
        "from": "Mail Delivery System <Mailer-Daemon@mail.fastmail.example>",
        "from_host": "mail.fastmail.example",
        "subject": "Mail delivery failed: returning message to sender",
        "extra_headers": [("X-Failed-Recipients", "ray.o@okafor-consulting.example")],
        "human": _exim_failed(["ray.o@okafor-consulting.example"], "mx.okafor-consulting.example"),
    },
    {
        "name": "b06_qmail_failure_notice",
        "split": "test",
        "kind": "bounce",
        "failed": ["s.devries@polder-data.example"],
        "from": "MAILER-DAEMON@mail.polder-data.example",
        "from_host": "mail.polder-data.example",
        "subject": "failure notice",
        "human": _qmail("s.devries@polder-data.example", "mail.polder-data.example"),
    },
    {
        "name": "b07_yahoo_failure_notice",
        "split": "test",
        "kind": "bounce",
        "failed": ["bev.c@yahoo.com"],
        "from": "MAILER-DAEMON@yahoo.com",
        "from_host": "yahoo.com",
        "subject": "Failure Notice",
        "human": _yahoo("bev.c@yahoo.com"),
    },
    {
        "name": "b08_postfix_delayed_mail",
        "split": "test",
        "kind": "delay",
        "failed": [],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Delayed Mail (still being retried)",
        "human": _postfix_delay_text("g.thompson@northwind-talent.example"),
        "status": dsn(
            "mx1.fastmail.example",
            [
                (
                    "g.thompson@northwind-talent.example",
                    "delayed",
                    "4.4.1",
                    "connect to mx.remote.example[198.51.100.4]:25: Connection timed out",
                ),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b09_exchange_delivery_delayed",
        "split": "test",
        "kind": "delay",
        "failed": [],
        "from": _O365_FROM,
        "from_host": "fastmail.example",
        "subject": "Delivery delayed: Thank you",
        "html": True,
        "human": "Delivery is delayed to these recipients or groups:\n\n"
        "harriet.cole@brightwater.example\n\nSubject: Thank you\n\nThis message hasn't been "
        "delivered yet. Delivery will continue to be attempted.\n\nThe server will keep trying "
        "to deliver this message for the next 1 days, 19 hours and 51 minutes. You'll be "
        "notified if the message can't be delivered by that time.\n",
        "status": dsn(
            "AM0PR07MB.eurprd07.prod.outlook.example",
            [
                (
                    "harriet.cole@brightwater.example",
                    "delayed",
                    "4.4.7",
                    "400 4.4.7 Message delayed",
                ),
            ],
        ),
    },
    {
        "name": "b10_action_failure_nonstandard",
        "split": "test",
        "kind": "bounce",
        "failed": ["thill@midvale-credit.example"],
        "from": "postmaster@mail.midvale-credit.example",
        "from_host": "mail.midvale-credit.example",
        "subject": "Returned mail: User unknown",
        "human": "The following message could not be delivered to one recipient.\n",
        "status": dsn(
            "mail.midvale-credit.example",
            [
                ("thill@midvale-credit.example", "failure", "5.0.0", "550 User unknown"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b11_two_recipients_one_failed_one_delayed",
        "split": "test",
        "kind": "bounce",
        "failed": ["m.bianchi@studio-lanterna.example"],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Undelivered Mail Returned to Sender",
        "to": "m.bianchi@studio-lanterna.example, hr@studio-lanterna.example",
        "human": _postfix_text(
            "m.bianchi@studio-lanterna.example",
            "mx.studio-lanterna.example",
            "550 5.1.1 user unknown",
        ),
        "status": dsn(
            "mx1.fastmail.example",
            [
                ("m.bianchi@studio-lanterna.example", "failed", "5.1.1", "550 5.1.1 user unknown"),
                ("hr@studio-lanterna.example", "delayed", "4.4.1", "Connection timed out"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b12_exchange_text_help_example_address",
        "split": "test",
        "kind": "bounce",
        "failed": ["nadia.b@brookfield-design.example"],
        "from": "postmaster@fastmail.example",
        "from_host": "fastmail.example",
        "subject": "Undeliverable: Checking in",
        "human": _exchange_text_only("nadia.b@brookfield-design.example"),
    },
    {
        "name": "b13_list_address_and_message_id",
        "split": "test",
        "kind": "bounce",
        "failed": ["kevin.zhou@ardent-robotics.example"],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Undelivered Mail Returned to Sender",
        "to": "kevin.zhou@ardent-robotics.example",
        "returned_extra": [
            ("List-Id", "Hiring updates <hiring-updates.lists.fastmail.example>"),
            ("List-Post", "<mailto:hiring-updates@lists.fastmail.example>"),
        ],
        "human": _postfix_text(
            "kevin.zhou@ardent-robotics.example",
            "mx.ardent-robotics.example",
            "550 5.1.1 mailbox unavailable",
        )
        + "\nThe message was sent through hiring-updates@lists.fastmail.example, Message-ID "
        "<20261130153012.4821.afterword@fastmail.example>.\n",
        "status": dsn(
            "mx1.fastmail.example",
            [
                (
                    "kevin.zhou@ardent-robotics.example",
                    "failed",
                    "5.1.1",
                    "550 5.1.1 mailbox unavailable",
                ),
            ],
        ),
    },
    {
        "name": "b14_sendmail_null_return_path",
        "split": "test",
        "kind": "bounce",
        "failed": ["hr@sparrow-media.example"],
        "from": "Mail Delivery Subsystem <MAILER-DAEMON@mx.sparrow-media.example>",
        "from_host": "mx.sparrow-media.example",
        "subject": "Returned mail: see transcript for details",
        "human": _sendmail("hr@sparrow-media.example", "mx.sparrow-media.example"),
    },
    {
        "name": "b15_mailbox_full_uncommon_subject",
        "split": "test",
        "kind": "bounce",
        "failed": ["giulia.conti@vela-design.example"],
        "from": "Mail Administrator <postmaster@mail.vela-design.example>",
        "from_host": "mail.vela-design.example",
        "subject": "Message you sent could not be delivered",
        "human": "Your message could not be delivered: the recipient's mailbox is full and "
        "does not accept new mail.\n",
        "status": dsn(
            "mail.vela-design.example",
            [
                ("giulia.conti@vela-design.example", "failed", "5.2.2", "552 5.2.2 Mailbox full"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b16_exim_delay_warning",
        "split": "test",
        "kind": "delay",
        "failed": [],
        "auto_submitted": True,
        "from": "Mail Delivery System <Mailer-Daemon@mail.fastmail.example>",
        "from_host": "mail.fastmail.example",
        "subject": "Warning: message 1vXyZq-0004Ab-3Q delayed 24 hours",
        "human": _exim_delay("ray@okafor-consulting.example", "mail.fastmail.example"),
    },
    {
        "name": "b17_policy_rejection_dsn",
        "split": "test",
        "kind": "bounce",
        "failed": ["sortiz@pinecrest-bank.example"],
        "from": "Postmaster <postmaster@gateway.pinecrest-bank.example>",
        "from_host": "gateway.pinecrest-bank.example",
        "subject": "Undeliverable: Thank you",
        "human": "Your message was rejected by the recipient's mail gateway.\n",
        "status": dsn(
            "gateway.pinecrest-bank.example",
            [
                (
                    "sortiz@pinecrest-bank.example",
                    "failed",
                    "5.7.1",
                    "550 5.7.1 Message rejected by policy",
                ),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "b18_gmail_failure_upper_case_address",
        "split": "test",
        "kind": "bounce",
        "failed": ["emma.tremblay@northlake.example"],
        "auto_submitted": False,
        "from": _GMAIL_FROM,
        "from_host": "googlemail.com",
        "subject": "Delivery Status Notification (Failure)",
        "html": True,
        "human": _gmail_failure(
            "Emma.Tremblay@NorthLake.example", "550 5.1.1 No such user (Emma.Tremblay)"
        ),
        "status": dsn(
            "mx.google.com",
            [
                ("Emma.Tremblay@NorthLake.example", "failed", "5.1.1", "550 5.1.1 No such user"),
            ],
        ),
    },
    # ------------------------------------------------------------------ tune half
    {
        "name": "c01_postfix_user_unknown",
        "split": "tune",
        "kind": "bounce",
        "failed": ["daniel.park@meridian-soft.example"],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Undelivered Mail Returned to Sender",
        "human": _postfix_text(
            "daniel.park@meridian-soft.example",
            "mx.meridian-soft.example",
            "550 5.1.1 User unknown",
        ),
        "status": dsn(
            "mx1.fastmail.example",
            [
                ("daniel.park@meridian-soft.example", "failed", "5.1.1", "550 5.1.1 User unknown"),
            ],
        ),
    },
    {
        "name": "c02_gmail_address_not_found_full_copy",
        "split": "tune",
        "kind": "bounce",
        "failed": ["r.adams@copperleaf.example"],
        "auto_submitted": False,
        "from": _GMAIL_FROM,
        "from_host": "googlemail.com",
        "subject": "Delivery Status Notification (Failure)",
        "html": True,
        "human": _gmail_failure("r.adams@copperleaf.example", "550 5.1.1 User unknown"),
        "status": dsn(
            "mx.google.com",
            [
                ("r.adams@copperleaf.example", "failed", "5.1.1", "550 5.1.1 User unknown"),
            ],
        ),
    },
    {
        "name": "c03_gmail_delay",
        "split": "tune",
        "kind": "delay",
        "failed": [],
        "auto_submitted": False,
        "from": _GMAIL_FROM,
        "from_host": "googlemail.com",
        "subject": "Delivery Status Notification (Delay)",
        "html": True,
        "human": _gmail_delay("imogen.reid@lanyard-group.example"),
        "status": dsn(
            "mx.google.com",
            [
                ("imogen.reid@lanyard-group.example", "delayed", "4.4.1", "421 4.7.0 Try again"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "c04_o365_big_html",
        "split": "tune",
        "kind": "bounce",
        "failed": ["tom.b@kestrel-partners.example"],
        "auto_submitted": False,
        "from": _O365_FROM,
        "from_host": "fastmail.example",
        "subject": "Undeliverable: Next steps",
        "html": True,
        "html_head": "big_outlook",
        "human": _o365_text("tom.b@kestrel-partners.example", "tom.b", "kestrel-partners.example"),
        "status": dsn(
            "SN6PR04MB.namprd04.prod.outlook.example",
            [
                (
                    "tom.b@kestrel-partners.example",
                    "failed",
                    "5.1.10",
                    "550 5.1.10 RESOLVER.ADR.RecipientNotFound",
                ),
            ],
        ),
    },
    {
        "name": "c05_exim_two_failed",
        "split": "tune",
        "kind": "bounce",
        "failed": ["wendy.c@granite-insurance.example", "hr@granite-insurance.example"],
        "auto_submitted": True,
        "from": "Mail Delivery System <Mailer-Daemon@mail.fastmail.example>",
        "from_host": "mail.fastmail.example",
        "subject": "Mail delivery failed: returning message to sender",
        "extra_headers": [
            (
                "X-Failed-Recipients",
                "wendy.c@granite-insurance.example, hr@granite-insurance.example",
            )
        ],
        "human": _exim_failed(
            ["wendy.c@granite-insurance.example", "hr@granite-insurance.example"],
            "mx.granite-insurance.example",
        ),
    },
    {
        "name": "c06_qmail_failure_notice",
        "split": "tune",
        "kind": "bounce",
        "failed": ["eva.b@tulp-media.example"],
        "from": "MAILER-DAEMON@mail.tulp-media.example",
        "from_host": "mail.tulp-media.example",
        "subject": "failure notice",
        "human": _qmail("eva.b@tulp-media.example", "mail.tulp-media.example"),
    },
    {
        "name": "c07_yahoo_failure_notice",
        "split": "tune",
        "kind": "bounce",
        "failed": ["hank.m@yahoo.com"],
        "from": "MAILER-DAEMON@yahoo.com",
        "from_host": "yahoo.com",
        "subject": "Failure Notice",
        "human": _yahoo("hank.m@yahoo.com"),
    },
    {
        "name": "c08_postfix_delayed_mail",
        "split": "tune",
        "kind": "delay",
        "failed": [],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Delayed Mail (still being retried)",
        "human": _postfix_delay_text("ian.f@cobalt-ai.example"),
        "status": dsn(
            "mx1.fastmail.example",
            [
                ("ian.f@cobalt-ai.example", "delayed", "4.4.1", "Connection timed out"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "c09_exchange_delivery_delayed",
        "split": "tune",
        "kind": "delay",
        "failed": [],
        "from": _O365_FROM,
        "from_host": "fastmail.example",
        "subject": "Delivery delayed: Interview follow-up",
        "html": True,
        "human": "Delivery is delayed to these recipients or groups:\n\n"
        "megan.ross@fernhill.example\n\nThis message hasn't been delivered yet. Delivery will "
        "continue to be attempted.\n",
        "status": dsn(
            "AM0PR07MB.eurprd07.prod.outlook.example",
            [
                ("megan.ross@fernhill.example", "delayed", "4.4.7", "400 4.4.7 Message delayed"),
            ],
        ),
    },
    {
        "name": "c10_action_failure_nonstandard",
        "split": "tune",
        "kind": "bounce",
        "failed": ["wcho@granite-insurance.example"],
        "from": "postmaster@mail.granite-insurance.example",
        "from_host": "mail.granite-insurance.example",
        "subject": "Returned mail",
        "human": "Delivery to one recipient failed.\n",
        "status": dsn(
            "mail.granite-insurance.example",
            [
                ("wcho@granite-insurance.example", "failure", "5.0.0", "550 No such mailbox"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "c11_failed_and_delivered",
        "split": "tune",
        "kind": "bounce",
        "failed": ["luca.f@torre-ingegneria.example"],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Undelivered Mail Returned to Sender",
        "to": "luca.f@torre-ingegneria.example, jobs@torre-ingegneria.example",
        "human": _postfix_text(
            "luca.f@torre-ingegneria.example",
            "mx.torre-ingegneria.example",
            "550 5.1.1 user unknown",
        ),
        "status": dsn(
            "mx1.fastmail.example",
            [
                ("luca.f@torre-ingegneria.example", "failed", "5.1.1", "550 5.1.1 user unknown"),
                ("jobs@torre-ingegneria.example", "delivered", "2.0.0", "250 2.0.0 Ok"),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "c12_exchange_text_help_example_address",
        "split": "tune",
        "kind": "bounce",
        "failed": ["paula.d@redwood-care.example"],
        "from": "postmaster@fastmail.example",
        "from_host": "fastmail.example",
        "subject": "Undeliverable: Thank you",
        "human": _exchange_text_only("paula.d@redwood-care.example"),
    },
    {
        "name": "c13_list_address_and_message_id",
        "split": "tune",
        "kind": "bounce",
        "failed": ["noah.g@maplepoint.example"],
        "auto_submitted": True,
        "from": _POSTFIX_FROM,
        "from_host": "mx1.fastmail.example",
        "subject": "Undelivered Mail Returned to Sender",
        "to": "noah.g@maplepoint.example",
        "returned_extra": [("List-Id", "<alumni-jobs.lists.fastmail.example>")],
        "human": _postfix_text(
            "noah.g@maplepoint.example", "mx.maplepoint.example", "550 5.1.1 no mailbox here"
        )
        + "\nList: alumni-jobs@lists.fastmail.example; Message-ID: "
        "<20261130153012.4821.afterword@fastmail.example>\n",
        "status": dsn(
            "mx1.fastmail.example",
            [
                ("noah.g@maplepoint.example", "failed", "5.1.1", "550 5.1.1 no mailbox here"),
            ],
        ),
    },
    {
        "name": "c14_sendmail_null_return_path",
        "split": "tune",
        "kind": "bounce",
        "failed": ["info@thistle-co.example"],
        "from": "Mail Delivery Subsystem <MAILER-DAEMON@mx.thistle-co.example>",
        "from_host": "mx.thistle-co.example",
        "subject": "Returned mail: see transcript for details",
        "human": _sendmail("info@thistle-co.example", "mx.thistle-co.example"),
    },
    {
        "name": "c15_german_unzustellbar_dsn",
        "split": "tune",
        "kind": "bounce",
        "failed": ["a.schmitt@nordlicht-ag.example"],
        "from": "Postmaster <postmaster@nordlicht-ag.example>",
        "from_host": "nordlicht-ag.example",
        "subject": "Unzustellbar: Ihre Bewerbung",
        "human": "Ihre Nachricht konnte nicht zugestellt werden: Der Empfänger wurde nicht "
        "gefunden.\n",
        "status": dsn(
            "mail.nordlicht-ag.example",
            [
                (
                    "a.schmitt@nordlicht-ag.example",
                    "failed",
                    "5.1.1",
                    "550 5.1.1 Unbekannter Empfänger",
                ),
            ],
        ),
        "returned": "headers",
    },
    {
        "name": "c16_exim_delay_warning",
        "split": "tune",
        "kind": "delay",
        "failed": [],
        "auto_submitted": True,
        "from": "Mail Delivery System <Mailer-Daemon@mail.fastmail.example>",
        "from_host": "mail.fastmail.example",
        "subject": "Warning: message 1vXyZq-0007Cd-9T delayed 48 hours",
        "human": _exim_delay("nigel@shaw-associates.example", "mail.fastmail.example"),
    },
    {
        "name": "c17_status_without_action",
        "split": "tune",
        "kind": "bounce",
        "failed": ["sara.g@borgo-food.example"],
        "from": "MAILER-DAEMON@mail.borgo-food.example",
        "from_host": "mail.borgo-food.example",
        "subject": "Delivery failure",
        "human": "Delivery failed for one recipient.\n",
        "status": "Reporting-MTA: dns; mail.borgo-food.example\r\n\r\n"
        "Final-Recipient: rfc822; sara.g@borgo-food.example\r\nStatus: 5.1.1\r\n",
        "returned": "headers",
    },
    {
        "name": "c18_old_exchange_text_only",
        "split": "tune",
        "kind": "bounce",
        "failed": ["l.g@vallee-bio.example"],
        "from": "System Administrator <postmaster@vallee-bio.example>",
        "from_host": "vallee-bio.example",
        "subject": "Undeliverable: Thank you",
        "human": _old_exchange("l.g@vallee-bio.example"),
    },
]
