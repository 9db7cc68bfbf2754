"""Renames the tables taken over from delivery to calendar_feed's own names, and carries over their
content types (and so their permissions)."""

from django.db import migrations

MODELS = ("calendarfeed",)


def carry_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_types.objects.filter(app_label="calendar_feed", model=model).exists():
            content_types.objects.filter(app_label="delivery", model=model).update(app_label="calendar_feed")


def return_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_types.objects.filter(app_label="delivery", model=model).exists():
            content_types.objects.filter(app_label="calendar_feed", model=model).update(app_label="delivery")


class Migration(migrations.Migration):
    dependencies = [
        ("calendar_feed", "0001_initial"),
        ("delivery", "0006_hand_over_tables"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name='calendarfeed', table=None),
        migrations.RunPython(carry_content_types, return_content_types),
    ]
