"""The table of the throttles' counters (CACHES["throttle"]), so that ``migrate`` alone sets up a
site: Django creates cache tables only through ``createcachetable``, which nobody remembers."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps: Any, schema_editor: Any) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
