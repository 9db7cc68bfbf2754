"""Root URLs: each feature's pages; staff use /admin/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("afterword.api.urls")),
    path("", include("afterword.calendar_feed.urls")),
    path("", include("afterword.outbox.urls")),
    path("", include("afterword.reminders.urls")),
    path("", include("afterword.inbox.urls")),
    path("", include("afterword.portability.urls")),
    path("", include("afterword.stats.urls")),
    path("", include("afterword.coaching.urls")),
    path("", include("afterword.web.urls")),
]
