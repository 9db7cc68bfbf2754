"""The settings page: zone, country, profile, channel, hour and letters; plans follow them."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from afterword.api.tokens import create_token
from afterword.calendar_feed.models import feed_for
from afterword.coaching import consent as consent_service
from afterword.coaching.models import Membership, Role
from afterword.coaching.organisations import create_organisation
from afterword.inbox.models import MailboxWatch
from afterword.outbox.models import MailAccount
from afterword.reminders.models import NotificationChannel, ReminderSettings
from afterword.tracker.models import Application, UserSettings
from tests.factories import UserFactory


def settings_form(**overrides: str) -> dict[str, str]:
    data = {
        "timezone": "Europe/Berlin",
        "country": "DE",
        "subdivision": "BY",
        "profile": "patient",
        "check_in_channel": "phone",
        "contact_hour": "14",
        "letters": "on",
    }
    data.update(overrides)
    return data


def test_it_explains_the_three_profiles(member: Client, user: Any) -> None:
    """Prompt, standard and patient are each described in plain words."""
    response = member.get("/settings/")

    html = response.content.decode()
    assert "first check-in after 3 business days" in html
    assert "first check-in after a week" in html
    assert "first check-in after two weeks" in html
    assert 'value="standard"' in html and "checked" in html


def test_it_saves_every_setting(member: Client, user: Any) -> None:
    """All seven settings are stored for this user."""
    response = member.post("/settings/", settings_form())

    assert response.status_code == 302
    mine = UserSettings.objects.get(user=user)
    assert (mine.timezone, mine.country, mine.subdivision) == ("Europe/Berlin", "DE", "BY")
    assert (mine.profile, mine.check_in_channel, mine.contact_hour) == ("patient", "phone", 14)
    assert mine.letters is True
    assert "Settings saved" in member.get("/settings/").content.decode()


def test_it_replans_with_the_new_settings(member: Client, application: Application) -> None:
    """Turning letters on adds a printed thank-you for each interviewer to the stored plan."""
    assert not application.actions.filter(kind="thank_you_letter").exists()

    member.post(
        "/settings/", settings_form(timezone="America/New_York", country="US", subdivision="NY")
    )

    assert application.actions.filter(kind="thank_you_letter").count() == 2


def test_it_refuses_an_unknown_time_zone(member: Client, user: Any) -> None:
    """A zone that does not exist is named on the form and nothing changes."""
    response = member.post("/settings/", settings_form(timezone="Atlantis/Capital"))

    assert "Time zone: Unknown time zone &#x27;Atlantis/Capital&#x27;" in response.content.decode()
    assert UserSettings.objects.get(user=user).timezone == "UTC"


def test_a_zone_is_found_as_people_type_it(member: Client, user: Any) -> None:
    """Lower case and spaces for underscores: 'america/new york' is America/New_York."""
    member.post(
        "/settings/", settings_form(timezone="america/new york", country="US", subdivision="")
    )

    assert UserSettings.objects.get(user=user).timezone == "America/New_York"


def test_the_zone_box_suggests_names_from_a_list(member: Client) -> None:
    """The zone is a text box tied to a datalist of zone names, not a 590-entry select."""
    html = member.get("/settings/").content.decode()

    assert 'list="zone-names"' in html and '<datalist id="zone-names">' in html
    assert '<option value="Europe/Paris"></option>' in html


def test_it_refuses_a_subdivision_of_another_country(member: Client, user: Any) -> None:
    """NY is not a German state: refused, and the country stays as it was."""
    response = member.post("/settings/", settings_form(subdivision="NY"))

    assert "Unknown code &#x27;NY&#x27; for DE" in response.content.decode()
    assert UserSettings.objects.get(user=user).country == "US"


def test_it_refuses_a_contact_hour_outside_office_hours(member: Client, user: Any) -> None:
    """Contact hours run from 9 to 16 (T2)."""
    response = member.post("/settings/", settings_form(contact_hour="20"))

    assert "Contact hour: Select a valid choice." in response.content.decode()
    assert UserSettings.objects.get(user=user).contact_hour == 10


def test_it_saves_what_the_drafts_sign_with(member: Client, user: Any) -> None:
    """Name, phone, address, tone and spelling words are stored for the drafts."""
    data = settings_form(
        full_name="Sam Rivera",
        phone="+1 212 555 0199",
        postal_address="12 Elm Street\nBrooklyn, NY 11201",
        tone="warm",
        spelling_words="Kubernetes NYU",
    )

    response = member.post("/settings/", data)

    assert response.status_code == 302
    mine = UserSettings.objects.get(user=user)
    assert (mine.full_name, mine.phone, mine.tone) == ("Sam Rivera", "+1 212 555 0199", "warm")
    assert mine.postal_address == "12 Elm Street\nBrooklyn, NY 11201"
    assert mine.spelling_words == "Kubernetes NYU"
    assert "About you (for your drafts)" in member.get("/settings/").content.decode()


def test_it_keeps_the_tone_when_the_form_leaves_it_out(member: Client, user: Any) -> None:
    """A form without the tone field (an older page) does not reset the chosen tone."""
    UserSettings.objects.filter(user=user).update(tone="formal")

    member.post("/settings/", settings_form())

    assert UserSettings.objects.get(user=user).tone == "formal"


def test_it_refuses_an_unknown_tone(member: Client, user: Any) -> None:
    """Only auto, formal and warm are tones; anything else is named on the form."""
    response = member.post("/settings/", settings_form(tone="shouty", full_name="Sam Rivera"))

    assert "Tone of your drafts: Select a valid choice." in response.content.decode()
    assert 'value="Sam Rivera"' in response.content.decode()
    assert UserSettings.objects.get(user=user).full_name == ""


def card(page: str, heading_id: str) -> str:
    """The text of the settings card headed by ``heading_id``, tags removed, spaces collapsed."""
    found = re.search(rf'aria-labelledby="{heading_id}">(.*?)</section>', page, re.S)
    assert found is not None, heading_id
    return " ".join(re.sub(r"<[^>]+>", " ", html.unescape(found.group(1))).split())


def settings_page(member: Client) -> str:
    response = member.get("/settings/")
    assert response.status_code == 200
    return response.content.decode()


def mail_account(user: Any, **fields: Any) -> MailAccount:
    return MailAccount.objects.create(
        user=user,
        host="smtp.example.com",
        port=587,
        username="sam@example.com",
        from_address="sam@example.com",
        **fields,
    )


def test_every_card_of_a_new_account_says_nothing_is_set_up(member: Client, user: Any) -> None:
    """A fresh account: each card says what is missing and links to setting it up."""
    page = settings_page(member)

    assert "Not set up yet" in card(page, "mail-heading")
    assert "Set up sending from your mailbox" in card(page, "mail-heading")
    assert "Not set up yet" in card(page, "inbox-heading")
    assert "Connect your mailbox to notice replies" in card(page, "inbox-heading")
    assert "Not set up yet" in card(page, "calendar-heading")
    assert "Morning digest at 07:00 · no notification channel yet" in card(
        page, "reminders-heading"
    )
    assert "No tokens" in card(page, "api-heading")
    assert "Nothing entered yet" in card(page, "data-heading")
    assert "Not in a career centre" in card(page, "coaching-heading")


def test_the_mail_card_names_the_sending_address_and_its_last_good_test(
    member: Client, user: Any, now: datetime
) -> None:
    """An account tested yesterday: "Sending from ... · tested 2 Mar, OK", no set-up link."""
    mail_account(user, tested_at=now - timedelta(days=1), test_ok=True, test_result="OK")

    mail = card(settings_page(member), "mail-heading")

    assert "Sending from sam@example.com through smtp.example.com · tested 2 Mar, OK" in mail
    assert "Set up sending" not in mail
    assert "Change or test your mail account" in mail


def test_the_mail_card_shows_why_the_last_test_failed(
    member: Client, user: Any, now: datetime
) -> None:
    """A failed test is named with the server's answer, marked as needing the user."""
    mail_account(user, tested_at=now, test_ok=False, test_result="535 5.7.8 Authentication failed")

    page = settings_page(member)

    assert "the test on 3 Mar failed" in card(page, "mail-heading")
    assert "Needs you: 535 5.7.8 Authentication failed" in card(page, "mail-heading")
    assert "setting-state--problem" in page


def test_the_replies_card_names_the_folders_and_the_last_check(
    member: Client, user: Any, now: datetime
) -> None:
    """A watched mailbox: folders, host and when it was last checked, OK or what failed."""
    watch = MailboxWatch.objects.create(
        user=user,
        host="imap.example.com",
        username="sam@example.com",
        folders="INBOX, Jobs",
        last_polled_at=now,
        last_summary="3 new messages, 1 reply",
    )
    good = card(settings_page(member), "inbox-heading")
    MailboxWatch.objects.filter(pk=watch.pk).update(last_error="LOGIN failed: wrong password")

    bad = card(settings_page(member), "inbox-heading")

    assert "Watching INBOX, Jobs at imap.example.com · last checked 3 Mar, OK" in good
    assert "(3 new messages, 1 reply)" in good
    assert "Needs you: The last check failed: LOGIN failed: wrong password" in bad


def test_the_reminders_card_lists_channels_and_one_that_failed(member: Client, user: Any) -> None:
    """Digest hour, the channels notifications go to, and a channel whose last send failed."""
    ReminderSettings.objects.create(user=user, digest_hour=8)
    channel_to(user, "My phone", last_ok=False, last_result="HTTP 401 from ntfy")
    channel_to(user, "Team chat", last_ok=True)

    reminders = card(settings_page(member), "reminders-heading")

    assert "Morning digest at 08:00 · notifications to My phone, Team chat" in reminders
    assert "Needs you: My phone failed last time: HTTP 401 from ntfy" in reminders


def test_the_calendar_api_and_data_cards_say_what_exists(
    member: Client, user: Any, application: Application, now: datetime
) -> None:
    """A feed address, two tokens (one writes) and one application are each reported."""
    feed_for(user)
    create_token(user, "Laptop script", can_write=False)
    create_token(user, "Sync", can_write=True)

    page = settings_page(member)

    assert "Private feed address made 3 Mar" in card(page, "calendar-heading")
    assert "2 tokens (1 may change data) · never used yet" in card(page, "api-heading")
    assert "1 application, ready to export" in card(page, "data-heading")


def test_the_career_centre_card_names_the_centre_and_the_coach_who_sees(
    member: Client, user: Any, now: datetime
) -> None:
    """A student who consented sees their centre, role and which coach reads their follow-ups."""
    centre = create_organisation("Northfield Careers", UserFactory(username="ada").username, now)
    coach = UserFactory(username="cole", first_name="Cole", last_name="Coach")
    staff = Membership.objects.create(
        organisation=centre, user=coach, role=Role.COACH, joined_at=now
    )
    Membership.objects.create(organisation=centre, user=user, role=Role.STUDENT, joined_at=now)
    consent_service.grant(user, staff.pk, False, now)

    coaching = card(settings_page(member), "coaching-heading")

    assert "Student at Northfield Careers" in coaching
    assert "Cole Coach sees your follow-ups" in coaching


def test_the_cards_cost_the_same_queries_with_many_channels_and_tokens(
    member: Client, user: Any
) -> None:
    """No query per channel, token or folder: the page reads each feature's rows once."""
    channel_to(user, "Phone 0")
    create_token(user, "Token 0", can_write=False)
    with CaptureQueriesContext(connection) as few:
        settings_page(member)
    for n in range(1, 6):
        channel_to(user, f"Phone {n}")
        create_token(user, f"Token {n}", can_write=True)

    with CaptureQueriesContext(connection) as many:
        settings_page(member)

    assert len(many) == len(few)


def channel_to(user: Any, label: str, **fields: Any) -> NotificationChannel:
    channel = NotificationChannel(owner=user, label=label, **fields)
    channel.set_url("ntfy://ntfy.example.com/afterword", service="ntfy", masked_url="ntfy://…")
    channel.save()
    return channel


def test_a_coach_sees_how_many_students_share_with_them(
    client: Client, user: Any, now: datetime
) -> None:
    """A coach's card names their role and counts the students who consent to them now."""
    centre = create_organisation("Northfield Careers", UserFactory(username="ada").username, now)
    coach = UserFactory(username="cole", first_name="Cole", last_name="Coach")
    staff = Membership.objects.create(
        organisation=centre, user=coach, role=Role.COACH, joined_at=now
    )
    Membership.objects.create(organisation=centre, user=user, role=Role.STUDENT, joined_at=now)
    consent_service.grant(user, staff.pk, False, now)
    client.force_login(coach)

    coaching = card(settings_page(client), "coaching-heading")

    assert "Coach at Northfield Careers" in coaching
    assert "1 student shares their follow-ups with you" in coaching
