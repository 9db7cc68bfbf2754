"""Saving a captured interview: the round, its people and the new plan, all or nothing."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from afterword.tracker.models import Application, Interview, Interviewer
from afterword.tracker.services import replan
from afterword.web.forms.interviews import BaseInterviewerFormSet, InterviewForm


def save_interview(
    application: Application,
    form: InterviewForm,
    people: BaseInterviewerFormSet,
    now: datetime,
) -> Interview:
    """Store the interview and its interviewers, then re-plan, in one transaction.

    1. The interview row, with start and end in the employer's zone.
    2. Each filled row of the formset as an Interviewer of the application (new or edited);
       rows marked for removal are only unlinked, since past events may still name the person.
    3. The interview's people: those rows plus the ticked people from earlier rounds.
    4. At most one main contact per application: a newly marked one replaces the old.
    5. Re-plan, so that the stored actions never lag behind the facts.
    """
    with transaction.atomic():
        interview = form.save(commit=False)
        interview.application = application
        interview.start = form.cleaned_data["start"]
        interview.end = form.cleaned_data["end"]
        interview.save()
        present: list[Interviewer] = []
        for row in people.kept_forms():
            person = row.save(commit=False)
            person.application = application
            person.save()
            present.append(person)
        present += list(form.cleaned_data.get("existing") or [])
        interview.interviewers.set(present)
        main = [person for person in present if person.is_primary]
        if main:
            application.interviewers.exclude(pk=main[0].pk).update(is_primary=False)
        replan(application, now)
    return interview
