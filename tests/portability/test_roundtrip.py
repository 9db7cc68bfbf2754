"""Export, import into an empty account, export again: the same document."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from afterword.portability.export import export_bundle
from afterword.portability.importer import import_bundle
from afterword.tracker import access
from afterword.tracker.models import Application, Draft, Event, Interview, Interviewer
from afterword.tracker.services import stored_plan_json
from afterword.tracker.services.archive import archive_application
from tests.factories import UserFactory


def _without_stamp(bundle: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in bundle.items() if name != "exported_at"}


def test_an_export_imported_into_a_new_account_exports_the_same(
    demo_user: Any, now: datetime
) -> None:
    """Every application, interview, person, event, draft and setting survives the trip."""
    first = export_bundle(demo_user, now)
    twin = UserFactory(username="twin", email=demo_user.email)

    import_bundle(twin, json.dumps(first).encode(), now)
    second = export_bundle(twin, now)

    assert first["applications"], "the demo account has applications to move"
    assert _without_stamp(second) == _without_stamp(first)


def test_the_imported_applications_plan_as_before(demo_user: Any, now: datetime) -> None:
    """The re-plan after import stores the same actions as the original account had."""
    before = [
        stored_plan_json(a)
        for a in access.belonging_to(demo_user.pk, Application).order_by("created_at", "pk")
    ]
    twin = UserFactory(username="twin")

    import_bundle(twin, json.dumps(export_bundle(demo_user, now)).encode(), now)

    after = [
        stored_plan_json(a)
        for a in access.belonging_to(twin.pk, Application).order_by("created_at", "pk")
    ]
    assert [p["status"] for p in after] == [p["status"] for p in before]
    assert [[(a["kind"], a["due"]) for a in p["actions"]] for p in after] == [
        [(a["kind"], a["due"]) for a in p["actions"]] for p in before
    ]


def test_deleting_everything_and_importing_restores_the_same_account(
    demo_user: Any, now: datetime
) -> None:
    """The same user, emptied and refilled from the file, exports the same document."""
    first = export_bundle(demo_user, now)
    counts = {
        m: access.belonging_to(demo_user.pk, m).count()
        for m in (Interview, Interviewer, Event, Draft)
    }
    access.belonging_to(demo_user.pk, Application).delete()

    import_bundle(demo_user, json.dumps(first).encode(), now)

    assert _without_stamp(export_bundle(demo_user, now)) == _without_stamp(first)
    assert {m: access.belonging_to(demo_user.pk, m).count() for m in counts} == counts
    assert counts[Draft] == 2


def test_an_archived_application_comes_back_archived_with_no_plan(
    demo_user: Any, now: datetime
) -> None:
    """archived_at travels in the export; the imported twin is archived and has no actions."""
    application = access.belonging_to(demo_user.pk, Application).order_by("pk").first()
    assert application is not None
    archive_application(application, now)
    twin = UserFactory(username="twin")

    import_bundle(twin, json.dumps(export_bundle(demo_user, now)).encode(), now)

    copy = access.belonging_to(twin.pk, Application).get(employer=application.employer)
    assert copy.archived_at == now
    assert not copy.actions.exists()
