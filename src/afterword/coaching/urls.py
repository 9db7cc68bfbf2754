"""URLs of the career-centre pages, all under /coaching/."""

from __future__ import annotations

from django.urls import path

from afterword.coaching.views import coach, membership, student

urlpatterns = [
    path("coaching/", membership.hub, name="coaching_hub"),
    path("coaching/join/", membership.join, name="coaching_join"),
    path("coaching/orgs/<int:pk>/", membership.organisation, name="coaching_organisation"),
    path(
        "coaching/invitations/<int:pk>/withdraw/",
        membership.invitation_withdraw,
        name="coaching_invitation_withdraw",
    ),
    path(
        "coaching/orgs/<int:pk>/statistics/",
        coach.organisation_statistics_page,
        name="coaching_statistics",
    ),
    path("coaching/consent/", student.consent_page, name="coaching_consent"),
    path("coaching/consent/<int:pk>/revoke/", student.consent_revoke, name="coaching_revoke"),
    path(
        "coaching/memberships/<int:pk>/statistics/",
        student.statistics_choice,
        name="coaching_statistics_choice",
    ),
    path("coaching/access-log/", student.access_log, name="coaching_access_log"),
    path("coaching/notes/<int:pk>/dismiss/", student.note_dismiss, name="coaching_note_dismiss"),
    path("coaching/cohort/", coach.cohort, name="coaching_cohort"),
    path("coaching/cohort.csv", coach.cohort_csv, name="coaching_cohort_csv"),
    path("coaching/students/<int:pk>/", coach.student, name="coaching_student"),
]
