"""What the API shows of each record. Field names never say rating, score, value or level:
the public sees labels, profiles and suppressed aggregates only (DESIGN.md 4.1)."""

import re

from django.conf import settings
from django.utils import timezone
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mobility.models import LabelLevel
from portal.api.facts import seminar_facts

LANGUAGES = settings.LANGUAGES


def country_filter(help_text="ISO 3166-1 alpha-2 code, e.g. CZ."):
    # Not trimmed: " CZ" breaks the published pattern, so it is refused rather than read as "CZ".
    return serializers.RegexField(
        r"^[A-Z]{2}\Z", required=False, allow_blank=True, trim_whitespace=False, help_text=help_text
    )


class CountryField(serializers.Field):
    """An ISO 3166-1 alpha-2 code with its name in the language asked for."""

    def to_representation(self, value):
        code = str(value)
        return {"code": code, "name": str(countries.name(code)) if code else ""}


extend_schema_field(
    {
        "type": "object",
        "properties": {"code": {"type": "string", "example": "CZ"}, "name": {"type": "string", "example": "Czechia"}},
        "required": ["code", "name"],
    }
)(CountryField)


class AbsoluteUrlMixin:
    def absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None and path else path


# --- Filters (query parameters) --------------------------------------------------------


def text_filter(max_length, help_text=""):
    """Free text in the query string; the schema says what DRF enforces: no NUL characters.

    The pattern needs one character so that it and "empty" (allow_blank) are
    alternatives the published `oneOf` can tell apart; the text is not trimmed
    so that the schema's maxLength counts what DRF counts.
    """
    return serializers.RegexField(
        r"^[^\x00]+\Z",
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=max_length,
        help_text=help_text,
    )


class PresentMeansGiven:
    """In the query string, a parameter that is present but empty is an error, not "absent"."""

    def get_value(self, dictionary):
        return dictionary.get(self.field_name, serializers.empty)


class QueryDateField(PresentMeansGiven, serializers.DateField):
    """A day exactly as the schema's `format: date` says (YYYY-MM-DD).

    Python also reads "20240101" and "2024-W01-1" as dates; a client sending
    those would rely on something the schema does not promise.
    """

    def to_internal_value(self, value):
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


class QueryBooleanField(PresentMeansGiven, serializers.BooleanField):
    """`true` or `false`, the two spellings of the schema's boolean."""

    def to_internal_value(self, data):
        if data in ("true", "false"):
            return data == "true"
        self.fail("invalid", input=data)


# An empty value means "any", as in the filter forms of the pages.
class ClusterFilters(serializers.Serializer):
    search = text_filter(100, "Part of a name, code, region or sector.")
    country = country_filter()
    sector = text_filter(
        120, "A sector: its code (`sector_code` of a cluster, e.g. food-and-agriculture) or its name in any language."
    )
    label = serializers.ChoiceField(
        choices=LabelLevel.choices, required=False, allow_blank=True, help_text="Has a label of this kind."
    )
    label_valid = QueryBooleanField(required=False, default=False, help_text="Only clusters with a valid label.")


class DateRangeFilters(serializers.Serializer):
    starts_after = QueryDateField(required=False, help_text="Ends on or after this day (YYYY-MM-DD).")
    starts_before = QueryDateField(required=False, help_text="Starts on or before this day (YYYY-MM-DD).")


class SeminarFilters(DateRangeFilters):
    when = serializers.ChoiceField(
        choices=[("upcoming", "upcoming"), ("past", "past"), ("all", "all")],
        required=False,
        allow_blank=True,
        default="upcoming",
    )
    language = serializers.ChoiceField(
        choices=LANGUAGES, required=False, allow_blank=True, help_text="Language of delivery."
    )
    country = country_filter()
    topic = text_filter(12, "Indicator code (FIN.2) or dimension code (FIN).")


class OfferFilters(DateRangeFilters):
    country = country_filter("The host's country (ISO 3166-1 alpha-2).")
    language = serializers.ChoiceField(
        choices=LANGUAGES, required=False, allow_blank=True, help_text="A language of the visit."
    )
    topic = text_filter(12, "Indicator code, e.g. FIN.2.")
    host = text_filter(20, "The host cluster's code.")


# --- Indicator set ------------------------------------------------------------------


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()


class DimensionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    indicators = IndicatorSerializer(many=True, source="indicators.all")


class TopicSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


# --- Clusters ---------------------------------------------------------------------


class LabelSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LabelLevel.choices, source="level")
    name = serializers.CharField(source="get_level_display")
    awarded_on = serializers.DateField()
    valid_until = serializers.DateField()
    is_valid = serializers.SerializerMethodField()

    def get_is_valid(self, label) -> bool:
        return label.valid_until >= self.context.get("today", timezone.localdate())


class ClusterSerializer(AbsoluteUrlMixin, serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    country = CountryField()
    # v1 gave region and sector as text; they stay text (now in the language asked for), and their codes,
    # the same in every language, were added beside them.
    region = serializers.SerializerMethodField()
    region_code = serializers.SerializerMethodField()
    sector = serializers.SerializerMethodField()
    sector_code = serializers.SerializerMethodField()
    website = serializers.CharField()
    description = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    current_label = serializers.SerializerMethodField()
    labels = LabelSerializer(many=True, source="label_list")
    url = serializers.SerializerMethodField()

    def get_region(self, cluster) -> str:
        return str(cluster.region) if cluster.region else ""

    def get_region_code(self, cluster) -> str:
        return cluster.region.code if cluster.region else ""

    def get_sector(self, cluster) -> str:
        return str(cluster.sector) if cluster.sector else ""

    def get_sector_code(self, cluster) -> str:
        return cluster.sector.code if cluster.sector else ""

    @extend_schema_field(LabelSerializer(allow_null=True))
    def get_current_label(self, cluster):
        labels = cluster.label_list
        return LabelSerializer(labels[0], context=self.context).data if labels else None

    def get_url(self, cluster) -> str:
        from django.urls import reverse

        return self.absolute(reverse("mobility:cluster", kwargs={"code": cluster.code}))


# --- Seminars ---------------------------------------------------------------------


class SeminarSerializer(AbsoluteUrlMixin, serializers.Serializer):
    """One seminar: its text in the language asked for (or the nearest one), its one set of facts."""

    id = serializers.UUIDField(source="translation_key", help_text="The same in every language.")
    title = serializers.CharField(source="text.title")
    summary = serializers.CharField(source="text.summary")
    text_language = serializers.CharField(
        source="text.locale.language_code", help_text="The language title and summary are in."
    )
    url = serializers.SerializerMethodField()
    starts_at = serializers.DateTimeField(help_text="With the venue's UTC offset.")
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGES, help_text="Language of delivery.")
    country = CountryField()
    venue_name = serializers.CharField()
    address = serializers.CharField()
    online_url = serializers.CharField()
    capacity = serializers.IntegerField()
    places_left = serializers.IntegerField()
    is_cancelled = serializers.BooleanField()
    topics = TopicSerializer(many=True)
    calendar_url = serializers.SerializerMethodField()

    def to_representation(self, seminar):
        facts = seminar_facts(seminar)
        item = {
            "translation_key": seminar.translation_key,
            "text": seminar.text,
            "seminar": seminar,
            "topics": seminar.topics.all(),
            **{name: getattr(facts, name) for name in facts.__dataclass_fields__ if name != "translation_key"},
        }
        return super().to_representation(item)

    def get_url(self, item) -> str:
        return item["text"].get_full_url(self.context.get("request"))

    def get_calendar_url(self, item) -> str:
        from django.urls import reverse

        path = reverse("calendar:seminar", kwargs={"translation_key": item["translation_key"]})
        return self.absolute(f"{path}?language={item['text'].locale.language_code}")


# --- Study-visit offers -------------------------------------------------------------


class HostSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    country = CountryField()


class OfferSerializer(AbsoluteUrlMixin, serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    programme = serializers.CharField()
    host = HostSerializer(source="cluster")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    place = serializers.CharField()
    places = serializers.IntegerField()
    languages = serializers.ListField(child=serializers.CharField())
    topics = TopicSerializer(many=True, source="topics.all")
    request_deadline = serializers.DateField()
    url = serializers.SerializerMethodField()

    def get_url(self, offer) -> str:
        from django.urls import reverse

        return self.absolute(reverse("visits:offer", kwargs={"pk": offer.pk}))


# --- Statistics ---------------------------------------------------------------------


class ShareGroupSerializer(serializers.Serializer):
    """Shares of red, yellow and green ratings in one group; null when the group is suppressed."""

    country = CountryField(allow_null=True)
    clusters = serializers.IntegerField(
        allow_null=True, help_text="Null for a suppressed group: its size could be subtracted from the totals."
    )
    suppressed = serializers.BooleanField(help_text="True for groups hidden so that no cluster can be recognised.")
    red_percent = serializers.FloatField(allow_null=True)
    yellow_percent = serializers.FloatField(allow_null=True)
    green_percent = serializers.FloatField(allow_null=True)


class DimensionSharesSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    overall = ShareGroupSerializer()
    by_country = ShareGroupSerializer(many=True)


class StatisticsSerializer(serializers.Serializer):
    edition = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    clusters = serializers.IntegerField(allow_null=True, help_text="Null when the whole edition is too small to show.")
    minimum_group_size = serializers.IntegerField()
    dimensions = DimensionSharesSerializer(many=True)


class EditionSerializer(serializers.Serializer):
    name = serializers.CharField()
    date = serializers.DateField(allow_null=True)
