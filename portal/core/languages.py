"""The mark on an item shown in another language than the reader's ("in Czech")."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Whole phrases, because the grammar differs by language ("v češtině", "po polsku").
IN_LANGUAGE = {
    "en": _("in English"),
    "cs": _("in Czech"),
    "sk": _("in Slovak"),
    "pl": _("in Polish"),
    "hu": _("in Hungarian"),
    "hr": _("in Croatian"),
    "tr": _("in Turkish"),
}


def in_language(code):
    """The translated mark for content written in `code`, e.g. "v češtině" for a Czech reader of "cs"."""
    if code in IN_LANGUAGE:
        return IN_LANGUAGE[code]
    name = dict(settings.LANGUAGES).get(code, code)
    # Translators: mark on an item written in another language; %(language)s is the language's own name.
    return _("in %(language)s") % {"language": name}
