"""The shared page cache for anonymous visitors (DESIGN.md 6 and 7).

`PageCacheMiddleware` sits before the session, CSRF, authentication and
message middleware, so a hit is answered from the shared cache without a
single SQL query: no session, no user, no locale lookup.

Only requests that cannot be anyone in particular take part: GET or HEAD,
without a session cookie, a messages cookie or an Authorization header, and
outside the admin. A response is stored only when it is the same for every
such visitor: status 200 or 301, no cookie set (a CSRF token, a message, a
language choice), no `Cache-Control: private`/`no-store`/`no-cache` (the
confidential pages send that), and no `Vary: Cookie` (the page read the
session after all). Everything else passes through untouched, marked
`Cache-Control: private` when it says nothing about caching itself, so a CDN
in front never shares it.

Entries are keyed by the "content" version (`portal.core.versions`): any
publish, unpublish, move or deletion of a page, and any change of benchmark
results, labels, clusters or study-visit offers bumps it (`portal.signals`),
which drops every cached page, list and feed in every language at once. Pages
that show seminar places are kept for `SEMINAR_SECONDS` only (set through
`request.page_cache_seconds`), so places left are never more than a minute
stale; the registration itself is a POST and always live.

Each entry is stored once with its gzip and brotli encodings, an ETag and the
time it was made, so a hit costs one cache read for the version and one for
the entry, and answers `If-None-Match`/`If-Modified-Since` with 304.
"""

import gzip
import hashlib
import time

import brotli
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from portal.core import versions

CONTENT = versions.CONTENT
# What a shared cache (CDN, Varnish) may keep a page for; purges reach it through
# Wagtail's frontend cache, but lists showing a page are only refreshed by age.
SHARED_SECONDS = int(getattr(settings, "PAGE_CACHE_SHARED_SECONDS", 300))
BROWSER_SECONDS = 60
SEMINAR_SECONDS = 60
# How long our own entries live; a version bump drops them sooner.
STORE_SECONDS = int(getattr(settings, "PAGE_CACHE_SECONDS", 24 * 3600))
# Seminar feeds carry facts that may change without a page being published.
FEED_PREFIXES = ("/calendar/",)
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/", "/healthz")
STORED_STATUSES = {200, 301}
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
COMPRESSIBLE = ("text/", "application/xml", "application/atom+xml", "application/json", "image/svg+xml")
MAX_QUERY_LENGTH = 256
MIN_COMPRESSED_LENGTH = 200
DROPPED_HEADERS = {"set-cookie", "vary", "date", "content-length", "etag", "last-modified", "cache-control"}


def is_anonymous_request(request):
    """True when the request carries nothing that could make its answer personal."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def _key(request, version):
    # The path carries the language, so no language part is needed in the key.
    location = f"{request.get_host()}|{request.get_full_path()}"
    return f"page:{version}:{hashlib.sha256(location.encode()).hexdigest()}"


def _cache_control(response):
    return {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",") if part}


def _storable(request, response):
    if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
        return False
    if _cache_control(response) & set(PRIVATE_DIRECTIVES):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    if "cookie" in vary or "authorization" in vary:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _compressible(content_type, content):
    return content_type.startswith(COMPRESSIBLE) and len(content) >= MIN_COMPRESSED_LENGTH


def make_entry(response, *, seconds):
    """What the cache keeps of a response: headers, body, its encodings and validators."""
    content = response.content
    headers = [(name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS]
    entry = {
        "status": response.status_code,
        "headers": headers,
        "bodies": {"identity": content},
        "etag": hashlib.sha256(content).hexdigest()[:32],
        "made": int(time.time()),
        "cache_control": f"public, max-age={min(BROWSER_SECONDS, seconds)}, s-maxage={min(SHARED_SECONDS, seconds)}",
    }
    if _compressible(response.get("Content-Type", ""), content):
        entry["bodies"]["gzip"] = gzip.compress(content, compresslevel=6, mtime=0)
        entry["bodies"]["br"] = brotli.compress(content, quality=5)
    return entry


def _encoding(request, entry):
    accepted = {part.split(";")[0].strip().lower() for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(",")}
    for encoding in ("br", "gzip"):
        if encoding in accepted and encoding in entry["bodies"]:
            return encoding
    return "identity"


def respond(request, entry):
    """The response for a cached entry, or 304 when the client's copy is current."""
    encoding = _encoding(request, entry)
    etag = f'"{entry["etag"]}"' if encoding == "identity" else f'"{entry["etag"]}-{encoding}"'
    matches = request.META.get("HTTP_IF_NONE_MATCH")
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    if (matches and (etag in matches or matches.strip() == "*")) or (
        not matches and since is not None and since >= entry["made"]
    ):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry["bodies"][encoding], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        if encoding != "identity":
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(response.content))
        if request.method == "HEAD":
            response.content = b""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(entry["made"])
    response["Cache-Control"] = entry["cache_control"]
    if "gzip" in entry["bodies"]:
        patch_vary_headers(response, ("Accept-Encoding",))
    return response


class PageCacheMiddleware:
    """Answer anonymous requests from the shared cache; keep what is the same for everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True) or not is_anonymous_request(request):
            return self._private(self.get_response(request))
        cache = versions.shared_cache()
        key = _key(request, versions.current(CONTENT, cache=cache))
        entry = cache.get(key)
        if entry is not None:
            return respond(request, entry)
        response = self.get_response(request)
        if not _storable(request, response):
            return self._private(response)
        seconds = getattr(request, "page_cache_seconds", STORE_SECONDS)
        if request.path.startswith(FEED_PREFIXES):
            seconds = SEMINAR_SECONDS
        seconds = min(seconds, STORE_SECONDS)
        entry = make_entry(response, seconds=seconds)
        cache.set(key, entry, seconds)
        return respond(request, entry)

    @staticmethod
    def _private(response):
        if "Cache-Control" not in response:
            response["Cache-Control"] = "private"
        return response


class GuardedAnonymousUserMiddleware:
    """Without a session cookie there can be no signed-in user: say so without opening the session.

    Reading `request.user` otherwise loads the (empty) session, which marks the
    response `Vary: Cookie` and makes it impossible to share. Placed right
    after Django's AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            request.user = AnonymousUser()
        return self.get_response(request)


def cached_until_content_changes(view):
    """Wrap a view whose answer is the same for everyone (the sitemap): built once per content version.

    Unlike the page cache this also serves signed-in visitors, and keeps only the
    body and content type of 200 answers.
    """

    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)

        def build():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                return None
            return {"content": response.content, "content_type": response["Content-Type"]}

        kept = versions.remembered("view", (request.get_host(), request.get_full_path()), build)
        if kept is None:
            return view(request, *args, **kwargs)
        return HttpResponse(kept["content"], content_type=kept["content_type"])

    return wrapper
