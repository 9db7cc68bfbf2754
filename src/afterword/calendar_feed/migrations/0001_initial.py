"""The calendar_feed tables, taken over from delivery without touching the database.

The tables were created by delivery's migrations 0001-0005; this records them in calendar_feed's
state under their old names, delivery 0006 lets go of them, and 0002 renames them.
"""

import afterword.calendar_feed.models
import django.db.models.deletion
import django.utils.timezone
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
                    name='CalendarFeed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(default=afterword.calendar_feed.models.new_token, editable=False, max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('token_changed_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_feed', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'calendar feed',
                    },
                ),
                migrations.AlterModelTable(name='calendarfeed', table='delivery_calendarfeed'),
            ],
            database_operations=[],
        ),
    ]
