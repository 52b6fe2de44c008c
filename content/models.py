"""Public pages: home, standard pages, news and best practices.

Each locale has its own page tree (Wagtail i18n); wagtail-localize keeps the
non-text fields of translations in step with their source page.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from content.feeds import NewsFeed
from content.forms import BestPracticeFilterForm
from content.queries import listed_in_every_language, one_version_each
from portal.core.blocks import BodyBlock
from portal.core.pictures import PagePicture, attach_renditions, paginate_pictures, picture_panel
from training.queries import upcoming_seminars

INDEX_PAGE_SIZE = 10


class HomePage(Page):
    hero_title = models.CharField(_("headline"), max_length=200)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.StandardPage",
        "content.NewsIndexPage",
        "content.BestPracticeIndexPage",
        "training.TrainingLibraryPage",
        "training.SeminarIndexPage",
    ]

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = attach_renditions(
            one_version_each(NewsPage.objects.live().public(), locale_id=self.locale_id)
            .select_related("image")
            .order_by("-date", "-pk")[:3]
        )
        context["featured_practices"] = attach_renditions(
            one_version_each(BestPracticePage.objects.live().public(), locale_id=self.locale_id)
            .select_related("image")
            .order_by("-featured", "-date", "-pk")[:3]
        )
        context["upcoming_seminars"] = upcoming_seminars(locale_id=self.locale_id)
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NewsPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        """Every article of the network once, in this index's language where translated."""
        return (
            listed_in_every_language(NewsPage, self)
            .select_related("image")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    @path("")
    def index(self, request):
        articles = self.articles()
        tag = request.GET.get("tag", "").strip()
        if tag:
            articles = articles.filter(tags__slug=tag)
        return self.render(
            request,
            context_overrides={
                "articles": paginate_pictures(articles, page=request.GET.get("page"), per_page=INDEX_PAGE_SIZE),
                "active_tag": tag,
                "tags": NewsPageTag.used_by(self.articles()),
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("content.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)

    @classmethod
    def used_by(cls, articles):
        """Tags used by the given articles."""
        return (
            Tag.objects.filter(content_newspagetag_items__content_object__in=articles.values("pk"))
            .distinct()
            .order_by("name")
        )


class NewsPage(PagePicture, Page):
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["content.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        picture_panel(),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("image")]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class BestPracticeIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.BestPracticePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("best-practice index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = listed_in_every_language(BestPracticePage, self).select_related("image")
        form = BestPracticeFilterForm(request.GET or None, stories=stories)
        if form.is_valid():
            stories = form.filter(stories)
        context["filter_form"] = form
        context["stories"] = paginate_pictures(
            stories.order_by("-date", "-pk"), page=request.GET.get("page"), per_page=INDEX_PAGE_SIZE
        )
        return context


class BestPracticePage(PagePicture, Page):
    cluster_name = models.CharField(_("cluster"), max_length=200)
    country = CountryField(_("country"))
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    date = models.DateField(_("date"))
    featured = models.BooleanField(_("featured on the home page"), default=False)
    summary = models.TextField(_("summary"), max_length=500)
    challenge = RichTextField(_("the challenge"), features=["bold", "italic", "link", "ul", "ol"])
    approach = RichTextField(_("what they did"), features=["bold", "italic", "link", "ul", "ol"])
    results = RichTextField(_("results"), features=["bold", "italic", "link", "ul", "ol"])
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    topics = ParentalManyToManyField(
        "mobility.Indicator",
        verbose_name=_("indicators addressed"),
        blank=True,
        related_name="best_practices",
        help_text=_("The benchmark indicators this story shows how to improve."),
    )
    cluster = models.ForeignKey(
        "mobility.Cluster",
        verbose_name=_("cluster in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="best_practices",
    )

    parent_page_types = ["content.BestPracticeIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("cluster_name"), FieldPanel("cluster"), FieldPanel("country"), FieldPanel("sector")],
            heading=_("Cluster"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("date"),
        FieldPanel("featured"),
        FieldPanel("summary"),
        picture_panel(),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("cluster_name"),
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.FilterField("country"),
        index.FilterField("sector"),
    ]
    override_translatable_fields = [
        SynchronizedField("country"),
        SynchronizedField("date"),
        SynchronizedField("featured"),
        SynchronizedField("image"),
        SynchronizedField("contact_email"),
        SynchronizedField("topics"),
        SynchronizedField("cluster"),
    ]

    class Meta:
        verbose_name = _("best-practice story")
        verbose_name_plural = _("best-practice stories")


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's text, one per locale."""

    body = RichTextField(_("footer text"), features=["bold", "italic", "link"])
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [FieldPanel("body"), FieldPanel("contact_email")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return _("Footer text (%(language)s)") % {"language": self.locale.get_display_name()}
