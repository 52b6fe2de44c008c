from django import template

from portal.core.languages import in_language as in_language_mark

register = template.Library()


@register.filter
def in_language(code):
    """`{{ page.locale.language_code|in_language }}` -> "in Czech" in the reader's language."""
    return in_language_mark(code)
