"""The records behind the training pages: a seminar's facts, registrations and calendar feed tokens.

A seminar is identified across its translations by the page's
`translation_key`: its facts row (`SeminarState`: dates, place, capacity,
trainers, registration lock, calendar SEQUENCE) and its registrations are keyed
on it, so every translation reads the same facts and it does not matter in
which language a participant registers.

These models live apart from the page types (training.pages) so that the reads
page types call (training.selectors) import them without importing the pages.
Django loads both through training.models.

Seminar dates are entered as local date and time in the venue's time zone; the
aware UTC instants (`starts_at`, `ends_at`, `registration_closes_at`) are derived
on save and used for queries and calendars.
"""

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.core.timezones import TIME_ZONE_CHOICES
from training.enums import RegistrationStatus


def local_to_utc(day, time, zone_name):
    return datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(zone_name)).astimezone(datetime.UTC)


class SeminarState(models.Model):
    """The one set of facts of a seminar, shared by all its translations.

    Keyed by the pages' `translation_key`: dates, place, language, capacity,
    trainers and the cancelled flag exist here once, so every translation,
    list, feed, e-mail and registration decision reads the same values the
    moment a trainer saves them. Written only by `services.update_seminar_facts`.

    The row is also the registration lock (`portal.core.locking`): places are
    counted under one lock per seminar whatever language was used.
    `sequence` is the iCalendar SEQUENCE, raised whenever the schedule or the
    place changes.
    """

    translation_key = models.UUIDField(unique=True)
    start_date = models.DateField(_("first day"))
    start_time = models.TimeField(_("starts at (venue time)"))
    end_date = models.DateField(_("last day"))
    end_time = models.TimeField(_("ends at (venue time)"))
    time_zone = models.CharField(
        _("venue time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default="Europe/Prague"
    )
    registration_deadline = models.DateField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Registration closes at the end of this day (venue time), and in any case when the seminar starts."
        ),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    country = CountryField(_("country"))
    language = models.CharField(_("language of delivery"), max_length=10, choices=settings.LANGUAGES)
    capacity = models.PositiveIntegerField(_("places"))
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="seminars_trained",
        limit_choices_to={"groups__name": "Trainers"},
    )
    # Derived in save() from the local fields above; never edited directly.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)
    registration_closes_at = models.DateTimeField(editable=False)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("seminar facts")
        verbose_name_plural = _("seminar facts")

    def __str__(self):
        return str(self.translation_key)

    def save(self, *args, **kwargs):
        self.derive_instants()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        complete = all((self.start_date, self.end_date, self.start_time, self.end_time, self.time_zone))
        if complete and local_to_utc(self.end_date, self.end_time, self.time_zone) <= local_to_utc(
            self.start_date, self.start_time, self.time_zone
        ):
            raise ValidationError({"end_time": _("The seminar must end after it starts.")})
        if self.registration_deadline and self.start_date and self.registration_deadline > self.start_date:
            raise ValidationError(
                {"registration_deadline": _("The registration deadline cannot be after the first day.")}
            )
        if not (self.venue_name or self.online_url):
            raise ValidationError({"venue_name": _("Give a venue or an online link.")})

    def derive_instants(self):
        self.starts_at = local_to_utc(self.start_date, self.start_time, self.time_zone)
        self.ends_at = local_to_utc(self.end_date, self.end_time, self.time_zone)
        closes = self.starts_at
        if self.registration_deadline:
            end_of_day = local_to_utc(
                self.registration_deadline + datetime.timedelta(days=1), datetime.time(0), self.time_zone
            )
            closes = min(closes, end_of_day)
        self.registration_closes_at = closes


# What a trainer enters (the seminar page's form shows these), in the model's field order:
# every concrete field except the key, the calendar SEQUENCE kept by the services and the
# derived instants. The trainers (many-to-many) are handled apart.
ENTERED_FACTS = tuple(
    field.name
    for field in SeminarState._meta.concrete_fields
    if field.editable and field.name not in ("id", "translation_key", "sequence")
)
DERIVED_FACTS = ("starts_at", "ends_at", "registration_closes_at")
# Facts that querysets of SeminarPage may filter and order by, as if they were page fields.
QUERYABLE_FACTS = ENTERED_FACTS + DERIVED_FACTS


class RegistrationQuerySet(models.QuerySet):
    def holding_place(self):
        """Registrations that take one of their seminar's places (`RegistrationStatus.HOLDS_PLACE`)."""
        return self.filter(status__in=RegistrationStatus.HOLDS_PLACE)

    def active(self):
        """Registrations of people still coming or waiting (`RegistrationStatus.ACTIVE`)."""
        return self.filter(status__in=RegistrationStatus.ACTIVE)


class Registration(models.Model):
    """One person's place (or place in the queue) at one seminar, in any of its languages.

    `seminar_key` is the seminar's translation_key. One row per person and
    seminar: registering again after a cancellation reuses it. `revision`
    counts the person's own changes, so calendar entries can raise SEQUENCE.
    """

    seminar_key = models.UUIDField(_("seminar"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(_("registered at"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["seminar_key", "user"], name="training_one_registration_per_seminar")
        ]
        indexes = [models.Index(fields=["seminar_key", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} – {self.seminar_key} ({self.status})"


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The secret in the URL of a user's personal calendar feed. Deleting it revokes the feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self):
        return f"{self.user}"
