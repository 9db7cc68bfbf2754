"""Hostile values in every form and query parameter: a clear answer, never a server error.

Each page's forms are read from its HTML (tests/security/forms.py), so a field added later is
fuzzed too. Hypothesis replaces some of the values the page filled in with digits of other
scripts, NUL, right-to-left marks, 100 KB strings, years 1 and 9999, huge and negative numbers
and unknown time zones. Every answer must be below 500, and a refused submit (anything but a
redirect) must leave every row of the user exactly as it was: nothing half-saved.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.tracker.models import Draft
from tests.security.forms import forms_of
from tests.security.urls import fill, patterns
from tests.security.victim import rows_of

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "٣",
    "३",
    "٢٠٢٦-٠٣-٠٣",
    "२०२६-०३-१०",
    "²",
    "\x00",
    "Priya\x00Natarajan",
    "\u200f",
    "\u202eevil",
    "x" * 100_000,
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2026-02-30",
    "2026-03-03T25:61",
    "99999999999999999999999999",
    "9223372036854775808",
    "-1",
    "-99999999",
    "1e400",
    "nan",
    "Mars/Olympus_Mons",
    "Europe/Nowhere",
    " ",
    "",
    "<script>alert(1)</script>",
    "😀",
    "31/12/9999",
    "next friday in 9999 years",
]
HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.text(max_size=40),
    st.integers().map(str),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Buttons that connect to a server the user named (the outbound gate's tests cover them), end
# the session, or delete what the other examples need.
LEFT_OUT = ("/test/", "logout", "/remove/", "/disconnect/", "/delete/", "/revoke/")
PAGES = [
    "/",
    "/applications/new/",
    "/applications/{application}/",
    "/applications/{application}/interviews/new/",
    "/interviews/{interview}/edit/",
    "/drafts/{draft}/",
    "/settings/",
    "/settings/mail/",
    "/settings/inbox/",
    "/settings/notifications/",
    "/outbox/",
]


def own_ids(member: Any) -> dict[str, int]:
    draft = Draft.objects.get(owner=member)
    return {
        "application": draft.application_id,
        "interview": draft.interview_id,  # type: ignore[dict-item]
        "draft": draft.pk,
    }


def submissions_on(client: Client, page: str) -> list[tuple[str, dict[str, str]]]:
    html = client.get(page).content.decode()
    found = [
        submission
        for form in forms_of(page, html)
        for submission in form.submissions()
        if not any(part in submission[0] for part in LEFT_OUT)
    ]
    assert found, f"{page} has no form to fuzz"
    return found


def fuzz(client: Client, submissions: list[tuple[str, dict[str, str]]], rows: Any) -> None:
    """Post hostile versions of ``submissions``; ``rows()`` is the state a refusal must keep."""

    @FUZZ
    @given(st.data())
    def submit(data: st.DataObject) -> None:
        target, fields = data.draw(st.sampled_from(submissions), label="target")
        values = data.draw(
            st.fixed_dictionaries(
                {name: st.one_of(st.just(value), HOSTILE) for name, value in fields.items()}
            ),
            label="values",
        )
        before = rows()

        response = client.post(target, values)

        assert response.status_code < 500
        if response.status_code != 302:
            assert rows() == before, f"{target} refused the values but saved something"

    submit()


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_hostile_values_in_every_form_of_a_page_get_a_clear_answer(
    client: Client, victim: Any, page: str
) -> None:
    """Every form of the page, fuzzed: no server error, and a refused submit saves nothing."""
    client.force_login(victim)
    url = page.format(**own_ids(victim))

    fuzz(client, submissions_on(client, url), lambda: rows_of(victim))


@pytest.mark.slow
def test_hostile_values_in_the_sign_up_form_get_a_clear_answer(client: Client) -> None:
    """The sign-up form, fuzzed: no server error, and a refused sign-up makes no account."""
    users = get_user_model().objects

    fuzz(client, submissions_on(client, "/accounts/signup/"), lambda: users.count())


QUERY_PAGES = {
    "/phrase/": ["decision_phrase", "new_date", "day", "country", "subdivision"],
    "/checklist/": ["application"],
    "/outbox/": ["page"],
    "/outbox/list/": ["page"],
    "/": ["next", "page"],
    "/board/": ["page", "status"],
}


@pytest.mark.parametrize("page", QUERY_PAGES)
def test_hostile_query_parameters_get_a_clear_answer(
    client: Client, victim: Any, page: str
) -> None:
    """Every query parameter a page reads, given hostile values: no server error."""
    client.force_login(victim)
    names = QUERY_PAGES[page]

    @FUZZ
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys(names, HOSTILE)))
    def visit(query: dict[str, str]) -> None:
        response = client.get(page, query)

        assert response.status_code < 500

    visit()


def test_huge_and_odd_ids_in_every_url_answer_404(client: Client, victim: Any) -> None:
    """Ids past what the database can hold, in every id URL: 404 or 405, never a crash."""
    client.force_login(victim)
    odd = [2**63, 10**30]
    paths = [
        path
        for pattern in patterns()
        if pattern.namespace != "admin" and {"pk", "id", "object_id"} & set(pattern.parameters())
        for path in fill(pattern, odd)
        if "987654321" not in path
    ]

    answers = {path: client.get(path).status_code for path in paths}
    answers |= {path + " (POST)": client.post(path).status_code for path in paths}

    assert {path: status for path, status in answers.items() if status >= 500} == {}
