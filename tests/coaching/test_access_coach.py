"""tracker/access.py for coaches: only a live consent opens a student's rows, and only some."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.http import Http404

from afterword.coaching import consent as consent_service
from afterword.inbox.models import InboxMessage
from afterword.outbox.models import MailAccount
from afterword.tracker import access
from afterword.tracker.models import Action, Application, Draft
from tests.coaching.conftest import Centre, give_consent

pytestmark = pytest.mark.django_db


def test_a_coach_reads_a_consenting_students_applications_and_plan(
    centre: Centre, now: datetime
) -> None:
    """With a live consent the coach gets the student's applications and planned actions."""
    give_consent(centre, centre.student, centre.coach, now)

    applications = access.student_rows_or_404(centre.coach, centre.student.pk, Application)
    actions = access.student_rows_or_404(centre.coach, centre.student.pk, Action)

    assert list(applications) == [centre.application]
    assert actions.count() == centre.application.actions.count() > 0


@pytest.mark.parametrize("model", [Draft, MailAccount, InboxMessage])
def test_drafts_mail_and_mailbox_are_never_shared(
    centre: Centre, now: datetime, model: Any
) -> None:
    """Asking for drafts, mail settings or inbox messages is refused outright, consent or not."""
    give_consent(centre, centre.student, centre.coach, now)

    with pytest.raises(TypeError, match="not shared with coaches"):
        access.student_rows_or_404(centre.coach, centre.student.pk, model)


def test_without_or_after_consent_it_is_404(centre: Centre, now: datetime) -> None:
    """Never given and revoked both raise Http404, and the cohort is empty."""
    with pytest.raises(Http404):
        access.student_rows_or_404(centre.coach, centre.student.pk, Application)
    consent = give_consent(centre, centre.student, centre.coach, now)
    consent_service.revoke(centre.student, consent.pk, now)

    with pytest.raises(Http404):
        access.student_rows_or_404(centre.coach, centre.student.pk, Application)
    assert access.coached(centre.coach).student_ids == []


def test_a_coachs_own_pages_never_mix_in_a_students_rows(centre: Centre, now: datetime) -> None:
    """visible() and changeable() stay the coach's own: consent adds nothing to them."""
    give_consent(centre, centre.student, centre.coach, now)

    assert not access.visible(centre.coach, Application).exists()
    assert not access.changeable(centre.coach, Application).exists()


def test_the_student_owns_their_consent_and_the_coach_does_not(
    centre: Centre, now: datetime
) -> None:
    """A consent row is the student's to change (revoke), never the coach's."""
    from afterword.coaching.models import Consent

    consent = give_consent(centre, centre.student, centre.coach, now)

    assert access.may_change(centre.student, consent)
    assert not access.changeable(centre.coach, Consent).exists()
