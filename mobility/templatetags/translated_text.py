from django import template
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

register = template.Library()


@register.simple_tag
def shown_language(obj, field):
    """The language of the text `obj.<field>` shows to the reader: theirs, or the fallback's when untranslated.

    `{% shown_language offer "title" as title_language %}`
    """
    active = get_language()
    for code in resolution_order(active, getattr(type(obj), field).fallback_languages):
        if getattr(obj, build_localized_fieldname(field, code)):
            return code
    return active
