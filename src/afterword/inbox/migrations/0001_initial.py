"""The inbox tables, taken over from delivery without touching the database.

The tables were created by delivery's migrations 0001-0005; this records them in inbox's
state under their old names, delivery 0006 lets go of them, and 0002 renames them.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('delivery', '0005_mailbox_idle'),
        ('tracker', '0004_out_of_office'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MailboxWatch',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('host', models.CharField(help_text='For example imap.gmail.com or imap.fastmail.com.', max_length=253, verbose_name='IMAP server')),
                        ('port', models.PositiveIntegerField(default=993, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(65535)])),
                        ('security', models.CharField(choices=[('tls', 'TLS from the start (usually port 993)'), ('starttls', 'STARTTLS (usually port 143)'), ('none', 'None: only for a mail server on this computer')], default='tls', max_length=10)),
                        ('username', models.CharField(help_text='Usually your full email address.', max_length=254, verbose_name='user name')),
                        ('password_encrypted', models.TextField(blank=True)),
                        ('folders', models.CharField(default='INBOX', help_text='Separate several with commas, for example: INBOX, Jobs.', max_length=500, verbose_name='folders to watch')),
                        ('connected', models.BooleanField(default=True)),
                        ('next_poll_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('lease_until', models.DateTimeField(blank=True, null=True)),
                        ('claimed_by', models.CharField(blank=True, max_length=200)),
                        ('idle_by', models.CharField(blank=True, max_length=200)),
                        ('idle_until', models.DateTimeField(blank=True, null=True)),
                        ('last_polled_at', models.DateTimeField(blank=True, null=True)),
                        ('last_error', models.CharField(blank=True, max_length=500)),
                        ('last_summary', models.CharField(blank=True, max_length=200)),
                        ('failures', models.PositiveSmallIntegerField(default=0)),
                        ('tested_at', models.DateTimeField(blank=True, null=True)),
                        ('test_ok', models.BooleanField(blank=True, null=True)),
                        ('test_result', models.CharField(blank=True, max_length=500)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='mailbox_watch', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'watched mailbox',
                    },
                ),
                migrations.CreateModel(
                    name='InboxMessage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message_id', models.CharField(max_length=255)),
                        ('kind', models.CharField(choices=[('reply', 'Reply'), ('out_of_office', 'Away notice'), ('bounce', 'Bounce')], max_length=15)),
                        ('matched_by', models.CharField(blank=True, max_length=10)),
                        ('received_at', models.DateTimeField()),
                        ('sender', models.CharField(blank=True, max_length=254)),
                        ('sender_name', models.CharField(blank=True, max_length=200)),
                        ('subject', models.CharField(blank=True, max_length=300)),
                        ('snippet', models.TextField(blank=True, max_length=4096)),
                        ('suggestion', models.CharField(blank=True, choices=[('offer', 'An offer'), ('rejection', 'A rejection'), ('next_round', 'An invitation to another round'), ('no_decision', 'No decision yet'), ('other', 'A reply, nothing more to record')], max_length=15)),
                        ('suggested_date', models.DateField(blank=True, null=True)),
                        ('evidence', models.CharField(blank=True, max_length=300)),
                        ('state', models.CharField(choices=[('pending', 'To confirm'), ('confirmed', 'Confirmed'), ('dismissed', 'Dismissed'), ('undone', 'Not about this application'), ('noted', 'Noted')], default='pending', max_length=10)),
                        ('resolved_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('application', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='inbox_messages', to='tracker.application')),
                        ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='tracker.event')),
                        ('interviewer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='tracker.interviewer')),
                        ('outcome_event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='tracker.event')),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inbox_messages', to=settings.AUTH_USER_MODEL)),
                        ('watch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='inbox.mailboxwatch')),
                    ],
                    options={
                        'ordering': ['received_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='WatchedFolder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255)),
                        ('uidvalidity', models.BigIntegerField(blank=True, null=True)),
                        ('last_uid', models.BigIntegerField(default=0)),
                        ('scanned_at', models.DateTimeField(blank=True, null=True)),
                        ('watch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='folder_states', to='inbox.mailboxwatch')),
                    ],
                ),
                migrations.AddIndex(
                    model_name='mailboxwatch',
                    index=models.Index(condition=models.Q(('connected', True)), fields=['next_poll_at'], name='delivery_watch_due'),
                ),
                migrations.AddConstraint(
                    model_name='mailboxwatch',
                    constraint=models.CheckConstraint(condition=models.Q(('security__in', ['tls', 'starttls', 'none'])), name='delivery_watch_security_known'),
                ),
                migrations.AddIndex(
                    model_name='inboxmessage',
                    index=models.Index(fields=['owner', 'state', 'received_at'], name='delivery_inbox_owner'),
                ),
                migrations.AddConstraint(
                    model_name='inboxmessage',
                    constraint=models.UniqueConstraint(fields=('watch', 'message_id'), name='delivery_inbox_once'),
                ),
                migrations.AddConstraint(
                    model_name='watchedfolder',
                    constraint=models.UniqueConstraint(fields=('watch', 'name'), name='delivery_folder_once'),
                ),
                migrations.AlterModelTable(name='mailboxwatch', table='delivery_mailboxwatch'),
                migrations.AlterModelTable(name='inboxmessage', table='delivery_inboxmessage'),
                migrations.AlterModelTable(name='watchedfolder', table='delivery_watchedfolder'),
            ],
            database_operations=[],
        ),
    ]
