"""The training page types: library and materials, seminar index and seminars (see DESIGN.md 4.5, 4.6).

Pages are translated per locale (Wagtail i18n + wagtail-localize). A seminar
page carries its translated text only; its facts (dates, place, capacity,
trainers) are one `SeminarState` row for all its translations
(training.records), read through the page attributes below.

A page type is also the view of its page: `get_context` validates the page's
filter form and calls one read of training.selectors, handing it the page
querysets it lists.
"""

import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.core.blocks import BodyBlock
from portal.core.pictures import PagePicture, picture_panel
from training import rules, selectors
from training.enums import MaterialFormat, MaterialLevel
from training.forms import LibraryFilterForm, SeminarFilterForm
from training.records import QUERYABLE_FACTS


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
        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.library_context(
                materials=TrainingMaterialPage.objects.live().public(),
                locale_id=self.locale_id,
                form=LibraryFilterForm(request.GET or None),
                page=request.GET.get("page"),
            )
        )
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
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.material_page_context(material=self, seminars=SeminarPage.objects.live().public()))
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
        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.seminar_index_context(
                seminars=SeminarPage.objects.live().public(),
                locale_id=self.locale_id,
                form=SeminarFilterForm(request.GET or None),
                page=request.GET.get("page"),
            )
        )
        return context


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
        "training.SeminarState",
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

    # base_form_class (training.admin_forms.SeminarPageForm) is set in TrainingConfig.ready: the form writes
    # through the services, which read these pages, so this module cannot import it.
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

    @property
    def trainers(self):
        return self.facts.trainers

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.seminar_page_context(
                seminar=self, user=request.user, materials=TrainingMaterialPage.objects.live().public()
            )
        )
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
    def location(self):
        return ", ".join(part for part in (self.venue_name, self.address) if part) or self.online_url


# Every queryable fact reads and writes as a page attribute (`page.capacity`), whatever the translation.
for _name in QUERYABLE_FACTS:
    setattr(SeminarPage, _name, fact(_name))
