"""Cluster logos: uploaded by the cluster's managers, a monogram of the name until then."""

import re
import zlib

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection

# Colour tones of monograms (classes `monogram--tone-0` ... in static/css/site.css).
MONOGRAM_TONES = 6
LOGO_COLLECTION = "Cluster logos"


def monogram(cluster):
    """Up to two initials of the cluster's name and a tone that stays the same for its code."""
    words = re.findall(r"\w+", cluster.name)
    initials = "".join(word[0] for word in words[:2]).upper() or cluster.code[:2]
    return {"initials": initials, "tone": zlib.crc32(cluster.code.encode()) % MONOGRAM_TONES}


def logo_alt(cluster):
    return _("Logo of %(cluster)s") % {"cluster": cluster.name}


def logo_collection():
    """The collection that keeps the logos apart from the editors' pictures in the Wagtail admin."""
    found = Collection.objects.filter(name=LOGO_COLLECTION, depth=2).first()
    return found or Collection.get_first_root_node().add_child(name=LOGO_COLLECTION)


@transaction.atomic
def set_cluster_logo(*, cluster, file, by):
    """Make the uploaded image file the cluster's logo.

    Side effects: a new Wagtail image (uploaded by `by`, in the logos
    collection); the cluster's previous logo image is deleted.
    """
    previous = cluster.logo
    image = get_image_model()(
        title=str(logo_alt(cluster)),
        description=str(logo_alt(cluster)),
        file=file,
        collection=logo_collection(),
        uploaded_by_user=by,
    )
    image.save()
    cluster.logo = image
    cluster.save(update_fields=["logo", "updated_at"])
    if previous is not None:
        previous.delete()
    return image


@transaction.atomic
def remove_cluster_logo(*, cluster):
    """Go back to the monogram. Side effects: the logo image is deleted."""
    previous = cluster.logo
    cluster.logo = None
    cluster.save(update_fields=["logo", "updated_at"])
    if previous is not None:
        previous.delete()
