"""Training materials, seminars, registrations and calendars (see DESIGN.md 4.5, 4.6).

Pages are translated per locale (Wagtail i18n + wagtail-localize). A seminar is
identified across its translations by the page's `translation_key`: its facts
row (`SeminarState`: dates, place, capacity, trainers, registration lock,
calendar SEQUENCE) and its registrations are keyed on it, so every translation
reads the same facts and it does not matter in which language a participant
registers. Translations carry translated text only.

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
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.core.blocks import BodyBlock
from portal.core.pictures import PagePicture, picture_panel
from portal.core.timezones import TIME_ZONE_CHOICES
from training import rules
from training.admin_forms import SeminarPageForm


class MaterialFormat(models.TextChoices):
    SLIDES = "slides", _("Slides")
    HANDBOOK = "handbook", _("Handbook")
    EXERCISE = "exercise", _("Exercise")
    VIDEO = "video", _("Video link")
    CASE_STUDY = "case_study", _("Case study")


class MaterialLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class TrainingLibraryPage(Page):
    """The training library of one language: filters and search over its materials."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["content.HomePage"]
    subpage_types = ["training.TrainingMaterialPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("training library")

    def get_context(self, request, *args, **kwargs):
        from training.queries import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(library=self, params=request.GET))
        return context


class TrainingMaterialPage(PagePicture, Page):
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    format = models.CharField(_("format"), max_length=20, choices=MaterialFormat.choices)
    level = models.CharField(_("level"), max_length=20, choices=MaterialLevel.choices)
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"), null=True, blank=True, help_text=_("How long working through it takes.")
    )
    video_url = models.URLField(_("video link"), blank=True)
    topics = ParentalManyToManyField(
        "mobility.Indicator", verbose_name=_("topics"), blank=True, related_name="training_materials"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_materials",
    )
    trainer_name = models.CharField(
        _("trainer's name"), max_length=200, blank=True, help_text=_("For trainers without an account.")
    )
    country_notes = RichTextField(
        _("notes for this country"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What is different in the country of this translation: laws, funding schemes, examples."),
    )

    parent_page_types = ["training.TrainingLibraryPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        picture_panel(),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("level"), FieldPanel("duration_minutes")]),
                FieldPanel("video_url"),
                FieldPanel("topics"),
                FieldRowPanel([FieldPanel("trainer", permission=rules.ASSIGN_TRAINERS), FieldPanel("trainer_name")]),
            ],
            heading=_("About this material"),
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        FieldPanel("country_notes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("country_notes"),
        index.FilterField("format"),
        index.FilterField("level"),
    ]
    # Documents are TranslatableMixin children: every translation keeps its own.
    override_translatable_fields = [
        SynchronizedField("format"),
        SynchronizedField("level"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("video_url"),
        SynchronizedField("topics"),
        SynchronizedField("trainer"),
        SynchronizedField("trainer_name"),
        SynchronizedField("image"),
    ]

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")

    def permissions_for_user(self, user):
        return rules.AssignedTrainerPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from training.queries import material_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(material_page_context(material=self))
        return context

    @property
    def trainer_display(self):
        if self.trainer_id:
            return str(self.trainer)
        return self.trainer_name


class MaterialDocument(TranslatableMixin, Orderable):
    """A downloadable file of one translation of a material (slides, handouts)."""

    page = ParentalKey(TrainingMaterialPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("link text"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title or self.document.title


class SeminarIndexPage(Page):
    """The seminars of one language: upcoming and past, with filters."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["content.HomePage"]
    subpage_types = ["training.SeminarPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("seminar index")

    def get_context(self, request, *args, **kwargs):
        from training.queries import seminar_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(seminar_index_context(index=self, params=request.GET))
        return context


def local_to_utc(day, time, zone_name):
    return datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(zone_name)).astimezone(datetime.UTC)


class SeminarState(models.Model):
    """The one set of facts of a seminar, shared by all its translations.

    Keyed by the pages' `translation_key`: dates, place, language, capacity,
    trainers and the cancelled flag exist here once, so every translation,
    list, feed, e-mail and registration decision reads the same values the
    moment a trainer saves them. Written only by `services.update_seminar_facts`.

    The row is also the registration lock (`select_for_update`): places are
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


# Facts that querysets of SeminarPage may filter and order by, as if they were page fields.
QUERYABLE_FACTS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "time_zone",
    "registration_deadline",
    "venue_name",
    "address",
    "online_url",
    "country",
    "language",
    "capacity",
    "is_cancelled",
    "starts_at",
    "ends_at",
    "registration_closes_at",
)


class SeminarPageQuerySet(PageQuerySet):
    def only(self, *fields):
        # Tree operations (treebeard) load a few columns only; the facts row is not wanted there.
        queryset = self if "facts" in fields else self.select_related(None)
        return super(SeminarPageQuerySet, queryset).only(*fields)


class SeminarPageManager(PageManager.from_queryset(SeminarPageQuerySet)):
    """Every seminar comes with its facts row; `filter(starts_at__gte=...)` reads the row's value."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("facts")
            .annotate(**{name: models.F(f"facts__{name}") for name in QUERYABLE_FACTS})
        )


def fact(name):
    """A page attribute that is the seminar's one value of `name`, whatever the translation."""

    def read(page):
        if not type(page).facts.is_cached(page) and name in page.__dict__.get("loaded_facts", {}):
            return page.loaded_facts[name]
        return getattr(page.facts, name)

    def write(page, value):
        # Also how querysets hand over their annotated copy of the row's value.
        if type(page).facts.is_cached(page):
            setattr(page.facts, name, value)
        else:
            page.__dict__.setdefault("loaded_facts", {})[name] = value

    return property(read, write, doc=f"The seminar's {name} (SeminarState).")


class SeminarPage(PagePicture, Page):
    """One translation of a seminar: its translated text. The facts live in `SeminarState`."""

    summary = models.TextField(_("summary"), max_length=500)
    programme = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    facts = models.ForeignKey(
        SeminarState,
        to_field="translation_key",
        on_delete=models.PROTECT,
        editable=False,
        related_name="pages",
        verbose_name=_("seminar facts"),
    )
    topics = ParentalManyToManyField(
        "mobility.Indicator", verbose_name=_("topics"), blank=True, related_name="seminars"
    )
    related_materials = ParentalManyToManyField(
        "training.TrainingMaterialPage", verbose_name=_("related materials"), blank=True, related_name="seminars"
    )

    objects = SeminarPageManager()

    parent_page_types = ["training.SeminarIndexPage"]
    subpage_types = []

    base_form_class = SeminarPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        picture_panel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url"), FieldPanel("country")],
            heading=_("Place"),
        ),
        FieldRowPanel([FieldPanel("language"), FieldPanel("capacity"), FieldPanel("is_cancelled")]),
        FieldPanel("trainers", permission=rules.ASSIGN_TRAINERS),
        FieldPanel("topics"),
        FieldPanel("related_materials"),
        FieldPanel("programme"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("programme"),
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in ("facts", "topics", "related_materials")
    ] + [SynchronizedField("image")]

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")
        permissions = [("assign_trainers", "Can assign trainers to seminars and training materials")]

    def permissions_for_user(self, user):
        return rules.AssignedTrainerPermissionTester(user, self)

    start_date = fact("start_date")
    start_time = fact("start_time")
    end_date = fact("end_date")
    end_time = fact("end_time")
    time_zone = fact("time_zone")
    registration_deadline = fact("registration_deadline")
    venue_name = fact("venue_name")
    address = fact("address")
    online_url = fact("online_url")
    country = fact("country")
    language = fact("language")
    capacity = fact("capacity")
    is_cancelled = fact("is_cancelled")
    starts_at = fact("starts_at")
    ends_at = fact("ends_at")
    registration_closes_at = fact("registration_closes_at")

    @property
    def trainers(self):
        return self.facts.trainers

    def get_context(self, request, *args, **kwargs):
        from training.queries import seminar_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(seminar_page_context(seminar=self, user=request.user))
        return context

    def with_content_json(self, content):
        # Revisions saved before the facts moved carry no `facts`: it is always the translation key.
        page = super().with_content_json(content)
        page.facts_id = page.translation_key
        return page

    def save(self, *args, **kwargs):
        self.facts_id = self.translation_key
        return super().save(*args, **kwargs)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def local_registration_closes(self):
        return self.registration_closes_at.astimezone(self.zone)

    @property
    def location(self):
        return ", ".join(part for part in (self.venue_name, self.address) if part) or self.online_url


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


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
