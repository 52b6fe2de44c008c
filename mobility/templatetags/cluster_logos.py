from django import template

from mobility.logos import logo_alt, monogram
from mobility.rules import is_manager_of

register = template.Library()


@register.inclusion_tag("mobility/includes/cluster_logo.html")
def cluster_logo(cluster, size="small", eager=False):
    """The cluster's logo as a responsive image (lazily loaded unless `eager`), or its monogram while it has none."""
    return {
        "cluster": cluster,
        "alt": logo_alt(cluster),
        "monogram": None if cluster.logo_id else monogram(cluster),
        "css": f"cluster-logo cluster-logo--{size}",
        "loading": "eager" if eager else "lazy",
    }


@register.filter
def manages(user, cluster):
    """Whether the user is an approved manager of the cluster (who may change its logo)."""
    return is_manager_of(user=user, cluster=cluster)
