"""Pictures of pages and records: one image field with its description, and the renditions lists show.

Every template asks for the renditions named here, so list queries can
prefetch exactly those (one query per list, whatever its length).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# 16:9 crops around the focal point, as WebP; the spec strings of the templates' {% srcset_image %} tags.
CARD_SPEC = "fill-{480x270,960x540}-c100 format-webp"
HERO_SPEC = "fill-{800x450,1600x900}-c100 format-webp"
LOGO_SPEC = "max-{96x96,192x192} format-webp"
# Sharing previews (Open Graph) want a JPEG of 1200 x 630.
SHARE_SPEC = "fill-1200x630-c100|format-jpeg"


def rendition_specs(*specs):
    """The filter specs as stored on renditions, e.g. 'fill-480x270-c100|format-webp'."""
    return [expanded for spec in specs for expanded in Filter.expand_spec(spec)]


def with_pictures(queryset, field="image", specs=(CARD_SPEC,)):
    """`queryset` with its picture and that picture's renditions for `specs` loaded in one more query."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=rendition_specs(*specs))
    return queryset.select_related(field).prefetch_related(Prefetch(f"{field}__renditions", queryset=renditions))


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


def picture_panel():
    return MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image"))
