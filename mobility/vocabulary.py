"""Sectors and regions: one record per term, named in every language, found by its code.

Import files, the demo seed and tests name a sector or a region in words. The
words may be the English name or the name in any of the site's languages;
`sectors_named` and `regions_named` find the record they name, so "ICT",
" ict " and "Informační a komunikační technologie" are one sector. A term not
known yet becomes a new record named in English (every language falls back to
it until an analyst translates it in the admin).
"""

import hashlib

from django.conf import settings
from django.utils.text import slugify

from mobility.models import Region, Sector

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def code_for(text):
    """The stable code of a term: its words in lower case joined by hyphens.

    Terms without a Latin letter or digit get a short hash, so every term has one.
    """
    text = " ".join(text.split())
    return (slugify(text) or slugify(text, allow_unicode=True) or hashlib.sha256(text.casefold().encode()).hexdigest())[
        :120
    ]


def _names(record):
    return [getattr(record, f"name_{code}") for code in LANGUAGE_CODES if getattr(record, f"name_{code}", "")]


def _index(records):
    """{code: record} for each record's own code and the code of its name in every language (own code wins)."""
    index = {}
    for record in records:
        for name in _names(record):
            index.setdefault(code_for(name), record)
    for record in records:
        index[record.code] = record
    return index


def sectors_named(names, *, create=False):
    """{name: Sector} for every non-empty name.

    A name no sector has yet maps to a new sector named in English, saved only
    with `create=True` (a dry run writes nothing).
    """
    index = _index(list(Sector.objects.all()))
    found = {}
    for name in {name.strip() for name in names if name and name.strip()}:
        code = code_for(name)
        if code not in index:
            index[code] = Sector(code=code, name=name, name_en=name)
            if create:
                index[code].save()
        found[name] = index[code]
    return found


def regions_named(places, *, create=False):
    """{(country, name): Region} for every (country code, non-empty name); unknown ones as in `sectors_named`."""
    places = {(str(country), name.strip()) for country, name in places if country and name and name.strip()}
    countries = {country for country, _name in places}
    by_country = {country: [] for country in countries}
    for region in Region.objects.filter(country__in=countries):
        by_country[str(region.country)].append(region)
    indexes = {country: _index(regions) for country, regions in by_country.items()}
    found = {}
    for country, name in places:
        index, code = indexes[country], code_for(name)
        if code not in index:
            index[code] = Region(country=country, code=code, name=name, name_en=name)
            if create:
                index[code].save()
        found[(country, name)] = index[code]
    return found


def sector_named(name):
    """The sector a name means, created if new (for single records: tests, benchmarks, the admin)."""
    return sectors_named([name], create=True).get((name or "").strip())


def region_named(country, name):
    """The region of `country` a name means, created if new."""
    return regions_named([(country, name)], create=True).get((str(country), (name or "").strip()))
