"""The draft pages: open from a planned action, check live, save, copy links, print, mark sent."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import unquote

import pytest
from django.test import Client

from afterword.tracker.models import Action, Application, Draft, Event, UserSettings
from afterword.tracker.services import record_event, replan
from afterword.tracker.services.drafts import open_draft
from afterword.tracker.today import today_sections
from tests.web.conftest import HX

KINDS = [
    "thank_you_email",
    "thank_you_letter",
    "check_in_email",
    "check_in_call",
    "check_portal",
    "expedite",
]


@pytest.fixture
def named(user: Any) -> Any:
    """The user has a name and address in settings, so drafts are signed."""
    UserSettings.objects.filter(user=user).update(
        full_name="Sam Rivera", postal_address="12 Elm Street\nBrooklyn, NY 11201"
    )
    return user


def planned(application: Application, kind: str, name: str | None = None) -> Action:
    found = application.actions.filter(kind=kind)
    if name is not None:
        found = found.filter(interviewer__name=name)
    return found.get()


def thank_you_draft(
    application: Application, now: datetime, name: str = "Priya Natarajan"
) -> Draft:
    return open_draft(planned(application, "thank_you_email", name), now)


def plan_for(application: Application, kind: str, now: datetime) -> datetime:
    """Arrange ``application`` so that its plan has an action of ``kind``; the time to open it."""
    user = application.owner
    interview = application.interviews.get()
    if kind == "thank_you_letter":
        UserSettings.objects.filter(user=user).update(letters=True)
    if kind in {"check_in_email", "check_in_call", "check_portal", "expedite"}:
        for person in interview.interviewers.all():
            record_event(
                application, "thank_you_sent", now, interview=interview, interviewer=person
            )
    if kind == "check_in_call":
        UserSettings.objects.filter(user=user).update(check_in_channel="phone")
    if kind == "check_portal":
        interview.preferred_channel = "portal"
        interview.save()
    if kind == "expedite":
        record_event(application, "other_offer", now, deadline=date(2026, 3, 13))
    replan(application, now)
    return now


def form_data(draft: Draft, **overrides: str) -> dict[str, str]:
    data = {"subject": draft.subject, "body": draft.body}
    data.update(overrides)
    return data


def test_every_action_offers_its_draft(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Today and the application page link each action to its draft, a letter to 'Letter'."""
    UserSettings.objects.filter(user=named).update(letters=True)
    replan(application, now)
    sections = today_sections(named, now)
    on_today = [*sections.overdue, *sections.today, *sections.this_week]

    today = member.get("/").content.decode()
    page = member.get(f"/applications/{application.pk}/").content.decode()

    assert {"thank_you_email", "thank_you_letter"} <= {action.kind for action in on_today}
    for action in on_today:
        assert f'href="/applications/{application.pk}/follow-ups/{action.key}/draft/"' in today
    for action in application.actions.all():
        assert f'href="/applications/{application.pk}/follow-ups/{action.key}/draft/"' in page
    assert 'data-action="draft">Letter</a>' in page and 'data-action="draft">Draft</a>' in page


def test_a_call_offers_a_script(member: Client, application: Application, now: datetime) -> None:
    """A planned call's link reads 'Script'."""
    plan_for(application, "check_in_call", now)

    page = member.get(f"/applications/{application.pk}/").content.decode()

    assert 'data-action="draft">Script</a>' in page


def test_it_opens_the_draft_of_an_action(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """The action's link opens (and keeps) its draft: who, why, subject and message."""
    action = planned(application, "thank_you_email", "Priya Natarajan")

    url = f"/applications/{application.pk}/follow-ups/{action.key}/draft/"

    response = member.get(url)
    again = member.get(url)

    draft = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/drafts/{draft.pk}/"
    assert again["Location"] == response["Location"]
    html = member.get(response["Location"]).content.decode()
    assert "<h1>Thank-you email to Priya Natarajan</h1>" in html
    assert "Head of Data" in html and "priya@harbour.example" in html
    assert action.why in html
    assert 'name="subject"' in html and draft.body.splitlines()[0] in html
    assert "Add your name" not in html


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_draft_opens(
    member: Client, named: Any, application: Application, now: datetime, kind: str
) -> None:
    """Each planned kind has a draft page with the message and a way to mark it done."""
    plan_for(application, kind, now)
    action = application.actions.filter(kind=kind).first()
    assert action is not None

    response = member.get(f"/actions/{action.pk}/draft/", follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    draft = Draft.objects.get(kind=kind)
    assert draft.body and draft.body.splitlines()[0] in html
    assert f'action="/drafts/{draft.pk}/"' in html
    assert f'formaction="/drafts/{draft.pk}/sent/"' in html
    assert ('name="subject"' in html) == (kind in {"thank_you_email", "check_in_email", "expedite"})


def test_it_asks_for_the_users_name(
    member: Client, application: Application, now: datetime
) -> None:
    """Without a name in settings the page says so and links to the place to add it."""
    draft = thank_you_draft(application, now)

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert "Add your name so your drafts are signed" in html
    assert 'href="/settings/#about-you"' in html


def test_the_checker_answers_while_typing(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """A misspelt name comes back as a finding fragment with the wrong words marked."""
    draft = thank_you_draft(application, now)
    wrong = draft.body.replace("Priya", "Pryia", 1)

    response = member.post(f"/drafts/{draft.pk}/check/", form_data(draft, body=wrong), **HX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert next(t.name for t in response.templates) == "web/draft_check_partial.html"
    assert "<mark>Pryia" in html
    assert 'class="finding finding--' in html
    fixed = member.post(f"/drafts/{draft.pk}/check/", form_data(draft), **HX).content.decode()
    assert "Pryia" not in fixed


def test_the_page_is_set_up_for_live_checks(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """The fields post to the checker on keyup after a pause, into a polite live region."""
    draft = thank_you_draft(application, now)

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert f'hx-post="/drafts/{draft.pk}/check/"' in html
    assert 'hx-trigger="keyup changed delay:400ms, change"' in html
    assert 'id="findings" class="findings" aria-live="polite"' in html


def test_it_saves_with_htmx_and_rebuilds_the_mail_link(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Save stores the text and sends back the status and a new mailto link."""
    draft = thank_you_draft(application, now)
    body = "Dear Priya,\n\nThank you & see you soon.\n\nSam Rivera"

    response = member.post(
        f"/drafts/{draft.pk}/", form_data(draft, subject="Thanks, Priya", body=body), **HX
    )

    html = response.content.decode()
    draft.refresh_from_db()
    assert (draft.subject, draft.body) == ("Thanks, Priya", body)
    assert "Saved at" in html
    assert 'id="mailto"' in html and 'hx-swap-oob="true"' in html
    assert (
        "subject=Thanks%2C%20Priya&amp;body=Dear%20Priya%2C%0D%0A%0D%0AThank%20you%20%26%20see"
        in html
    )


def test_the_mail_link_carries_address_subject_and_body(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Open in mail app: to, subject and body URL-encoded; decoding gives the text back."""
    draft = thank_you_draft(application, now)

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    start = html.index('id="mailto" class="button" href="') + len(
        'id="mailto" class="button" href="'
    )
    link = html[start : html.index('"', start)].replace("&amp;", "&")
    assert link.startswith("mailto:priya@harbour.example?subject=")
    query = dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))
    assert unquote(query["subject"]) == draft.subject
    assert unquote(query["body"]) == draft.body.replace("\n", "\r\n")
    assert " " not in link and "\n" not in link


def test_an_empty_message_is_refused_and_the_subject_kept(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Saving without a message names the field and keeps what the user typed elsewhere."""
    draft = thank_you_draft(application, now)
    before = draft.body

    response = member.post(f"/drafts/{draft.pk}/", {"subject": "My own subject", "body": " "})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Message: The message is empty" in html
    assert 'value="My own subject"' in html
    draft.refresh_from_db()
    assert draft.body == before


def test_htmx_save_problems_are_said_in_the_status(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """With htmx, a refused save answers 200 with the reason, so the editor is not replaced."""
    draft = thank_you_draft(application, now)

    response = member.post(f"/drafts/{draft.pk}/", {"subject": "x", "body": ""}, **HX)

    assert response.status_code == 200
    assert "Not saved: The message is empty" in response.content.decode()


def test_it_switches_the_tone_of_an_untouched_draft(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """An unchanged draft is written again in the other tone at once."""
    draft = thank_you_draft(application, now)
    other = "warm" if draft.tone == "formal" else "formal"

    response = member.post(f"/drafts/{draft.pk}/tone/", form_data(draft, tone=other))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.tone == other


def test_it_asks_before_a_tone_switch_loses_edits(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Changed text: the page asks first, keeps the text, and switches only when confirmed."""
    draft = thank_you_draft(application, now)
    other = "warm" if draft.tone == "formal" else "formal"
    edited = draft.body + "\n\nP.S. My own line."

    asked = member.post(f"/drafts/{draft.pk}/tone/", form_data(draft, body=edited, tone=other))

    html = asked.content.decode()
    assert "your changes are lost" in html
    assert "P.S. My own line." in html
    draft.refresh_from_db()
    assert draft.tone != other
    confirmed = member.post(
        f"/drafts/{draft.pk}/tone/", form_data(draft, body=edited, confirm_tone=other)
    )
    assert confirmed.status_code == 302
    draft.refresh_from_db()
    assert draft.tone == other and "P.S. My own line." not in draft.body


def test_it_refuses_an_unknown_tone(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Only formal and warm exist; the text stays as typed."""
    draft = thank_you_draft(application, now)

    response = member.post(f"/drafts/{draft.pk}/tone/", form_data(draft, body="Mine", tone="loud"))

    assert response.status_code == 400
    assert "Choose the formal or the warm tone" in response.content.decode()
    assert "Mine</textarea>" in response.content.decode()


def test_marking_sent_moves_the_plan_on(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Mark sent records the thank-you with its promise; the application page shows what's next."""
    draft = thank_you_draft(application, now)

    response = member.post(
        f"/drafts/{draft.pk}/sent/", form_data(draft, promised_next="2026-03-12")
    )

    assert response.status_code == 302
    assert response["Location"] == f"/applications/{application.pk}/#plan"
    event = Event.objects.get(type="thank_you_sent")
    assert (event.interviewer.name, event.promised_next) == ("Priya Natarajan", date(2026, 3, 12))
    page = member.get(response["Location"]).content.decode()
    assert "Marked sent: Thank-you email to Priya Natarajan" in page
    assert not application.actions.filter(
        kind="thank_you_email", interviewer__name="Priya Natarajan"
    )
    check_in = planned(application, "check_in_email")
    assert "12 Mar" in page and check_in.why in page
    assert f'<a href="/drafts/{draft.pk}/">the message</a>' in page


def test_the_promised_date_is_read_from_the_message(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """The plan's date announced in the thank-you fills the field; an edited date replaces it."""
    draft = thank_you_draft(application, now)
    first = member.get(f"/drafts/{draft.pk}/").content.decode()
    assert "March 9" in draft.body
    draft.body = draft.body.replace("Monday, March 9", "Monday, March 16")
    draft.save()

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert 'name="promised_next" value="2026-03-09"' in first
    assert 'name="promised_next" value="2026-03-16"' in html
    assert "check back on <strong>Mon 16 Mar 2026</strong>" in html


def test_a_call_script_asks_for_the_date_agreed_on_the_phone(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """A script's own instructions are not a promise: the date field starts empty."""
    plan_for(application, "check_in_call", now)
    draft = open_draft(planned(application, "check_in_call"), now)

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert "Date you said you would call again (optional)" in html
    assert '<input type="date" name="promised_next" aria-describedby' in html
    assert "Before you call" in html and 'id="promise-hint"' not in html


@pytest.mark.parametrize(
    ("promised", "message"),
    [("2026-03-01", "has already passed"), ("31/02/2026", "Enter a valid date")],
)
def test_a_bad_promised_date_is_refused_and_loses_nothing(
    member: Client,
    named: Any,
    application: Application,
    now: datetime,
    promised: str,
    message: str,
) -> None:
    """A past or malformed date is named on its field; the edited text is still in the form."""
    draft = thank_you_draft(application, now)
    edited = draft.body + "\n\nMy careful last line."

    response = member.post(
        f"/drafts/{draft.pk}/sent/", form_data(draft, body=edited, promised_next=promised)
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Date you promise to check back (optional):" in html and message in html
    assert "My careful last line.</textarea>" in html
    assert not Event.objects.exists()
    draft.refresh_from_db()
    assert draft.sent_at is None


def test_a_sent_draft_is_shown_as_history(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """After sending, the page says when, offers no second *mark sent*, and a replay is calm."""
    draft = thank_you_draft(application, now)
    member.post(f"/drafts/{draft.pk}/sent/", form_data(draft))

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert "You marked this sent on" in html
    assert f'formaction="/drafts/{draft.pk}/sent/"' not in html
    again = member.post(f"/drafts/{draft.pk}/sent/", form_data(draft), follow=True)
    assert "Already marked sent" in again.content.decode()
    assert Event.objects.filter(type="thank_you_sent").count() == 1


def pdf_pages(pdf: bytes, tmp_path: Any) -> int:
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def pdf_text(pdf: bytes, tmp_path: Any) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_letter_downloads_as_a_one_page_pdf(
    member: Client, named: Any, application: Application, now: datetime, paper: str, tmp_path: Any
) -> None:
    """Download PDF: a real one-page PDF with a file name, naming the recipient."""
    plan_for(application, "thank_you_letter", now)
    draft = open_draft(planned(application, "thank_you_letter", "Tomasz Wilk"), now)

    response = member.get(f"/drafts/{draft.pk}/letter-{paper}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="thank-you-letter-tomasz-wilk-{paper}.pdf"'
    )
    assert pdf_pages(response.content, tmp_path) == 1
    assert "Tomasz Wilk" in pdf_text(response.content, tmp_path)


def test_a_letter_prints_the_users_edits(
    member: Client, named: Any, application: Application, now: datetime, tmp_path: Any
) -> None:
    """The PDF button saves the text in the editor first, so the print shows the edit."""
    plan_for(application, "thank_you_letter", now)
    draft = open_draft(planned(application, "thank_you_letter", "Tomasz Wilk"), now)
    edited = draft.body.replace("Tomasz", "Tomasz", 1) + "\n\nPostscript about the harbour cranes."

    response = member.post(f"/drafts/{draft.pk}/letter-a4.pdf", {"body": edited})

    assert response.status_code == 200
    assert "harbour cranes" in " ".join(pdf_text(response.content, tmp_path).split())
    draft.refresh_from_db()
    assert "harbour cranes" in draft.body


def test_only_letters_print(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """An email has no PDF, and an unknown paper size is not a page."""
    draft = thank_you_draft(application, now)

    assert member.get(f"/drafts/{draft.pk}/letter-a4.pdf").status_code == 404
    plan_for(application, "thank_you_letter", now)
    letter = open_draft(planned(application, "thank_you_letter", "Tomasz Wilk"), now)
    assert member.get(f"/drafts/{letter.pk}/letter-a5.pdf").status_code == 404


def draft_urls(draft: Draft, action: Action) -> list[tuple[str, str]]:
    return [
        ("get", f"/actions/{action.pk}/draft/"),
        ("get", f"/drafts/{draft.pk}/"),
        ("post", f"/drafts/{draft.pk}/"),
        ("post", f"/drafts/{draft.pk}/check/"),
        ("post", f"/drafts/{draft.pk}/tone/"),
        ("post", f"/drafts/{draft.pk}/sent/"),
        ("get", f"/drafts/{draft.pk}/letter-a4.pdf"),
        ("post", f"/drafts/{draft.pk}/letter-letter.pdf"),
    ]


def test_an_outsider_gets_404_on_every_draft_url(
    client: Client, outsider: Any, application: Application, now: datetime
) -> None:
    """Another user can neither read, check, change, send nor print someone's draft."""
    plan_for(application, "thank_you_letter", now)
    action = planned(application, "thank_you_letter", "Tomasz Wilk")
    draft = open_draft(action, now)
    before = (draft.subject, draft.body, draft.tone)
    client.force_login(outsider)

    for method, url in draft_urls(draft, action):
        data = {"subject": "Hacked", "body": "Hacked", "tone": "warm"} if method == "post" else {}
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, f"{method.upper()} {url}"

    draft.refresh_from_db()
    assert (draft.subject, draft.body, draft.tone) == before
    assert draft.sent_at is None and Draft.objects.count() == 1
    assert not Event.objects.filter(type="letter_sent").exists()


def test_anonymous_visitors_are_sent_to_log_in(
    client: Client, application: Application, now: datetime
) -> None:
    """Without a session every draft URL redirects to the log-in page."""
    action = planned(application, "thank_you_email", "Priya Natarajan")
    draft = open_draft(action, now)

    for method, url in draft_urls(draft, action):
        response = getattr(client, method)(url)
        assert response.status_code == 302, f"{method.upper()} {url}"
        assert response["Location"].startswith("/accounts/login/?next=")


def test_an_action_the_plan_dropped_sends_back_to_the_plan(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """Opening a draft for a message the plan no longer holds says plainly it is done."""
    action = planned(application, "thank_you_email", "Priya Natarajan")
    person = action.interviewer
    Event.objects.create(
        application=application,
        type="thank_you_sent",
        at=now - timedelta(minutes=1),
        interview=action.interview,
        interviewer=person,
    )

    response = member.get(f"/actions/{action.pk}/draft/", follow=True)

    assert response.status_code == 410
    assert "Done: Send a thank-you email (Priya Natarajan)." in response.content.decode()
    assert not Draft.objects.exists()


SLOT = "[[Write one sentence about the q3 ops thing]]"


def with_slot(draft: Draft) -> str:
    """The draft's own text with a gap for the user's sentence after the greeting's line."""
    first, rest = draft.body.split("\n", 1)
    return f"{first}\n{SLOT}\n{rest}"


def test_mark_sent_waits_while_a_slot_is_unfilled(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """The gap is highlighted and the reason is beside Mark sent, which stays pressable."""
    draft = thank_you_draft(application, now)
    Draft.objects.filter(pk=draft.pk).update(body=with_slot(draft))

    html = member.get(f"/drafts/{draft.pk}/").content.decode()

    assert "<strong>Your sentence is needed.</strong>" in html and f"<mark>{SLOT}</mark>" in html
    assert 'class="has-slot"' in html
    assert 'data-action="sent" aria-describedby="sent-blocked">' in html
    assert 'id="sent-blocked" class="blocked-reason" data-blocked-reason>Write your own' in html
    assert 'data-code="user_slot"' in html and "Your sentence is needed</span>" in html


def test_mark_sent_with_a_checker_error_asks_once(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """First press: a question with the reason, nothing recorded, the text kept as typed."""
    draft = thank_you_draft(application, now)
    body = with_slot(draft)

    response = member.post(f"/drafts/{draft.pk}/sent/", form_data(draft, body=body))

    html = response.content.decode()
    assert response.status_code == 200
    assert "The checker still reports a problem:</strong> Write your own sentence" in html
    assert 'name="sent_anyway" value="yes"' in html
    assert SLOT in html
    assert not Event.objects.filter(type="thank_you_sent").exists()
    draft.refresh_from_db()
    assert draft.sent_at is None


def test_mark_sent_confirmed_records_it_despite_the_checker(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """The answer 'it went out as it is' records the thank-you; the plan moves on."""
    draft = thank_you_draft(application, now)
    data = {**form_data(draft, body=with_slot(draft)), "sent_anyway": "yes"}

    response = member.post(f"/drafts/{draft.pk}/sent/", data)

    assert response.status_code == 302
    assert Event.objects.filter(type="thank_you_sent").count() == 1
    draft.refresh_from_db()
    assert draft.sent_at is not None


def test_the_live_check_says_when_sending_may_go_ahead(
    member: Client, named: Any, application: Application, now: datetime
) -> None:
    """With the gap the fragment carries the reason; once filled, an empty one and no notice."""
    draft = thank_you_draft(application, now)
    url = f"/drafts/{draft.pk}/check/"

    gap = member.post(url, form_data(draft, body=with_slot(draft)), **HX).content.decode()
    filled = member.post(url, form_data(draft), **HX).content.decode()

    assert 'data-send-blocked="Write your own sentence' in gap
    assert 'id="slot-notice" hx-swap-oob="true"' in gap and f"<mark>{SLOT}</mark>" in gap
    assert 'data-send-blocked=""' in filled and "<mark>[[" not in filled
