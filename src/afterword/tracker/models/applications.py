"""An application to one employer, the people met there and the interviews (rounds) held."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from afterword.tracker.models.choices import EmployerStyle, PreferredChannel, Status
from afterword.tracker.validators import subdivision_error, validate_country, validate_timezone


class Application(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    employer = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    job_code = models.CharField(
        "job code", max_length=100, blank=True, help_text="Requisition or reference number."
    )
    employer_timezone = models.CharField(
        "employer's time zone", max_length=64, default="UTC", validators=[validate_timezone]
    )
    employer_country = models.CharField(
        "employer's country", max_length=3, default="US", validators=[validate_country]
    )
    employer_subdivision = models.CharField("employer's state or region", max_length=10, blank=True)
    employer_style = models.CharField(
        "how formal the employer is",
        max_length=10,
        choices=EmployerStyle,
        default=EmployerStyle.UNKNOWN,
    )
    # The fields below are written by the re-planning service only, never by forms.
    status = models.CharField(max_length=20, choices=Status, default=Status.WAITING)
    plan_notes = models.JSONField(default=list, blank=True)
    planned_at = models.DateTimeField(null=True, blank=True)
    # Put away by the user: kept with its history, but nothing is planned, reminded or sent for
    # it until it is restored (tracker/services/archive.py).
    archived_at = models.DateTimeField("archived", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "status"], name="tracker_app_owner_status")]

    def __str__(self) -> str:
        return f"{self.role} at {self.employer}" if self.role else self.employer

    def clean(self) -> None:
        error = subdivision_error(self.employer_country, self.employer_subdivision)
        if error is not None:
            raise ValidationError({"employer_subdivision": error})


class Interviewer(models.Model):
    """A person met during the application; the same row is reused when they appear again."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviewers"
    )
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    address = models.TextField(
        "postal address", max_length=500, blank=True, help_text="Needed for printed letters."
    )
    is_primary = models.BooleanField(
        "main contact", default=False, help_text="Check-ins go to this person."
    )
    emphasised = models.TextField(
        "what they cared about",
        max_length=2000,
        blank=True,
        help_text="What this person emphasised; their thank-you note picks it up.",
    )
    salutation = models.CharField(
        "how to greet them",
        max_length=80,
        blank=True,
        help_text="As in “Dear Dr Brandt” or “Hi Sam”; empty: from the title and the tone.",
    )
    # Set by the inbox watcher when mail to ``email`` bounced; cleared when the address changes.
    email_bounced_at = models.DateTimeField("mail to this address bounced", null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        # As a deletion's confirmation page counts them: "3 people".
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name

    @property
    def case_id(self) -> str:
        return f"p{self.pk}"


class Interview(models.Model):
    """One round, with the answers of the capture checklist (docs/GUIDANCE.md C1-C4)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    round = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    interviewers = models.ManyToManyField(Interviewer, related_name="interviews", blank=True)
    # C1: when they decide. The phrase is kept so the user sees what they typed.
    decision_by = models.DateField("decision expected by", null=True, blank=True)
    decision_phrase = models.CharField("what they said", max_length=200, blank=True)
    # C2: how and when to follow up.
    agreed_follow_up = models.DateField("agreed follow-up date", null=True, blank=True)
    still_interviewing_others = models.BooleanField(null=True, blank=True)
    preferred_channel = models.CharField(max_length=10, choices=PreferredChannel, blank=True)
    # C4: material for the thank-you notes.
    emphasised = models.TextField("what they emphasised", max_length=2000, blank=True)
    forgot = models.TextField("what you forgot to say", max_length=2000, blank=True)
    to_clarify = models.TextField("what to clarify", max_length=2000, blank=True)
    next_steps = models.TextField("next steps they described", max_length=2000, blank=True)
    # Who gets the forgotten / to-clarify points; empty: chosen by what the point is about
    # (drafting/routing.py). A person removed later leaves it empty, never pointing elsewhere.
    forgot_for = models.ForeignKey(
        Interviewer,
        verbose_name="forgotten points go to",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forgotten_points",
    )
    to_clarify_for = models.ForeignKey(
        Interviewer,
        verbose_name="points to clarify go to",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="points_to_clarify",
    )

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="tracker_interview_end_after_start",
                violation_error_message="The interview must end after it starts.",
            )
        ]

    def __str__(self) -> str:
        return f"Round {self.round} at {self.application.employer}"

    @property
    def case_id(self) -> str:
        return f"i{self.pk}"

    def clean(self) -> None:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValidationError({"end": "The interview must end after it starts."})
