"""URLs of your data (export, import, spreadsheet) and of adding an interview from an invitation."""

from __future__ import annotations

from django.urls import path

from afterword.portability import views

urlpatterns = [
    path("settings/data/", views.data_page, name="data"),
    path("settings/data/export.json", views.export_json_view, name="export_json"),
    path("settings/data/export-csv.zip", views.export_csv_view, name="export_csv"),
    path("settings/data/import/", views.import_json_view, name="import_json"),
    path("settings/data/spreadsheet/", views.sheet_view, name="import_sheet"),
    path("invitations/new/", views.invitation_page, name="invitation_new"),
    path("invitations/confirm/", views.invitation_confirm, name="invitation_confirm"),
    path("interviews/<int:pk>/cancel/", views.invitation_cancel, name="invitation_cancel"),
]
