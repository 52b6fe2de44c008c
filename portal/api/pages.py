"""Published pages through Wagtail's own API (`wagtail.api.v2`): news, best-practice
stories, training materials and seminar pages.

The listing shows one page per piece of content in the language asked for
(`?lang=`), or, where it has no translation yet, in English or its original
language, as the site's lists do. A page's detail is reachable by its id in any
language. Seminar facts (dates, places) are at /api/v1/seminars/.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from content.models import BestPracticePage, NewsPage
from portal.api import serializers as api_serializers
from portal.api.views import ERRORS, LANGUAGE, whole_number
from training.models import SeminarPage, TrainingMaterialPage

DEFAULT_LANGUAGE = "en"


class TopicsField(serializers.Field):
    def to_representation(self, topics):
        return [{"code": topic.code, "name": topic.name} for topic in topics.all()]


class StreamHTMLField(serializers.Field):
    """A StreamField as the HTML the page shows, so a partner's site can show it as it is."""

    def to_representation(self, stream):
        return str(stream.render_as_block())


def _html(name):
    return APIField(name, serializer=StreamHTMLField())


def _topics():
    return APIField("topics", serializer=TopicsField())


def _country():
    return APIField("country", serializer=api_serializers.CountryField())


# The fields each page type shows besides title and meta; nothing about people or results.
PAGE_FIELDS = {
    NewsPage: ["date", "summary", _html("body"), "tags"],
    BestPracticePage: [
        "cluster_name",
        _country(),
        "sector",
        "date",
        "summary",
        "challenge",
        "approach",
        "results",
        _topics(),
    ],
    # "difficulty", not "level": no API field is named like a benchmark rating.
    TrainingMaterialPage: [
        "summary",
        _html("body"),
        "format",
        APIField("difficulty", serializer=serializers.CharField(source="level")),
        "duration_minutes",
        "video_url",
        _topics(),
    ],
    SeminarPage: ["summary", _html("programme"), _topics()],
}
PAGE_TYPES = {f"{model._meta.app_label}.{model.__name__}": model for model in PAGE_FIELDS}


def pages_in_language(language, models=tuple(PAGE_FIELDS)):
    """Live public pages of `models`, one per translation_key: in `language`, else English, else the first one."""
    pages = Page.objects.live().public().type(*models)
    same_key = pages.filter(translation_key=OuterRef("translation_key"))
    in_language = Exists(same_key.filter(locale__language_code=language))
    in_default = Exists(same_key.filter(locale__language_code=DEFAULT_LANGUAGE))
    first = Subquery(same_key.order_by("pk").values("pk")[:1])
    return pages.filter(
        Q(locale__language_code=language)
        | (~in_language & Q(locale__language_code=DEFAULT_LANGUAGE))
        | (~in_language & ~in_default & Q(pk=first))
    ).select_related("locale")


# Past any real number of pages, and small enough for every database's integers.
MAX_OFFSET = 10**9


class Pagination(WagtailPagination):
    """Wagtail's limit/offset, read as strictly as the schema states them.

    Wagtail's own int() takes " 5" and "５", and hands the database any offset,
    which PostgreSQL refuses past its bigint (a 500).
    """

    def paginate_queryset(self, queryset, request, view=None):
        for name, maximum in (("offset", MAX_OFFSET), ("limit", settings.WAGTAILAPI_LIMIT_MAX)):
            raw = request.GET.get(name)
            if raw is not None and not (whole_number(raw) and len(raw) <= 10 and int(raw) <= maximum):
                message = _("%(parameter)s must be a whole number from 0 to %(maximum)s.")
                raise BadRequestError(message % {"parameter": name, "maximum": maximum})
        return super().paginate_queryset(queryset, request, view)


class PageListingParameters(serializers.Serializer):
    type = serializers.ChoiceField(choices=list(PAGE_TYPES), required=False, help_text="One page type.")
    limit = serializers.IntegerField(
        min_value=0, max_value=settings.WAGTAILAPI_LIMIT_MAX, default=20, help_text="Pages per answer."
    )
    offset = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, default=0)
    order = serializers.ChoiceField(
        choices=["title", "-title", "first_published_at", "-first_published_at"], required=False
    )


class PageMetaSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=list(PAGE_TYPES))
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)
    slug = serializers.CharField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    locale = serializers.CharField(help_text="The language this page's text is in.")


class PageSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meta = PageMetaSerializer()
    title = serializers.CharField()


class PageListingMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()


class PageListingSerializer(serializers.Serializer):
    meta = PageListingMetaSerializer()
    items = PageSummarySerializer(many=True)


class PageDetailSerializer(PageSummarySerializer):
    """Title and meta, plus the fields of the page's type (see docs/api.md)."""

    summary = serializers.CharField(required=False)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    pagination_class = Pagination
    serializer_class = PageDetailSerializer
    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "type", "lang", "rich_text_format", "format", "_"]
    )

    @extend_schema(
        operation_id="pages_list",
        summary="Published pages, one per piece of content, in the language asked for",
        parameters=[LANGUAGE, PageListingParameters],
        responses={200: PageListingSerializer, **ERRORS},
    )
    def listing_view(self, request):
        for name in ("type", "order"):
            if name in request.GET and not request.GET[name]:
                raise BadRequestError(f"{name} must not be empty")
        return super().listing_view(request)

    @extend_schema(
        operation_id="pages_retrieve",
        summary="One published page with the fields of its type",
        parameters=[LANGUAGE],
        responses={200: PageDetailSerializer, **ERRORS},
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(exclude=True)
    def find_view(self, request):
        return super().find_view(request)

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + PAGE_FIELDS.get(model, []))

    def get_base_queryset(self):
        if self.action == "listing_view":
            return pages_in_language(get_language())
        return Page.objects.live().public().type(*PAGE_FIELDS).select_related("locale")

    def get_queryset(self):
        if "type" not in self.request.GET:
            return self.get_base_queryset()
        model = PAGE_TYPES.get(self.request.GET["type"])
        if model is None:
            raise BadRequestError("type must be one of: " + ", ".join(PAGE_TYPES))
        return model.objects.filter(pk__in=self.get_base_queryset().values("pk")).select_related("locale")


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
