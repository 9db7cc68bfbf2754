"""An organisation's statistics, from the students who agreed to be counted, never naming one.

Per employer: how many applications got an answer and how many days the answer took, shown only
when at least ``MIN_STUDENTS`` different students applied there (fewer could be recognised). For
the whole organisation: the share of thank-yous sent within a day of the interview (K2), shown
only when at least that many students are counted at all.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery

from afterword.rules.kinds import ANSWER_EVENTS
from afterword.tracker import access
from afterword.tracker.models import Application, Event, Interview

MIN_STUDENTS = 5
ON_TIME = timedelta(hours=24)
# Any word from the employer: a reply, or news that only they can give.
ANSWERS = tuple(sorted(ANSWER_EVENTS))


@dataclass(frozen=True, slots=True)
class EmployerLine:
    employer: str
    students: int
    applications: int
    answered: int
    median_days: float | None

    @property
    def reply_rate(self) -> float:
        return self.answered / self.applications if self.applications else 0.0


@dataclass(frozen=True, slots=True)
class OrganisationStatistics:
    students: int
    employers: list[EmployerLine]
    hidden_employers: int
    thank_yous: int
    thank_yous_on_time: int
    enough: bool

    @property
    def on_time_rate(self) -> float:
        return self.thank_yous_on_time / self.thank_yous if self.thank_yous else 0.0


def employer_key(name: str) -> str:
    """Employers as students type them ("Acme Ltd", "acme ltd ") count as one."""
    return " ".join(name.split()).casefold()


def organisation_statistics(organisation_id: int) -> OrganisationStatistics:
    applications = access.statistics_rows(organisation_id, Application)
    first_interview = (
        Interview.objects.filter(application=OuterRef("pk")).order_by("start").values("end")[:1]
    )
    first_answer = (
        Event.objects.filter(application=OuterRef("pk"), type__in=ANSWERS)
        .order_by("at")
        .values("at")[:1]
    )
    rows = applications.annotate(
        interviewed=Subquery(first_interview), answered_at=Subquery(first_answer)
    ).values_list("owner_id", "employer", "interviewed", "answered_at")
    students: set[int] = set()
    by_employer: dict[str, list[tuple[int, datetime | None, datetime | None]]] = defaultdict(list)
    # The spelling most students used names the employer ("Acme Ltd", not "acme ltd").
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for owner_id, employer, interviewed, answered_at in rows:
        students.add(owner_id)
        key = employer_key(employer)
        names[key][" ".join(employer.split())] += 1
        by_employer[key].append((owner_id, interviewed, answered_at))
    lines: list[EmployerLine] = []
    hidden = 0
    for key, found in by_employer.items():
        who = {owner_id for owner_id, _i, _a in found}
        if len(who) < MIN_STUDENTS:
            hidden += 1
            continue
        days = [
            (answered - interviewed).total_seconds() / 86400
            for _o, interviewed, answered in found
            if interviewed is not None and answered is not None and answered >= interviewed
        ]
        lines.append(
            EmployerLine(
                employer=names[key].most_common(1)[0][0],
                students=len(who),
                applications=len(found),
                answered=sum(1 for _o, _i, answered in found if answered is not None),
                median_days=round(statistics.median(days), 1) if days else None,
            )
        )
    lines.sort(key=lambda line: (-line.applications, line.employer.casefold()))
    sent = access.statistics_rows(organisation_id, Event).filter(
        type="thank_you_sent", interview__isnull=False
    )
    counted = sent.aggregate(
        total=Count("pk"), on_time=Count("pk", filter=Q(at__lte=F("interview__end") + ON_TIME))
    )
    return OrganisationStatistics(
        students=len(students),
        employers=lines,
        hidden_employers=hidden,
        thank_yous=int(counted["total"] or 0),
        thank_yous_on_time=int(counted["on_time"] or 0),
        enough=len(students) >= MIN_STUDENTS,
    )
