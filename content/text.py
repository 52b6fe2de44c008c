"""Text helpers the search needs before any model is loaded (see content/search.py)."""

import unicodedata

# Letters that NFKD does not decompose into a base letter and a mark.
_SPECIAL_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "ø": "o"})


def strip_diacritics(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def register_sqlite_unaccent(sender, connection, **kwargs):
    """`connection_created` receiver: gives SQLite the `unaccent()` PostgreSQL has."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("unaccent", 1, strip_diacritics, deterministic=True)
