"""Renames the tables taken over from delivery to reminders's own names, and carries over their
content types (and so their permissions)."""

from django.db import migrations

MODELS = ("notificationchannel", "reminder", "remindersettings",)


def carry_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_types.objects.filter(app_label="reminders", model=model).exists():
            content_types.objects.filter(app_label="delivery", model=model).update(app_label="reminders")


def return_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_types.objects.filter(app_label="delivery", model=model).exists():
            content_types.objects.filter(app_label="reminders", model=model).update(app_label="delivery")


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("delivery", "0006_hand_over_tables"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name='notificationchannel', table=None),
        migrations.AlterModelTable(name='reminder', table=None),
        migrations.AlterModelTable(name='remindersettings', table=None),
        migrations.RunPython(carry_content_types, return_content_types),
    ]
