"""The outbox tables, taken over from delivery without touching the database.

The tables were created by delivery's migrations 0001-0005; this records them in outbox's
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
        ('tracker', '0004_out_of_office'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MailAccount',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('host', models.CharField(help_text='For example smtp.gmail.com or smtp.fastmail.com.', max_length=253, verbose_name='SMTP server')),
                        ('port', models.PositiveIntegerField(default=587, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(65535)])),
                        ('security', models.CharField(choices=[('starttls', 'STARTTLS (usually port 587)'), ('tls', 'TLS from the start (usually port 465)'), ('none', 'None: only for a mail server on this computer')], default='starttls', max_length=10)),
                        ('username', models.CharField(help_text='Usually your full email address.', max_length=254, verbose_name='user name')),
                        ('password_encrypted', models.TextField(blank=True)),
                        ('from_name', models.CharField(blank=True, max_length=200, verbose_name='your name as senders see it')),
                        ('from_address', models.EmailField(max_length=254, verbose_name='your email address')),
                        ('tested_at', models.DateTimeField(blank=True, null=True)),
                        ('test_ok', models.BooleanField(blank=True, null=True)),
                        ('test_result', models.CharField(blank=True, max_length=500)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='mail_account', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'mail account',
                        'constraints': [models.CheckConstraint(condition=models.Q(('security__in', ['starttls', 'tls', 'none'])), name='delivery_mailaccount_security_known')],
                    },
                ),
                migrations.CreateModel(
                    name='OutgoingEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.CharField(help_text='Comma-separated addresses.', max_length=1000)),
                        ('cc', models.CharField(blank=True, max_length=1000)),
                        ('subject', models.CharField(max_length=300)),
                        ('body', models.TextField(max_length=20000)),
                        ('message_id', models.CharField(max_length=255, unique=True)),
                        ('in_reply_to', models.CharField(blank=True, max_length=255)),
                        ('references', models.TextField(blank=True)),
                        ('state', models.CharField(choices=[('pending', 'Waiting to be sent'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Not sent'), ('uncertain', 'Not confirmed'), ('cancelled', 'Cancelled')], default='pending', max_length=10)),
                        ('due_at', models.DateTimeField()),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('last_error', models.TextField(blank=True)),
                        ('lease_until', models.DateTimeField(blank=True, null=True)),
                        ('claimed_by', models.CharField(blank=True, max_length=200)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('event_type', models.CharField(blank=True, choices=[('thank_you_sent', 'Thank-you email sent'), ('letter_sent', 'Letter posted'), ('check_in_sent', 'Checked in'), ('call_no_answer', 'Call not answered'), ('reply', 'They replied'), ('other_offer', 'Another offer'), ('next_round', 'Next round arranged'), ('offer', 'Offer'), ('rejection', 'Rejection'), ('withdrawn', 'Withdrew'), ('snoozed', 'Snoozed'), ('out_of_office', 'Away (automatic reply)')], max_length=20)),
                        ('promised_next', models.DateField(blank=True, null=True, verbose_name='promised to check back on')),
                        ('application', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='outgoing_emails', to='tracker.application')),
                        ('draft', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='outgoing_emails', to='tracker.draft')),
                        ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='outgoing_emails', to='tracker.event')),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outgoing_emails', to=settings.AUTH_USER_MODEL)),
                        ('retry_of', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='retries', to='outbox.outgoingemail')),
                    ],
                    options={
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(condition=models.Q(('state', 'pending')), fields=['due_at'], name='delivery_email_due_pending'), models.Index(condition=models.Q(('state', 'sending')), fields=['lease_until'], name='delivery_email_lease_sending'), models.Index(fields=['owner', 'created_at'], name='delivery_email_owner_created'), models.Index(fields=['application', 'sent_at'], name='delivery_email_app_sent')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('state__in', ['pending', 'sending', 'sent', 'uncertain'])), fields=('draft',), name='delivery_email_one_live_per_draft'), models.CheckConstraint(condition=models.Q(('state__in', ['pending', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'])), name='delivery_email_state_known')],
                    },
                ),
                migrations.AlterModelTable(name='mailaccount', table='delivery_mailaccount'),
                migrations.AlterModelTable(name='outgoingemail', table='delivery_outgoingemail'),
            ],
            database_operations=[],
        ),
    ]
