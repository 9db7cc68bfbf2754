"""Root URLs: every page, including the account pages, lives in the web app; staff use /admin/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("afterword.delivery.urls")),
    path("", include("afterword.delivery.inbox.urls")),
    path("", include("afterword.web.urls")),
]
