"""Schemathesis against the API's own OpenAPI schema, on a live WSGI server.

Every operation is called with data generated from the schema, signed with a read-and-write
token of a user who has data of their own, beside a victim whose words must never come back.
Checked: no server errors, responses (status, headers, body) match the schema, and nothing of
the victim's appears in any answer.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from afterword.api.tokens import create_token
from afterword.tracker.services import replan
from tests.factories import ApplicationFactory, InterviewerFactory, InterviewFactory, UserFactory
from tests.security.victim import SECRETS, make_victim

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def token(now: Any, settings: Any) -> str:
    """A user with an application of their own, and their read-and-write token."""
    settings.RATELIMIT_ENABLE = False
    owner = UserFactory(username="fuzzer")
    application = ApplicationFactory(owner=owner, employer="Fuzzing Ltd")
    person = InterviewerFactory(application=application, name="Pat Example")
    InterviewFactory(application=application, interviewers=[person])
    replan(application, now)
    return create_token(owner, "schemathesis", can_write=True).secret


def test_the_api_keeps_its_schema_and_never_fails_or_leaks(
    live_server: Any, now: Any, token: str
) -> None:
    """Generated calls get schema-conforming answers, never a 5xx, never the victim's words."""
    make_victim(now)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    leaks: list[str] = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"},
                # Data the schema allows may still be refused by the forms' checks.
                excluded_checks=[positive_data_acceptance],
            )
            leaks.extend(secret for secret in SECRETS if secret in response.text)

        call()

    assert len(operations) >= 12
    assert leaks == []
