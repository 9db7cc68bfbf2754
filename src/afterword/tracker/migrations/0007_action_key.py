"""Each planned action gets a key naming what it is for, so its URLs survive re-plans."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

from afterword.tracker.follow_up_keys import keys_for


def fill_keys(apps: Any, schema_editor: Any) -> None:
    Action = apps.get_model("tracker", "Action")
    Event = apps.get_model("tracker", "Event")
    application_ids = Action.objects.values_list("application_id", flat=True).distinct()
    for application_id in application_ids.iterator():
        types = list(
            Event.objects.filter(application_id=application_id)
            .order_by("at", "pk")
            .values_list("type", flat=True)
        )
        actions = list(Action.objects.filter(application_id=application_id).order_by("position"))
        keys = keys_for([(a.kind, a.interview_id, a.interviewer_id) for a in actions], types)
        for action, key in zip(actions, keys, strict=True):
            action.key = key
        Action.objects.bulk_update(actions, ["key"])


class Migration(migrations.Migration):
    dependencies = [("tracker", "0006_capture_salutation_and_points")]

    operations = [
        migrations.AddField(
            model_name="action",
            name="key",
            field=models.SlugField(default="", max_length=80, db_index=False),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        # The unique constraint comes in 0010: PostgreSQL cannot alter a table in the same
        # transaction as updates to it whose deferred foreign-key checks are still pending.
    ]
