"""The watcher against a real Dovecot: what each kind of message does to the plan, and recovery.

Every test has its own empty mailbox on the session's server; the clock stands at Thu 5 Mar
2026 and the replies arrived on Wed 4 Mar (tests/inbox/mail.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from afterword.inbox import watch as watch_module
from afterword.inbox.mailbox import disconnect
from afterword.inbox.models import InboxMessage, MailboxWatch, WatchedFolder
from afterword.inbox.watch import claim
from afterword.infra.crypto import encrypt
from afterword.tracker.models import Action, Event, Interviewer
from afterword.tracker.services import record_event
from tests.inbox import mail as inbox_mail
from tests.inbox.fixtures import OUR_THANKS_ID, run_watcher

pytestmark = pytest.mark.django_db


def at(hour: int, minute: int = 0) -> datetime:
    """Wed 4 Mar 2026 at ``hour`` UTC."""
    return datetime(2026, 3, 4, hour, minute, tzinfo=UTC)


def check_in(application) -> Action:
    return Action.objects.get(application=application, kind="check_in_email")


def test_a_reply_in_our_thread_records_a_reply_and_replaces_the_check_in(dovecot, watch, harbour):
    """The Mon 9 Mar check-in goes; F8 asks again a week after the Wed 4 Mar reply (Wed 11)."""
    assert check_in(harbour).due.date().isoformat() == "2026-03-09"
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)

    polled = run_watcher()

    assert polled == 1
    reply = InboxMessage.objects.get(watch=watch)
    assert (reply.kind, reply.matched_by, reply.application) == ("reply", "thread", harbour)
    assert reply.suggestion == "no_decision" and reply.state == "pending"
    assert reply.snippet.startswith("Hi Sam,") and "wrote:" not in reply.snippet
    event = Event.objects.get(application=harbour, type="reply")
    assert event.at == inbox_mail.RECEIVED and reply.event == event
    new_check_in = check_in(harbour)
    assert new_check_in.due.date().isoformat() == "2026-03-11"
    assert new_check_in.rules[0] == "F8"


def test_a_new_address_at_the_employers_domain_is_a_reply_inviting_another_round(
    dovecot, watch, harbour
):
    """Jordan at talent@harbour.example is one reply, matched by domain, suggesting next_round."""
    dovecot.append(inbox_mail.new_address_at_employer(), user=watch.username)

    run_watcher()

    reply = InboxMessage.objects.get(watch=watch)
    assert (reply.matched_by, reply.sender, reply.suggestion) == (
        "domain",
        "talent@harbour.example",
        "next_round",
    )
    assert "second interview" in reply.evidence
    assert Event.objects.filter(application=harbour, type="reply").count() == 1


def test_an_out_of_office_with_a_return_date_postpones_the_check_in_and_cancels_nothing(
    dovecot, watch, harbour
):
    """Back on Thu 12 Mar: away until Wed 11, so the Mon 9 Mar check-in moves to Thu 12 Mar."""
    dovecot.append(inbox_mail.out_of_office("back on Thursday 12 March"), user=watch.username)

    run_watcher()

    notice = InboxMessage.objects.get(watch=watch)
    assert (notice.kind, notice.state, notice.suggested_date.isoformat()) == (
        "out_of_office",
        "noted",
        "2026-03-11",
    )
    assert not Event.objects.filter(application=harbour, type="reply").exists()
    away = Event.objects.get(application=harbour, type="out_of_office")
    assert away.until.isoformat() == "2026-03-11"
    assert check_in(harbour).due.date().isoformat() == "2026-03-12"


def test_an_automatic_reply_without_a_date_is_not_stored(dovecot, watch, harbour):
    """An out-of-office with no return date leaves no row and the Mon 9 Mar check-in as it was."""
    message = inbox_mail.out_of_office("reading email only occasionally")

    dovecot.append(message, user=watch.username)
    run_watcher()

    assert not InboxMessage.objects.exists()
    assert check_in(harbour).due.date().isoformat() == "2026-03-09"


def test_a_bounce_marks_that_persons_address_as_not_working(dovecot, watch, harbour):
    """A bounce for Tomasz marks his address (not Priya's) as bounced, and records no reply."""
    dovecot.append(inbox_mail.bounce("tomasz@harbour.example"), user=watch.username)

    run_watcher()

    tomasz = Interviewer.objects.get(application=harbour, name="Tomasz Wilk")
    priya = Interviewer.objects.get(application=harbour, name="Priya Natarajan")
    assert tomasz.email_bounced_at == inbox_mail.RECEIVED
    assert priya.email_bounced_at is None
    assert InboxMessage.objects.get(watch=watch).kind == "bounce"
    assert not Event.objects.filter(application=harbour, type="reply").exists()


def test_newsletters_and_strangers_are_ignored_and_nothing_of_them_is_kept(dovecot, watch, harbour):
    """The employer's newsletter (bulk) and a gmail.com friend change nothing and leave no row."""
    dovecot.append_many([inbox_mail.newsletter(), inbox_mail.stranger()], user=watch.username)
    before = list(Action.objects.filter(application=harbour).values_list("kind", "due"))

    run_watcher()

    assert not InboxMessage.objects.exists()
    assert not Event.objects.filter(application=harbour, type="reply").exists()
    assert list(Action.objects.filter(application=harbour).values_list("kind", "due")) == before
    assert WatchedFolder.objects.get(watch=watch).last_uid == 2


def test_rejection_offer_and_no_decision_are_suggested_with_the_new_date(dovecot, watch, harbour):
    """A rejection, an offer and a no-decision are suggested as such, the last with Fri 20 Mar."""
    messages = [
        inbox_mail.rejection(when=at(9)),
        inbox_mail.offer(when=at(10)),
        inbox_mail.no_decision_yet(when=at(11)),
    ]
    dovecot.append_many(messages, user=watch.username)

    run_watcher()

    found = list(
        InboxMessage.objects.order_by("received_at").values_list("suggestion", "suggested_date")
    )
    assert [meaning for meaning, _ in found] == ["rejection", "offer", "no_decision"]
    assert found[2][1].isoformat() == "2026-03-20"
    assert Event.objects.filter(application=harbour, type="reply").count() == 3


def test_the_watcher_never_marks_a_message_as_read(dovecot, watch, harbour):
    """Polling leaves every message in the mailbox unread: no Seen flag is set."""
    dovecot.append_many(
        [inbox_mail.threaded_reply(OUR_THANKS_ID), inbox_mail.stranger()], user=watch.username
    )

    run_watcher()

    assert InboxMessage.objects.count() == 1
    assert not any(b"\\Seen" in line for line in dovecot.flags(user=watch.username))


def test_a_mailbox_is_polled_at_most_once_per_interval_and_nothing_twice(
    dovecot, watch, harbour, clock
):
    """A poll before the interval is up reads nothing; the one after records only the new offer."""
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)
    run_watcher()
    dovecot.append(inbox_mail.offer(when=at(16)), user=watch.username)

    too_soon = run_watcher()
    clock.shift(watch_module.POLL_INTERVAL)
    on_time = run_watcher()

    assert (too_soon, on_time) == (0, 1)
    assert InboxMessage.objects.count() == 2
    assert Event.objects.filter(application=harbour, type="reply").count() == 2
    refreshed = MailboxWatch.objects.get(pk=watch.pk)
    assert refreshed.last_summary == "1 new message, 1 reply"
    assert refreshed.lease_until is None and refreshed.claimed_by == ""


def test_two_workers_never_hold_the_same_mailbox(watch, clock):
    """The conditional UPDATE lets one worker in; the other gets the mailbox after the lease."""
    now = timezone.now()

    first = claim(watch.pk, now, "worker-a")
    second = claim(watch.pk, now, "worker-b")
    later = claim(watch.pk, now + watch_module.LEASE + timedelta(seconds=1), "worker-b")

    assert first is not None and second is None
    assert later is not None and later.claimed_by == "worker-b"


def test_a_server_restart_mid_poll_loses_nothing_and_doubles_nothing(
    dovecot, watch, harbour, clock, monkeypatch
):
    """The server stops after the first batch; the next poll starts from the saved UID."""
    monkeypatch.setattr(watch_module, "BATCH", 2)
    replies = [inbox_mail.offer(when=at(8 + n)) for n in range(5)]
    dovecot.append_many(replies, user=watch.username)
    real_read = watch_module._read_batch
    batches = []

    def read_then_stop(*args, **kwargs):
        real_read(*args, **kwargs)
        batches.append(args[2])
        if len(batches) == 1:
            dovecot.stop()

    monkeypatch.setattr(watch_module, "_read_batch", read_then_stop)
    run_watcher()
    broken = MailboxWatch.objects.get(pk=watch.pk)
    recorded_before_restart = InboxMessage.objects.count()
    dovecot.start()
    clock.shift(broken.next_poll_at - timezone.now())
    run_watcher()

    assert recorded_before_restart == 2
    assert "closed the connection" in broken.last_error or "connection broke" in broken.last_error
    assert InboxMessage.objects.count() == 5
    assert Event.objects.filter(application=harbour, type="reply").count() == 5
    assert WatchedFolder.objects.get(watch=watch).last_uid == 5
    assert MailboxWatch.objects.get(pk=watch.pk).last_error == ""


def test_a_wrong_password_is_kept_as_a_clear_error_and_retried_later(watch, clock):
    """A refused password is kept as an error naming the app password; retried an interval later."""
    MailboxWatch.objects.filter(pk=watch.pk).update(password_encrypted=encrypt("not-it"))

    run_watcher()

    failed = MailboxWatch.objects.get(pk=watch.pk)
    assert "refused the user name or password" in failed.last_error
    assert "app password" in failed.last_error
    assert failed.failures == 1
    assert failed.next_poll_at == timezone.now() + watch_module.POLL_INTERVAL


def test_a_recreated_folder_is_scanned_again_without_recording_anything_twice(
    dovecot, watch, harbour, clock
):
    """New UIDVALIDITY: the old messages come back with new UIDs; only the new one counts."""
    MailboxWatch.objects.filter(pk=watch.pk).update(folders="Jobs")
    old = [inbox_mail.offer(when=at(9)), inbox_mail.no_decision_yet(when=at(10))]
    dovecot.append_many(old, folder="Jobs", user=watch.username)
    run_watcher()
    first_validity = WatchedFolder.objects.get(watch=watch).uidvalidity
    dovecot.recreate("Jobs", user=watch.username)
    dovecot.append_many(
        [*old, inbox_mail.rejection(when=at(11))], folder="Jobs", user=watch.username
    )
    clock.shift(watch_module.POLL_INTERVAL)

    run_watcher()

    state = WatchedFolder.objects.get(watch=watch)
    assert state.uidvalidity != first_validity
    assert state.uidvalidity == dovecot.uidvalidity("Jobs", user=watch.username)
    assert InboxMessage.objects.count() == 3
    assert Event.objects.filter(application=harbour, type="reply").count() == 3


def test_a_missing_folder_is_named_and_the_other_folders_are_still_read(dovecot, watch, harbour):
    """A missing 'Recruiting' folder is named in the error, and INBOX is still read."""
    MailboxWatch.objects.filter(pk=watch.pk).update(folders="INBOX, Recruiting")
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)

    run_watcher()

    refreshed = MailboxWatch.objects.get(pk=watch.pk)
    assert "no folder called 'Recruiting'" in refreshed.last_error
    assert "INBOX" in refreshed.last_error
    assert InboxMessage.objects.count() == 1


def test_a_decided_application_is_not_matched_any_more(dovecot, watch, harbour):
    """Once Harbour has a rejection, Priya's reply in our thread is neither matched nor stored."""
    record_event(harbour, "rejection", timezone.now(), at=at(8))
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)

    run_watcher()

    assert not InboxMessage.objects.exists()


def test_connecting_again_after_a_disconnect_records_no_reply_twice(dovecot, watch, harbour, clock):
    """The stored messages went with the disconnect; the application's events say what is known."""
    dovecot.append(inbox_mail.threaded_reply(OUR_THANKS_ID), user=watch.username)
    run_watcher()
    disconnect(MailboxWatch.objects.get(pk=watch.pk))
    again = MailboxWatch.objects.create(
        user=harbour.owner,
        host=dovecot.host,
        port=dovecot.port,
        security="none",
        username=watch.username,
        password_encrypted=encrypt(dovecot.password),
        next_poll_at=timezone.now(),
    )

    run_watcher()

    assert WatchedFolder.objects.get(watch=again).last_uid == 1
    assert not InboxMessage.objects.exists()
    assert Event.objects.filter(application=harbour, type="reply").count() == 1


def test_the_worker_runs_the_inbox_job():
    """``afterword worker`` loads the watcher with its other jobs."""
    from afterword.worker.loop import load_jobs

    assert load_jobs()["watch_inboxes"] is watch_module.watch_inboxes
