"""schema.org JSON-LD for search engines, Open Graph data for sharing, and calendar links.

Every builder returns a plain dict; `portal.templatetags.open_data_tags` writes it
into the page. Seminar facts come from `portal.api.facts` only.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from portal.api.facts import seminar_facts

CONTEXT = "https://schema.org"
SITE_NAME = "Centramo"
# Open Graph wants language_TERRITORY; the territory is the language's main country.
OG_LOCALES = {"en": "en_GB", "cs": "cs_CZ", "sk": "sk_SK", "pl": "pl_PL", "hu": "hu_HU", "hr": "hr_HR", "tr": "tr_TR"}


def _absolute(request, url):
    return request.build_absolute_uri(url) if url and not url.startswith("http") else url


def organizer(request):
    return {"@type": "Organization", "name": SITE_NAME, "url": request.build_absolute_uri("/")}


def breadcrumb_list(request, crumbs):
    """`crumbs`: [(name, url)] from the home page down to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": _absolute(request, url)}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def seminar_event(request, seminar, *, places):
    facts = seminar_facts(seminar, places=places)
    url = seminar.get_full_url(request)
    locations = []
    if facts.is_on_site:
        locations.append(
            {
                "@type": "Place",
                "name": facts.venue_name,
                "address": {"@type": "PostalAddress", "streetAddress": facts.address, "addressCountry": facts.country},
            }
        )
    if facts.is_online:
        locations.append({"@type": "VirtualLocation", "url": facts.online_url})
    if facts.is_on_site and facts.is_online:
        mode = "MixedEventAttendanceMode"
    elif facts.is_online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    return {
        "@context": CONTEXT,
        "@type": "Event",
        "name": seminar.title,
        "description": seminar.summary,
        "url": url,
        "startDate": facts.starts_at.isoformat(),
        "endDate": facts.ends_at.isoformat(),
        "eventStatus": f"{CONTEXT}/{'EventCancelled' if facts.is_cancelled else 'EventScheduled'}",
        "eventAttendanceMode": f"{CONTEXT}/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": facts.language,
        "organizer": organizer(request),
        "maximumAttendeeCapacity": facts.capacity,
        "remainingAttendeeCapacity": facts.places_left,
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": 0,
            "priceCurrency": "EUR",
            "availability": f"{CONTEXT}/{'InStock' if facts.places_left else 'SoldOut'}",
            "inventoryLevel": {"@type": "QuantitativeValue", "value": facts.places_left},
        },
    }


def news_article(request, article, *, image_url=""):
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": article.get_full_url(request),
        "mainEntityOfPage": article.get_full_url(request),
        "inLanguage": article.locale.language_code,
        "datePublished": article.date.isoformat(),
        "author": organizer(request),
        "publisher": {**organizer(request), "logo": request.build_absolute_uri(static("img/logo.svg"))},
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if image_url:
        data["image"] = [_absolute(request, image_url)]
    return data


def cluster_organization(request, cluster, *, labels, today):
    """The public profile only: name, place, sector, languages and the labels still valid."""
    data = {
        "@context": CONTEXT,
        "@type": "Organization",
        "name": cluster.name,
        "identifier": cluster.code,
        "url": request.build_absolute_uri(reverse("mobility:cluster", kwargs={"code": cluster.code})),
        "address": {"@type": "PostalAddress", "addressCountry": str(cluster.country)},
        "knowsLanguage": list(cluster.languages or []),
        "memberOf": organizer(request),
    }
    if cluster.region:
        data["address"]["addressRegion"] = str(cluster.region)
    if cluster.description:
        data["description"] = cluster.description
    if cluster.sector:
        data["knowsAbout"] = str(cluster.sector)
    if cluster.website:
        data["sameAs"] = cluster.website
    awards = [str(label.get_level_display()) for label in labels if label.valid_until >= today]
    if awards:
        data["award"] = awards
    return data


# --- Calendar links ----------------------------------------------------------------


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def calendar_links(request, seminar):
    """Links that add the seminar to Google Calendar or Outlook, or subscribe to its feed."""
    facts = seminar_facts(seminar, places=0)
    start, end = _utc(facts.starts_at), _utc(facts.ends_at)
    location = ", ".join(part for part in (facts.venue_name, facts.address) if part) or facts.online_url
    url = seminar.get_full_url(request)
    details = f"{seminar.summary}\n\n{url}"
    ics_path = reverse("calendar:seminar", kwargs={"translation_key": facts.translation_key})
    query = urlencode({"language": seminar.locale.language_code})
    google = {
        "action": "TEMPLATE",
        "text": seminar.title,
        "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": location,
        "ctz": facts.time_zone,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": seminar.title,
        "startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}",
        "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}",
        "body": details,
        "location": location,
    }
    return {
        "ics": f"{ics_path}?{query}",
        "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
        "outlook": "https://outlook.live.com/calendar/0/action/compose?" + urlencode(outlook),
        "webcal": webcal_url(request, f"{ics_path}?{query}"),
    }


def webcal_url(request, path):
    """The webcal:// address of a calendar feed, which calendar programs subscribe to in one click."""
    return "webcal://" + request.get_host() + path


# --- Open Graph ------------------------------------------------------------------------


def og_locale(code):
    return OG_LOCALES.get(code, code)


def alternate_og_locales(current, language_links):
    return [og_locale(link["code"]) for link in language_links if link["exact"] and link["code"] != current]


DEFAULT_IMAGE = "img/hero-network.svg"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
