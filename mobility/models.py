"""Clusters, benchmarks, matching and study visits (see DESIGN.md 4.1-4.4).

Translated labels (names, descriptions) use django-modeltranslation: see
`mobility/translation.py`; every field falls back to English.
"""

import enum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mobility import limits
from mobility.codes import validate_cluster_code
from portal.core.ratings import Rating


class Dimension(models.Model):
    """One of the six areas of the benchmarking methodology, e.g. FIN."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self):
        return f"{self.code} {self.name}"


# The one order of the indicator set: by dimension, then indicator position (DESIGN 4.2).
INDICATOR_ORDER = ("dimension__position", "dimension__code", "position", "code")


def indicator_order(through=""):
    """INDICATOR_ORDER for a query that reaches indicators through `through` (e.g. "indicator__")."""
    return [through + field for field in INDICATOR_ORDER]


class IndicatorQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by(*INDICATOR_ORDER)


class Indicator(models.Model):
    """One benchmark indicator, e.g. FIN.2 share of private funding."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = list(INDICATOR_ORDER)
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.code} {self.name}"


class ClusterQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The clusters `user` is an approved manager of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=ClusterMembership.objects.approved_managers().filter(user=user).values("cluster_id"))


class Sector(models.Model):
    """A sector ("comparative portfolio") clusters work in, named in every language.

    Filters, statistics and matching go by `code`, which is the same in every
    language; only `name` is translated (falling back to English).
    """

    code = models.SlugField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name


class Region(models.Model):
    """A region of one country, named in every language (the national official name in its own)."""

    country = CountryField(_("country"))
    code = models.SlugField(_("code"), max_length=120)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["country", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [models.UniqueConstraint(fields=["country", "code"], name="region_code_unique_per_country")]

    def __str__(self):
        return self.name


class Cluster(models.Model):
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[validate_cluster_code],
        help_text=_("Stable code, e.g. CZ-007."),
    )
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="clusters", null=True, blank=True
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="clusters", null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_('Language codes, e.g. ["cs", "en"].')
    )
    is_public = models.BooleanField(_("shown in the public directory"), default=True)
    # Uploaded by the cluster's managers (mobility.logos); a monogram stands in until then.
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        indexes = [models.Index(fields=["country", "sector"])]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def clean(self):
        if self.region_id and self.country and self.region.country != self.country:
            raise ValidationError({"region": _("This region lies in another country. Choose one of this country.")})


class MatchingConsentQuerySet(models.QuerySet):
    def active(self):
        """Consents in force: given and not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class MatchingConsent(models.Model):
    """A cluster's agreement to be offered as a host in peer matching (DESIGN.md 4.3).

    Given by one of its managers, or recorded by an analyst from the cluster's
    written consent. Withdrawing keeps the row (who and when) as the record; a
    new consent is a new row. Written only through `mobility.services.set_matching_consent`.
    """

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="matching_consents"
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    given_at = models.DateTimeField(_("given at"))
    written = models.BooleanField(
        _("recorded from written consent"),
        default=False,
        help_text=_("An analyst recorded the cluster's written consent on its behalf."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = MatchingConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("matching consent")
        verbose_name_plural = _("matching consents")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_matching_consent_per_cluster",
            )
        ]

    def __str__(self):
        return f"{self.cluster.code} ({self.given_at:%Y-%m-%d})"


class MembershipRole(models.TextChoices):
    MANAGER = "manager", _("manager")
    MEMBER = "member", _("member")


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    APPROVED = "approved", _("approved")
    DECLINED = "declined", _("declined")


class ClusterMembershipQuerySet(models.QuerySet):
    def approved_managers(self):
        """Memberships that make their user a manager of the cluster (the only ones who see its results)."""
        return self.filter(role=MembershipRole.MANAGER, status=MembershipStatus.APPROVED)


class ClusterMembership(models.Model):
    """A user's link to a cluster. Only approved managers see the cluster's results."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="cluster_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MANAGER)
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ClusterMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        constraints = [models.UniqueConstraint(fields=["cluster", "user"], name="one_membership_per_user_and_cluster")]

    def __str__(self):
        return f"{self.user} @ {self.cluster.code} ({self.role}, {self.status})"


class BenchmarkEdition(models.Model):
    """A benchmarking round, e.g. 2012 or 2014."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        ordering = ["date", "name"]
        verbose_name = _("benchmark edition")
        verbose_name_plural = _("benchmark editions")

    def __str__(self):
        return self.name


class BenchmarkResult(models.Model):
    """One cluster benchmarked in one edition. Confidential: see DESIGN.md 4.1."""

    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="results")
    edition = models.ForeignKey(
        BenchmarkEdition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="results"
    )
    benchmarked_on = models.DateField(_("benchmarked on"), null=True, blank=True)

    class Meta:
        ordering = ["cluster", "edition__date", "edition__name"]
        verbose_name = _("benchmark result")
        verbose_name_plural = _("benchmark results")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "edition"], name="one_result_per_cluster_and_edition")
        ]

    def __str__(self):
        return f"{self.cluster.code} {self.edition.name}"


class Score(models.Model):
    result = models.ForeignKey(
        BenchmarkResult, verbose_name=_("result"), on_delete=models.CASCADE, related_name="scores"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="scores"
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["result", "indicator"], name="one_score_per_result_and_indicator"),
            models.CheckConstraint(condition=models.Q(rating__in=[0, 1, 2]), name="rating_is_red_yellow_or_green"),
        ]

    def __str__(self):
        return f"{self.result} {self.indicator.code}: {self.get_rating_display()}"


class LabelLevel(models.TextChoices):
    BRONZE = "bronze", _("Bronze")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")


class Label(models.Model):
    """A cluster management excellence label; public, unlike the detailed results."""

    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="labels")
    level = models.CharField(_("level"), max_length=10, choices=LabelLevel.choices)
    awarded_on = models.DateField(_("awarded on"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        ordering = ["-awarded_on"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "level", "awarded_on"], name="one_label_per_cluster_level_date"),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("awarded_on")), name="label_valid_after_award"
            ),
        ]

    def __str__(self):
        return f"{self.cluster.code} {self.get_level_display()} ({self.awarded_on})"


class StudyVisitOffer(models.Model):
    """A host cluster's invitation to visit it, on the topics it is strong in."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("host cluster"), on_delete=models.CASCADE, related_name="offers"
    )
    title = models.CharField(_("title"), max_length=200)
    programme = models.TextField(_("programme"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200)
    places = models.PositiveSmallIntegerField(_("places"), help_text=_("How many visitors the host can receive."))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    topics = models.ManyToManyField(Indicator, verbose_name=_("topics"), related_name="offers", blank=True)
    request_deadline = models.DateField(_("request deadline"))
    is_open = models.BooleanField(_("open for requests"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("study-visit offer")
        verbose_name_plural = _("study-visit offers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="offer_ends_after_start"
            ),
            models.CheckConstraint(condition=models.Q(places__gte=1), name="offer_has_places"),
        ]

    def __str__(self):
        return self.title


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")
    COMPLETED = "completed", _("completed")

    # Groups the services, queries and templates ask (the transitions themselves are in mobility.visits.rules).
    # Still open: one of these per visiting cluster and offer at a time.
    ACTIVE = enum.nonmember(("requested", "accepted"))
    # Takes places on the offer and stands in both sides' calendars.
    TAKES_PLACE = enum.nonmember(("accepted", "completed"))


class StudyVisitBooking(models.Model):
    """A visiting cluster's request for a place on an offer. See DESIGN.md 4.4 for the states."""

    offer = models.ForeignKey(
        StudyVisitOffer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="bookings"
    )
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("visiting cluster"), on_delete=models.CASCADE, related_name="bookings"
    )
    # Kept when the person's account is deleted (the booking is the cluster's).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    participants = models.PositiveSmallIntegerField(_("participants"))
    focus_indicators = models.ManyToManyField(
        Indicator, verbose_name=_("focus indicators"), related_name="focused_bookings", blank=True
    )
    message = models.TextField(_("message"), blank=True, max_length=limits.MESSAGE)
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    # The host's manager who accepted: the ORGANIZER of every invitation and cancellation (RFC 5546).
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Raised on every change of the calendar entry (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("study-visit booking")
        verbose_name_plural = _("study-visit bookings")
        constraints = [models.CheckConstraint(condition=models.Q(participants__gte=1), name="booking_has_participants")]

    def __str__(self):
        return f"{self.cluster.code} -> {self.offer} ({self.status})"


class VisitReport(models.Model):
    """What the visitors learned; optionally shared with the host."""

    booking = models.OneToOneField(
        StudyVisitBooking, verbose_name=_("booking"), on_delete=models.CASCADE, related_name="report"
    )
    learned = models.TextField(_("what we learned"), max_length=limits.REPORT)
    shared_with_host = models.BooleanField(_("shared with the host"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("visit report")
        verbose_name_plural = _("visit reports")

    def __str__(self):
        return str(self.booking)


class ImprovementAction(models.Model):
    """One of up to three actions a report commits to, each tied to an indicator."""

    report = models.ForeignKey(VisitReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="actions")
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+")
    description = models.TextField(_("action"), max_length=limits.ACTION)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")

    def __str__(self):
        return f"{self.indicator.code}: {self.description[:40]}"


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("checking the file")
    READY = "ready", _("waiting for confirmation")
    IMPORTING = "importing", _("importing")
    DONE = "done", _("imported")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class ImportJob(models.Model):
    """One benchmark file on its way through the background import (`mobility.importing.jobs`).

    checking -> ready | failed; ready -> importing | cancelled; importing -> done | failed.
    The job records its progress, the preview, the result and the errors, in
    the language of the analyst who uploaded the file.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    # The uploaded file's name in the default storage, until the job ends.
    stored_file = models.CharField(max_length=255)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKING)
    rows_done = models.PositiveIntegerField(_("lines checked"), default=0)
    rows_total = models.PositiveIntegerField(_("lines in the file"), null=True, blank=True)
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("number of errors"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("benchmark import")
        verbose_name_plural = _("benchmark imports")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def is_running(self):
        """A worker still has something to do (the progress page keeps refreshing itself)."""
        return self.status in (ImportStatus.CHECKING, ImportStatus.IMPORTING)
