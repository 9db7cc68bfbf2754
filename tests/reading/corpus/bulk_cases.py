"""Newsletters, job alerts and list mail: all ``bulk``, whatever their words say about decisions,
offers or next rounds. The "test" half was written first and is never used to tune the reader.
"""

from __future__ import annotations

_UNSUB = (
    "List-Unsubscribe",
    "<https://news.example/unsubscribe?u=8812>, <mailto:leave@news.example>",
)

BULK: list[dict] = [
    # ------------------------------------------------------------------ test half
    {
        "name": "k01_benefits_newsletter",
        "split": "test",
        "system": "gmail",
        "who": "Corvid Health People Team",
        "sender": "people-news@corvid-health.example",
        "sent": "2026-12-01 07:00 -0500",
        "subject": "Your December benefits update",
        "extra_headers": [_UNSUB, ("List-Id", "People news <people-news.corvid-health.example>")],
        "body": "Hello,\n\nWe have made a decision on next year's benefits: the dental plan "
        "moves to a new provider on January 1. We expect to share the full guide by December "
        "18.\n\nUnsubscribe: https://news.example/unsubscribe?u=8812",
    },
    {
        "name": "k02_job_alert",
        "split": "test",
        "system": "plain",
        "who": "JobBoard Alerts",
        "sender": "alerts@jobboard.example",
        "sent": "2026-12-02 06:00 +0000",
        "subject": "12 new jobs for Data Analyst",
        "extra_headers": [_UNSUB, ("Precedence", "bulk")],
        "body": "New jobs matching your search: Data Analyst at Northwind (offer of a hybrid "
        "role), Senior Analyst at Brightwater. Apply before the next round closes.\n\nManage "
        "alerts or unsubscribe in your settings.",
    },
    {
        "name": "k03_google_group_announcement",
        "split": "test",
        "system": "gmail",
        "who": "Career Center",
        "sender": "career-center@university.example",
        "sent": "2026-12-03 12:00 -0500",
        "subject": "[alumni-jobs] Interview workshop on Tuesday",
        "extra_headers": [
            ("List-Id", "<alumni-jobs.university.example>"),
            ("List-Unsubscribe", "<mailto:alumni-jobs+unsubscribe@university.example>"),
            ("Precedence", "list"),
        ],
        "body": "Hi all,\n\nOur interview workshop is on Tuesday. We will cover how to follow up "
        "after a final round and how to answer an offer.\n\nCareer Center",
    },
    {
        "name": "k04_company_blog_digest",
        "split": "test",
        "system": "yahoo",
        "who": "Lumen Analytics",
        "sender": "hello@lumen-analytics.example",
        "sent": "2026-12-04 10:00 -0500",
        "subject": "This month at Lumen: we're hiring!",
        "extra_headers": [_UNSUB],
        "body": "Big news this month: we're hiring across engineering, and we've just opened "
        "our second office. Read our engineers' stories on the blog.\n\nYou are receiving this "
        "because you signed up on our careers page. Unsubscribe anytime.",
    },
    {
        "name": "k05_ats_marketing",
        "split": "test",
        "system": "gmail",
        "who": "Talent Community",
        "sender": "no-reply@talent.meridian-soft.example",
        "sent": "2026-12-01 09:00 -0500",
        "subject": "Roles you might like",
        "extra_headers": [_UNSUB, ("Precedence", "bulk")],
        "body": "Thanks for joining our talent community. Unfortunately we can't reply to "
        "every message, but here are roles that match your profile.",
    },
    {
        "name": "k06_webinar_invite",
        "split": "test",
        "system": "plain",
        "who": "Events",
        "sender": "events@hr-summit.example",
        "sent": "2026-12-02 14:00 +0000",
        "subject": "You're invited: hiring trends 2027",
        "extra_headers": [_UNSUB, ("Precedence", "junk")],
        "body": "Join us on 10 December for our webinar on hiring trends. Congratulations, you "
        "have a reserved seat!",
    },
    # ------------------------------------------------------------------ tune half
    {
        "name": "l01_newsletter_list_id",
        "split": "tune",
        "system": "gmail",
        "who": "Copperleaf News",
        "sender": "news@copperleaf.example",
        "sent": "2026-12-01 07:00 -0500",
        "subject": "Copperleaf monthly",
        "extra_headers": [_UNSUB, ("List-Id", "<monthly.copperleaf.example>")],
        "body": "This month: our decision to open a Lisbon office, and a new round of funding.",
    },
    {
        "name": "l02_job_alert_precedence",
        "split": "tune",
        "system": "plain",
        "who": "Job Alerts",
        "sender": "jobs-noreply@careers-hub.example",
        "sent": "2026-12-02 06:00 +0000",
        "subject": "New roles near you",
        "extra_headers": [("Precedence", "bulk"), _UNSUB],
        "body": "3 new roles match your alert. We'd like to offer you early access to them.",
    },
    {
        "name": "l03_mailing_list_post",
        "split": "tune",
        "system": "gmail",
        "who": "Dev Careers List",
        "sender": "devcareers@lists.example",
        "sent": "2026-12-03 12:00 -0500",
        "subject": "[devcareers] Salary negotiation tips",
        "extra_headers": [("List-Id", "<devcareers.lists.example>"), ("Precedence", "list")],
        "body": "When you get an offer, take a day before you answer.",
    },
    {
        "name": "l04_product_update",
        "split": "tune",
        "system": "yahoo",
        "who": "Brightwater",
        "sender": "updates@brightwater.example",
        "sent": "2026-12-04 10:00 +0000",
        "subject": "What's new at Brightwater",
        "extra_headers": [_UNSUB],
        "body": "We're still deciding the name of our new app; vote by the 20th!",
    },
    {
        "name": "l05_ats_digest",
        "split": "tune",
        "system": "gmail",
        "who": "Careers",
        "sender": "no-reply@careers.cobalt-ai.example",
        "sent": "2026-12-01 09:00 -0800",
        "subject": "Your weekly job digest",
        "extra_headers": [_UNSUB, ("Precedence", "bulk")],
        "body": "Here are this week's openings. Not interested? Unsubscribe.",
    },
    {
        "name": "l06_event_promo",
        "split": "tune",
        "system": "plain",
        "who": "Career Fair",
        "sender": "fair@citycareers.example",
        "sent": "2026-12-02 14:00 +0000",
        "subject": "Last chance: career fair tickets",
        "extra_headers": [_UNSUB, ("Precedence", "junk")],
        "body": "Tickets for the career fair on 12 December are almost gone.",
    },
]
