"""How a list marks an item shown in another language than the reader's ("in Czech")."""

from django.utils.translation import pgettext_lazy

# Translators: marks an item shown in its original language; use the form that reads naturally
# on its own next to a title, e.g. Czech "v češtině", Polish "po czesku".
IN_LANGUAGE = {
    "en": pgettext_lazy("written in", "in English"),
    "cs": pgettext_lazy("written in", "in Czech"),
    "sk": pgettext_lazy("written in", "in Slovak"),
    "pl": pgettext_lazy("written in", "in Polish"),
    "hu": pgettext_lazy("written in", "in Hungarian"),
    "hr": pgettext_lazy("written in", "in Croatian"),
    "tr": pgettext_lazy("written in", "in Turkish"),
}


def in_language(code):
    """The translated mark for text written in the language `code` (the code itself when unknown)."""
    return IN_LANGUAGE.get(code, code)
