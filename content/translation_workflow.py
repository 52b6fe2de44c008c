"""How wagtail-localize translations behave on this site.

A new translation starts as a draft (`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
= False` in the settings). Its slug follows its translated title: whenever a
translator translates a page's title, the slug segment gets a matching
translation, which wagtail-localize applies on the next save or publish like
any other segment. A slug the translator typed themselves is never replaced.

A page whose parent has no translation in the target language yet makes
Wagtail copy the parent as a live alias of the original, which would put the
original's text live under the other language. Such a parent becomes an
unpublished translation too: a regular draft page that translators find and
translate like the page they asked for, published only when they publish it.
"""

from anyascii import anyascii
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

# Marks the slug translations made here, so that a translator's own slug wins.
SLUG_TOOL = "Centramo: slug from title"


def slug_for(title):
    """Lowercase ASCII slug for a title in any of our languages ("Klastry a inovace" -> "klastry-a-inovace")."""
    return slugify(anyascii(title))[:255]


@receiver(post_save, sender=StringTranslation)
def slug_follows_title(sender, instance, raw=False, **kwargs):
    if raw or instance.context is None or instance.context.path != "title":
        return
    slug_segment = (
        StringSegment.objects.filter(context__object_id=instance.context.object_id, context__path="slug")
        .select_related("context")
        .order_by("-source__last_updated_at")
        .first()
    )
    slug = slug_for(instance.data)
    if slug_segment is None or not slug:
        return
    existing = StringTranslation.objects.filter(
        translation_of_id=slug_segment.string_id, locale_id=instance.locale_id, context=slug_segment.context
    ).first()
    if existing is None:
        StringTranslation.objects.create(
            translation_of_id=slug_segment.string_id,
            locale_id=instance.locale_id,
            context=slug_segment.context,
            data=slug,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=SLUG_TOOL,
            last_translated_by=instance.last_translated_by,
        )
    elif existing.tool_name == SLUG_TOOL and existing.data != slug:
        existing.data = slug
        existing.save(update_fields=["data", "updated_at"])


@receiver(copy_for_translation_done)
def parent_copy_stays_a_draft(sender, source_obj, target_obj, **kwargs):
    if not (isinstance(target_obj, Page) and target_obj.alias_of_id and target_obj.locale_id != source_obj.locale_id):
        return
    # Unpublished before the conversion below, so no version of it is ever live.
    Page.objects.filter(pk=target_obj.pk).update(
        live=False, has_unpublished_changes=True, first_published_at=None, last_published_at=None
    )
    source, _created = TranslationSource.get_or_create_from_instance(source_obj.specific)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale_id=target_obj.locale_id, defaults={"enabled": True}
    )
    # Turns the alias into a regular page holding the original's text as its first draft.
    translation.save_target(publish=False)
    target_obj.refresh_from_db()
