"""Store generated benchmark cases (bench/cases.py) as tracker rows, in bulk.

Each case becomes one application with its interviews, interviewers and events, moved in time
so that the case's own ``now`` falls on the benchmark's ``now`` (whole days, wall clock kept), so
that the stored applications are as busy as the generated cases: thank-yous pending, check-ins
coming, some decided. Cases are spread round-robin over ``users`` owners; each owner's settings
take the profile and user preferences of their first case. Rows are written with
``bulk_create`` (no planner run), so 10,000 applications take seconds.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any


def _moved(text: str, days: int) -> str:
    return (datetime.fromisoformat(text) + timedelta(days=days)).isoformat()


def _moved_day(text: str | None, days: int) -> date | None:
    return None if text is None else date.fromisoformat(text) + timedelta(days=days)


def shift(case: dict[str, Any], now: datetime) -> dict[str, Any]:
    """``case`` moved by whole days so that its ``now`` is at or just before ``now``."""
    case_now = datetime.fromisoformat(case["now"])
    days = (now.astimezone(case_now.tzinfo).date() - case_now.date()).days
    if case_now + timedelta(days=days) > now:
        days -= 1
    for interview in case["interviews"]:
        interview["start"] = _moved(interview["start"], days)
        interview["end"] = _moved(interview["end"], days)
        for name in ("decision_by", "agreed_follow_up"):
            day = _moved_day(interview[name], days)
            interview[name] = day.isoformat() if day else None
    for event in case["events"]:
        event["at"] = _moved(event["at"], days)
        for name in ("promised_next", "new_decision_by", "deadline", "until"):
            if name in event:
                day = _moved_day(event[name], days)
                event[name] = day.isoformat() if day else None
    case["now"] = _moved(case["now"], days)
    return case


def seed(
    texts: list[str], users: int, now: datetime, batch: int = 1000, first_user: int = 0
) -> None:
    """Migrate the database named by the environment and store every case in ``texts``, for
    ``users`` new owners (``seeker<first_user>`` on)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from afterword.tracker.models import (
        Application,
        Event,
        Interview,
        Interviewer,
        UserSettings,
    )

    call_command("migrate", interactive=False, verbosity=0)
    User = get_user_model()
    cases = [shift(json.loads(text), now) for text in texts]
    owners = User.objects.bulk_create(
        [
            User(username=f"seeker{n}", email=f"seeker{n}@example.test", password="!")
            for n in range(first_user, first_user + users)
        ]
    )
    UserSettings.objects.bulk_create(
        [
            UserSettings(
                user=owner,
                profile=cases[n]["profile"],
                letters=cases[n]["user"]["letters"],
                check_in_channel=cases[n]["user"]["check_in_channel"],
                contact_hour=cases[n]["user"]["contact_hour"],
            )
            for n, owner in enumerate(owners)
        ]
    )
    through = Interview.interviewers.through
    for start in range(0, len(cases), batch):
        chunk = cases[start : start + batch]
        applications = Application.objects.bulk_create(
            [
                Application(
                    owner=owners[(start + k) % users],
                    employer=f"{case['employer']['name']} {start + k}",
                    role=case["role"] or "",
                    job_code=case["job_code"] or "",
                    employer_timezone=case["employer"]["timezone"],
                    employer_country=case["employer"]["country"],
                    employer_subdivision=case["employer"]["subdivision"] or "",
                    employer_style=case["employer"]["style"],
                )
                for k, case in enumerate(chunk)
            ]
        )
        people: list[tuple[int, str, Interviewer]] = []
        rounds: list[tuple[int, str, Interview]] = []
        for k, (case, application) in enumerate(zip(chunk, applications, strict=True)):
            for interview in case["interviews"]:
                rounds.append(
                    (
                        k,
                        interview["id"],
                        Interview(
                            application=application,
                            round=interview["round"],
                            start=datetime.fromisoformat(interview["start"]),
                            end=datetime.fromisoformat(interview["end"]),
                            decision_by=_moved_day(interview["decision_by"], 0),
                            agreed_follow_up=_moved_day(interview["agreed_follow_up"], 0),
                            still_interviewing_others=interview["still_interviewing_others"],
                            preferred_channel=interview["preferred_channel"] or "",
                        ),
                    )
                )
                for person in interview["interviewers"]:
                    people.append(
                        (
                            k,
                            person["id"],
                            Interviewer(
                                application=application,
                                name=person["name"],
                                title=person["title"] or "",
                                email=person["email"] or "",
                                phone=person["phone"] or "",
                                address=person["address"] or "",
                                is_primary=bool(person.get("primary")),
                            ),
                        )
                    )
        Interview.objects.bulk_create([row for _, _, row in rounds])
        Interviewer.objects.bulk_create([row for _, _, row in people])
        interview_pk = {(k, case_id): row.pk for k, case_id, row in rounds}
        person_pk = {(k, case_id): row.pk for k, case_id, row in people}
        links = []
        for k, case in enumerate(chunk):
            for interview in case["interviews"]:
                for person in interview["interviewers"]:
                    links.append(
                        through(
                            interview_id=interview_pk[k, interview["id"]],
                            interviewer_id=person_pk[k, person["id"]],
                        )
                    )
        through.objects.bulk_create(links)
        events = []
        for k, (case, application) in enumerate(zip(chunk, applications, strict=True)):
            for event in case["events"]:
                events.append(
                    Event(
                        application=application,
                        at=datetime.fromisoformat(event["at"]),
                        type=event["type"],
                        interview_id=(
                            interview_pk[k, event["interview"]] if "interview" in event else None
                        ),
                        interviewer_id=(
                            person_pk[k, event["interviewer"]] if "interviewer" in event else None
                        ),
                        channel=event.get("channel") or "",
                        promised_next=_moved_day(event.get("promised_next"), 0),
                        new_decision_by=_moved_day(event.get("new_decision_by"), 0),
                        deadline=_moved_day(event.get("deadline"), 0),
                        no_decision_yet=event.get("no_decision_yet"),
                        action=event.get("action") or "",
                    )
                )
        Event.objects.bulk_create(events)
