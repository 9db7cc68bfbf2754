"""Load, once and ahead of time, what the first draft and the first letter of a process load.

A fresh web process took seconds over its first draft (the spelling word list and its
suggestion buckets, every Jinja2 template compiled on first use, the holiday tables) and over its
first letter (WeasyPrint, Pango and the fonts); bench/README.md, "Browser". ``warm_up`` does
that work once, before gunicorn forks its web processes, so that every process starts warm and
shares the loaded tables (copy on write).
"""

from __future__ import annotations

from datetime import UTC, datetime

from afterword.drafting.model import Letter

# A plain case, one interview yesterday with one person, planned and drafted like any other.
_SAMPLE_NOW = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
_SAMPLE_CASE = {
    "now": _SAMPLE_NOW.isoformat(),
    "profile": "standard",
    "employer": {"name": "Sample Employer", "timezone": "UTC", "country": "US", "style": "formal"},
    "role": "Analyst",
    "user": {"letters": True, "check_in_channel": "email", "contact_hour": 10},
    "candidate": {"name": "Sam Sample"},
    "interviews": [
        {
            "id": "i1",
            "round": 1,
            "start": "2026-03-02T15:00:00+00:00",
            "end": "2026-03-02T16:00:00+00:00",
            "interviewers": [{"id": "p1", "name": "Dana Sample", "email": "dana@example.com"}],
        }
    ],
    "events": [],
}
_SAMPLE_LETTER = Letter(
    sender_lines=("Sam Sample", "1 Sample Street"),
    date_line="3 March 2026",
    recipient_lines=("Dana Sample", "Sample Employer"),
    salutation="Dear Dana Sample,",
    paragraphs=("Thank you for your time yesterday.",),
    closing="Yours sincerely,",
    signature="Sam Sample",
)


def warm_up() -> None:
    """Compose and check every draft of a sample case (a misspelling included, so that the
    suggestion tables load too), and print a sample letter."""
    from afterword.drafting import compose
    from afterword.drafting.checker import check, context_for
    from afterword.drafting.letters import letter_pdf
    from afterword.drafting.render import environment
    from afterword.rules import case_from_data, plan

    templates = environment()
    for name in templates.list_templates():
        templates.get_template(name)
    case = case_from_data(_SAMPLE_CASE, _SAMPLE_NOW)
    current = plan(case, _SAMPLE_NOW)
    for action in current.actions:
        draft = compose(case, action, _SAMPLE_NOW, plan=current)
        context = context_for(case, action, _SAMPLE_NOW, plan=current)
        check(draft.subject or "", f"{draft.body} Thnak you for the tuor.", context)
    letter_pdf(_SAMPLE_LETTER, "a4")
