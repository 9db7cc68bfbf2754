"""URL of the Stats page."""

from __future__ import annotations

from django.urls import path

from afterword.stats import views

urlpatterns = [path("stats/", views.stats_page, name="stats")]
