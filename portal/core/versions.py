"""Version tokens in the shared cache: the cheap way to drop many cached entries at once.

A cached entry's key includes the current token of what it depends on
("content" for public pages, "network" for the matching network). Changing
the token makes every such entry unreachable at once, in every process on
every machine, because the token lives in the shared cache; unreachable
entries simply expire. A token is a fresh random value rather than a counter,
so bumping needs no atomic increment and two bumps can never meet on an old
value.
"""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

PAGES = "pages"
# What every cached public page, list and feed depends on.
CONTENT = "content"
_KEY = "version:{name}"


def shared_cache(alias=PAGES):
    """The cache for `alias`, or the default cache where the alias is not configured."""
    return caches[alias if alias in settings.CACHES else "default"]


def current(name, *, cache=None):
    """The current token of `name`, creating one when there is none yet."""
    cache = cache or shared_cache()
    key = _KEY.format(name=name)
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key)
    return token


def bump(name, *, cache=None):
    """Give `name` a new token now and again once the surrounding transaction commits.

    The second bump matters: a request that read the new token before the
    commit could have cached what it saw of the old data under it.
    """
    cache = cache or shared_cache()

    def renew():
        cache.set(_KEY.format(name=name), uuid.uuid4().hex, None)

    renew()
    transaction.on_commit(renew)


def purge_public_pages():
    """Drop every cached public page, list and feed in every language."""
    bump(CONTENT)


def remembered(name, parts, build, *, depends_on=CONTENT, seconds=24 * 3600, cache=None):
    """`build()`, kept in the shared cache until `depends_on` changes (or `seconds` pass).

    Builds that return None are not kept.
    """
    cache = cache or shared_cache()
    key = ":".join(["remembered", name, current(depends_on, cache=cache), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, seconds)
    return value
