"""Pictures of pages and records: one image field with its description, and the renditions lists show.

Lists load the renditions their templates ask for, named here, in one
query (`attach_renditions`), however many items they show.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from portal.core.pagination import PER_PAGE, paginate

# Cards: 16:9 (cropped around the focal point if a picture has another shape), as WebP;
# the spec of includes/card_picture.html.
CARD_SPEC = "fill-{480x270,960x540} format-webp"
# Logos: scaled to fit, never cropped (mobility/includes/cluster_logo.html).
LOGO_SPEC = "max-{96x96,192x192} format-webp"
# Sharing previews (Open Graph) want a JPEG of 1200 x 630.
SHARE_SPEC = "fill-1200x630|format-jpeg"
# A shared cluster profile shows its logo whole.
LOGO_SHARE_SPEC = "max-600x600|format-png"


def rendition_specs(*specs):
    """The filter specs as stored on renditions, e.g. 'fill-480x270|format-webp'."""
    return [expanded for spec in specs for expanded in Filter.expand_spec(spec)]


def attach_renditions(items, *, field="image", specs=(CARD_SPEC,)):
    """Load the renditions for `specs` of the items' pictures in one query; returns `items`.

    The items (of one model, their picture select_related) are asked for by
    primary key, so the query runs whether or not any item has a picture and
    a list costs the same number of queries whatever it shows.
    """
    items = list(items)
    if not items:
        return items
    pictured = type(items[0])._base_manager.filter(pk__in=[item.pk for item in items]).values(f"{field}_id")
    renditions = defaultdict(list)
    rendition_model = get_image_model().get_rendition_model()
    for rendition in rendition_model.objects.filter(filter_spec__in=rendition_specs(*specs), image_id__in=pictured):
        renditions[rendition.image_id].append(rendition)
    for item in items:
        image = getattr(item, field) if getattr(item, f"{field}_id") else None
        if image is not None:
            # Where Wagtail looks for prefetched renditions (ImageQuerySet.prefetch_renditions).
            image.prefetched_renditions = renditions[image.pk]
            for rendition in image.prefetched_renditions:
                rendition.image = image
    return items


class PagePicture(models.Model):
    """A page's picture and its description: the description is page text, so it is translated with the page."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it. Required when there is a picture."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        self.image_alt = self.image_alt.strip()
        if self.image_id and not self.image_alt:
            raise ValidationError({"image_alt": _("Describe the picture for people who cannot see it.")})


def paginate_pictures(items, *, page, per_page=PER_PAGE, field="image", specs=(CARD_SPEC,)):
    """The page `page` of `items` (see `paginate`), the renditions of its pictures loaded in one query."""
    shown = paginate(items, page=page, per_page=per_page)
    shown.object_list = attach_renditions(shown.object_list, field=field, specs=specs)
    return shown


def picture_panel():
    return MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image"))
