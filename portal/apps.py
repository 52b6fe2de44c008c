from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from mobility.visits.calendars import visit_events_for_user
        from portal import cache_signals, signals  # noqa: F401
        from training.calendars import register_personal_event_provider

        # Accepted study visits join seminars in each user's personal calendar feed.
        register_personal_event_provider(visit_events_for_user)
