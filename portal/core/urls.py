"""Absolute links for e-mails, feeds and calendar files.

Every link that leaves the site (an e-mail, a feed, an .ics file) starts with
the one configured public address, `PORTAL_BASE_URL`, never with the host a
request or a Wagtail Site record happens to carry.
"""

from django.conf import settings


def base_url():
    """The public address of the portal, without a trailing slash."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def absolute_url(target):
    """`target` (a path such as "/en/seminars/", or a Wagtail page) as an absolute URL."""
    if hasattr(target, "get_url_parts"):
        parts = target.get_url_parts()
        if parts is None:
            return ""
        target = parts[2]
    target = str(target or "")
    if target.startswith(("http://", "https://")):
        return target
    return base_url() + "/" + target.lstrip("/")
