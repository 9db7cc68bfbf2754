"""A follow-up's key is unique within its application (the keys were filled in 0007)."""

from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    # Its own migration, so its own transaction: 0007 updated every action row, and PostgreSQL
    # refuses ALTER TABLE while those updates' deferred constraint checks are pending.
    dependencies = [("tracker", "0009_merge_20261205_0107")]

    operations = [
        migrations.AddConstraint(
            model_name="action",
            constraint=models.UniqueConstraint(
                fields=("application", "key"), name="tracker_action_key_unique"
            ),
        ),
    ]
