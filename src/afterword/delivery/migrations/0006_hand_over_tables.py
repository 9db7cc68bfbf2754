"""Hands delivery's tables over to outbox, reminders, calendar_feed and inbox.

State only: the tables stay where they are; each new app's 0001 already holds them under the old
names, and its 0002 renames them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("delivery", "0005_mailbox_idle"),
        ("outbox", "0001_initial"),
        ("reminders", "0001_initial"),
        ("calendar_feed", "0001_initial"),
        ("inbox", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="InboxMessage"),
                migrations.DeleteModel(name="WatchedFolder"),
                migrations.DeleteModel(name="MailboxWatch"),
                migrations.DeleteModel(name="OutgoingEmail"),
                migrations.DeleteModel(name="MailAccount"),
                migrations.DeleteModel(name="Reminder"),
                migrations.DeleteModel(name="ReminderSettings"),
                migrations.DeleteModel(name="NotificationChannel"),
                migrations.DeleteModel(name="CalendarFeed"),
            ],
            database_operations=[],
        ),
    ]
