"""Reads over the translated page trees.

Every language sees the whole network (DESIGN 2): a list shows each item once,
in the visitor's language where a live translation exists, otherwise in its
original language (the first version created).

The functions take the page model as their first argument: the page models
list their children through these reads, so this module cannot import them.
"""

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from wagtail.models import Page

from mobility.models import Indicator


def children_in_every_language(model, index):
    """Live, public `model` pages under `index` or under any of its translations."""
    indexes = Page.objects.filter(translation_key=index.translation_key, depth=index.depth).values("path")
    return (
        model.objects.live()
        .public()
        .filter(depth=index.depth + 1)
        .annotate(parent_path=Substr("path", 1, len(index.path)))
        .filter(parent_path__in=indexes)
    )


def one_version_each(pages, *, locale_id):
    """One version of each page in `pages` (all its language versions): the one in `locale_id`, else the original."""
    versions = pages.model.objects.live().public().filter(translation_key=OuterRef("translation_key"))
    local = versions.filter(locale_id=locale_id).values("pk")[:1]
    original = versions.order_by("pk").values("pk")[:1]
    return (
        pages.annotate(shown_pk=Coalesce(Subquery(local), Subquery(original)))
        .filter(pk=F("shown_pk"))
        .select_related("locale")
    )


def listed_in_every_language(model, index):
    return one_version_each(children_in_every_language(model, index), locale_id=index.locale_id)


# --- For the dashboard --------------------------------------------------------


def storyteller_ids(model):
    """Ids of the clusters in the directory that a live, public `model` (best-practice) page is told by."""
    return set(model.objects.live().public().exclude(cluster=None).values_list("cluster_id", flat=True))


def stories_on(model, *, indicator_ids, cluster_ids, locale_id):
    """Live, public `model` pages on any of `indicator_ids` or told by any of `cluster_ids`, newest first.

    One version of each (in `locale_id`, else the original), with locale,
    cluster and image loaded and topics in indicator order.
    """
    stories = (
        model.objects.live().public().filter(Q(topics__in=list(indicator_ids)) | Q(cluster_id__in=list(cluster_ids)))
    )
    return (
        one_version_each(stories.distinct(), locale_id=locale_id)
        .select_related("cluster", "image")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.in_order()))
        .order_by("-date", "-pk")
    )
