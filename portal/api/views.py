"""Django REST framework endpoints: clusters, seminars, offers, statistics, indicator set.

Each view validates its query parameters, calls one query of `portal.api.queries`
and serializes. Language, caching and the rate limit are applied to every
endpoint in `portal.api.urls` (see `portal.api.http`).
"""

import re

from django.http import Http404, JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from portal.api import queries, serializers
from portal.api.http import LANGUAGE_CODES, LANGUAGE_PARAMETER

LANGUAGE = OpenApiParameter(
    LANGUAGE_PARAMETER,
    OpenApiTypes.STR,
    enum=LANGUAGE_CODES,
    description="Language of every text field; untranslated text falls back to English (default: en).",
)
ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="A query parameter is invalid; the body says which."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="No such record or page."),
    429: OpenApiResponse(OpenApiTypes.OBJECT, description="Too many requests; retry after `Retry-After` seconds."),
}


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a JSON 404, as the endpoints answer."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


def whole_number(raw):
    """ASCII digits only: int() would also take " 2", "+2" and "２", which the schema's integer does not."""
    return re.fullmatch(r"[0-9]+", raw) is not None


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    # "last" is DRF's alias for the last page; the schema promises whole numbers only.
    last_page_strings = ()

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not whole_number(raw) or len(raw) > 3 or not 1 <= int(raw) <= self.max_page_size:
            message = _("Give a whole number from 1 to %(maximum)s.") % {"maximum": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def get_page_number(self, request, paginator):
        """A page number as the schema says (1 or more); `?page=` with nothing is an error, not page 1.

        A number past the last page stays DRF's 404 "Invalid page.".
        """
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return 1
        if not whole_number(raw) or not raw.strip("0"):
            raise ValidationError({self.page_query_param: [_("Give a whole number from 1 up.")]})
        if len(raw) > 18:
            # Past any last page; int() refuses thousands of digits.
            raise NotFound(self.invalid_page_message)
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        limits = {self.page_query_param: {"minimum": 1}, self.page_size_query_param: {"minimum": 1, "maximum": 100}}
        for parameter in parameters:
            parameter["schema"].update(limits.get(parameter["name"], {}))
        return parameters


def filters_from(serializer_class, request):
    filters = serializer_class(data=request.query_params)
    filters.is_valid(raise_exception=True)
    return {name: value for name, value in filters.validated_data.items() if value not in ("", None)}


def documented(*, many, serializer, filters=None, summary):
    parameters = [LANGUAGE] + ([filters] if filters else [])
    responses = {200: serializer(many=many), **ERRORS}
    return extend_schema(summary=summary, parameters=parameters, responses=responses)


class ApiViewSet(viewsets.GenericViewSet):
    pagination_class = Pagination

    def context(self):
        return {"request": self.request}


@extend_schema_view(
    list=documented(
        many=True,
        serializer=serializers.ClusterSerializer,
        filters=serializers.ClusterFilters,
        summary="Public clusters with their profile and labels",
    ),
    retrieve=documented(many=False, serializer=serializers.ClusterSerializer, summary="One public cluster"),
)
class ClusterViewSet(ApiViewSet):
    serializer_class = serializers.ClusterSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9-]{1,20}"

    def list(self, request):
        filters = filters_from(serializers.ClusterFilters, request)
        found = queries.clusters(
            search=filters.get("search", "").strip(),
            country=filters.get("country", ""),
            sector=filters.get("sector", ""),
            label=filters.get("label", ""),
            valid_only=filters.get("label_valid", False),
        )
        page = self.paginate_queryset(found)
        return self.get_paginated_response(serializers.ClusterSerializer(page, many=True, context=self.context()).data)

    def retrieve(self, request, code):
        cluster = queries.cluster(code=code)
        if cluster is None:
            raise Http404
        return Response(serializers.ClusterSerializer(cluster, context=self.context()).data)


@extend_schema_view(
    list=documented(
        many=True,
        serializer=serializers.SeminarSerializer,
        filters=serializers.SeminarFilters,
        summary="Seminars (upcoming by default) with their facts and places left",
    ),
    retrieve=documented(many=False, serializer=serializers.SeminarSerializer, summary="One seminar"),
)
class SeminarViewSet(ApiViewSet):
    serializer_class = serializers.SeminarSerializer
    lookup_field = "translation_key"
    lookup_value_regex = "[0-9a-f-]{36}"

    def list(self, request):
        page = self.paginate_queryset(queries.seminars(**filters_from(serializers.SeminarFilters, request)))
        queries.attach_texts(page, language=get_language())
        return self.get_paginated_response(serializers.SeminarSerializer(page, many=True, context=self.context()).data)

    @extend_schema(parameters=[OpenApiParameter("translation_key", OpenApiTypes.UUID, OpenApiParameter.PATH)])
    def retrieve(self, request, translation_key):
        seminar = queries.seminar(translation_key=translation_key)
        if seminar is None:
            raise Http404
        queries.attach_texts([seminar], language=get_language())
        return Response(serializers.SeminarSerializer(seminar, context=self.context()).data)


@extend_schema_view(
    list=documented(
        many=True,
        serializer=serializers.OfferSerializer,
        filters=serializers.OfferFilters,
        summary="Study-visit offers open for requests",
    ),
    retrieve=documented(many=False, serializer=serializers.OfferSerializer, summary="One open study-visit offer"),
)
class OfferViewSet(ApiViewSet):
    serializer_class = serializers.OfferSerializer
    lookup_value_regex = "[0-9]{1,10}"

    def list(self, request):
        page = self.paginate_queryset(queries.offers(**filters_from(serializers.OfferFilters, request)))
        return self.get_paginated_response(serializers.OfferSerializer(page, many=True, context=self.context()).data)

    @extend_schema(parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)])
    def retrieve(self, request, pk):
        offer = queries.offer(pk=int(pk))
        if offer is None:
            raise Http404
        return Response(serializers.OfferSerializer(offer, context=self.context()).data)


@extend_schema_view(
    list=extend_schema(
        summary="Benchmark editions that have statistics, newest first",
        parameters=[LANGUAGE],
        responses={200: serializers.EditionSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="Network statistics of one edition, small groups suppressed as on the statistics page",
        parameters=[LANGUAGE],
        responses={200: serializers.StatisticsSerializer, **ERRORS},
    ),
)
class StatisticsViewSet(ApiViewSet):
    serializer_class = serializers.StatisticsSerializer
    lookup_field = "edition"
    lookup_value_regex = "[^/]{1,50}"
    pagination_class = None

    def list(self, request):
        return Response(serializers.EditionSerializer(queries.editions(), many=True).data)

    def retrieve(self, request, edition):
        found = next((item for item in queries.editions() if item.name == edition), None)
        if found is None:
            raise Http404
        return Response(serializers.StatisticsSerializer(queries.statistics(edition=found)).data)

    @extend_schema(
        summary="Network statistics of the newest edition",
        parameters=[LANGUAGE],
        responses={200: serializers.StatisticsSerializer, **ERRORS},
    )
    def latest(self, request):
        editions = queries.editions()
        if not editions:
            raise Http404
        return Response(serializers.StatisticsSerializer(queries.statistics(edition=editions[0])).data)


@extend_schema_view(
    list=extend_schema(
        summary="The indicator set: dimensions, each with its indicators",
        parameters=[LANGUAGE],
        responses={200: serializers.DimensionSerializer(many=True), **ERRORS},
    )
)
class IndicatorSetViewSet(ApiViewSet):
    serializer_class = serializers.DimensionSerializer
    pagination_class = None

    def list(self, request):
        return Response(serializers.DimensionSerializer(queries.indicator_set(), many=True).data)
