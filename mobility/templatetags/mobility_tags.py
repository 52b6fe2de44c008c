from decimal import Decimal

from django import template
from django.utils import formats

from mobility.network_map import network_map
from mobility.queries import managed_clusters, memberships_of
from mobility.rules import can_see_results

register = template.Library()


@register.simple_tag
def user_memberships(user):
    """The user's cluster memberships with their clusters (for the account page)."""
    if not user.is_authenticated:
        return []
    return list(memberships_of(user=user))


@register.simple_tag
def results_link_clusters(user):
    """The clusters whose results the signed-in user manages (one query; none for anonymous visitors)."""
    if not user.is_authenticated:
        return []
    return list(managed_clusters(user=user).only("code", "name")[:2])


@register.filter
def plain_number(value):
    """A stored value (4 decimal places) without trailing zeros, formatted for the active language."""
    if value is None:
        return "–"
    normalized = value.normalize()
    if normalized.as_tuple().exponent > 0:
        normalized = normalized.quantize(Decimal(1))
    return formats.number_format(normalized, use_l10n=True)


@register.filter
def can_see_results_of(user, cluster):
    return can_see_results(user=user, cluster=cluster)


@register.inclusion_tag("includes/network_map.html")
def network_map_figure(heading_id="network-map"):
    """The map of the partner countries, each linking to the directory filtered by it, with a table twin."""
    return {"map": network_map(), "heading_id": heading_id}
