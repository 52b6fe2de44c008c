"""drf-spectacular hooks: the schema describes the public API only (not Wagtail's admin API)."""

PREFIX = "/api/v1/"


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PREFIX)]
