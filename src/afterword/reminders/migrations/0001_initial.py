"""The reminders tables, taken over from delivery without touching the database.

The tables were created by delivery's migrations 0001-0005; this records them in reminders's
state under their old names, delivery 0006 lets go of them, and 0002 renames them.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('delivery', '0005_mailbox_idle'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NotificationChannel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('label', models.CharField(help_text='A name for you, such as “My phone”.', max_length=100)),
                        ('url_encrypted', models.TextField()),
                        ('service', models.CharField(blank=True, max_length=100)),
                        ('masked_url', models.CharField(blank=True, max_length=500)),
                        ('enabled', models.BooleanField(default=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('last_used_at', models.DateTimeField(blank=True, null=True)),
                        ('last_ok', models.BooleanField(blank=True, null=True)),
                        ('last_result', models.CharField(blank=True, max_length=500)),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notification_channels', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['created_at', 'pk'],
                        'constraints': [models.UniqueConstraint(fields=('owner', 'label'), name='delivery_channel_label_unique_per_owner')],
                    },
                ),
                migrations.CreateModel(
                    name='Reminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('digest', 'Morning digest'), ('action', 'Follow-up due')], max_length=10)),
                        ('dedupe_key', models.CharField(max_length=200, unique=True)),
                        ('due_at', models.DateTimeField()),
                        ('next_attempt_at', models.DateTimeField()),
                        ('state', models.CharField(choices=[('pending', 'Waiting'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed'), ('skipped', 'Nothing to send')], default='pending', max_length=10)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('lease_until', models.DateTimeField(blank=True, null=True)),
                        ('claimed_by', models.CharField(blank=True, max_length=200)),
                        ('last_error', models.TextField(blank=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('payload', models.JSONField(blank=True, default=dict)),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['-due_at', '-pk'],
                        'indexes': [models.Index(condition=models.Q(('state', 'pending')), fields=['next_attempt_at'], name='delivery_reminder_due_pending'), models.Index(condition=models.Q(('state', 'sending')), fields=['lease_until'], name='delivery_reminder_lease'), models.Index(fields=['owner', 'due_at'], name='delivery_reminder_owner_due')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('state__in', ['pending', 'sending', 'sent', 'failed', 'skipped'])), name='delivery_reminder_state_known'), models.CheckConstraint(condition=models.Q(('kind__in', ['digest', 'action'])), name='delivery_reminder_kind_known')],
                    },
                ),
                migrations.CreateModel(
                    name='ReminderSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('digest_enabled', models.BooleanField(default=True, help_text='One email on mornings when something is overdue, due today or this week.', verbose_name='send me a morning digest')),
                        ('digest_hour', models.PositiveSmallIntegerField(default=7, help_text='In your own time zone, between 5 and 11 in the morning.', validators=[django.core.validators.MinValueValidator(5), django.core.validators.MaxValueValidator(11)], verbose_name='digest hour')),
                        ('per_action_notifications', models.BooleanField(default=True, help_text='Sent to every channel below that is switched on.', verbose_name='notify my channels when a follow-up is due')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_settings', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'reminder settings',
                        'verbose_name_plural': 'reminder settings',
                        'constraints': [models.CheckConstraint(condition=models.Q(('digest_hour__gte', 5), ('digest_hour__lte', 11)), name='delivery_remindersettings_digest_hour_range')],
                    },
                ),
                migrations.AlterModelTable(name='notificationchannel', table='delivery_notificationchannel'),
                migrations.AlterModelTable(name='reminder', table='delivery_reminder'),
                migrations.AlterModelTable(name='remindersettings', table='delivery_remindersettings'),
            ],
            database_operations=[],
        ),
    ]
