"""``afterword org create``: a new organisation with its admin; bad input exits 2 with a reason."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.coaching.models import Membership, Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def test_it_creates_an_organisation_with_its_admin() -> None:
    """The named user becomes the admin; the output names the organisation's page."""
    UserFactory(username="ada")

    result = runner.invoke(app, ["org", "create", "Northfield Careers", "--admin", "ada"])

    organisation = Organisation.objects.get()
    assert result.exit_code == 0, result.output
    assert f"/coaching/orgs/{organisation.pk}/" in result.stdout
    assert Membership.objects.get(organisation=organisation).role == "admin"


def test_an_unknown_admin_exits_2_naming_the_option() -> None:
    """No such user: exit 2, one line on stderr naming --admin, nothing created."""
    result = runner.invoke(app, ["org", "create", "Northfield", "--admin", "nobody"])

    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --admin: No active user is called 'nobody'."
    assert not Organisation.objects.exists()


def test_a_duplicate_or_blank_name_exits_2() -> None:
    """The same name again (in any case) or a blank name is refused."""
    UserFactory(username="ada")
    runner.invoke(app, ["org", "create", "Northfield", "--admin", "ada"])

    again = runner.invoke(app, ["org", "create", "NORTHFIELD", "--admin", "ada"])
    blank = runner.invoke(app, ["org", "create", "  ", "--admin", "ada"])

    assert (again.exit_code, blank.exit_code) == (2, 2)
    assert "already exists" in again.stderr
    assert "NAME: Give the organisation a name." in blank.stderr
    assert Organisation.objects.count() == 1
