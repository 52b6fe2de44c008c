"""Registration, cancellation (with its confirmation page), attendee lists and the personal feed switch.

Each URL segment is translated (`/cs/skoleni/odber-kalendare/`); the English
segments keep working under every language prefix through a permanent
redirect (`portal.url_segments`).
"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from training import views

app_name = "training"

# Translators: URL segments: lowercase ASCII letters, digits and hyphens only.
TRAINING = pgettext_lazy("URL segment", "training")
SEMINARS = pgettext_lazy("URL segment", "seminars")
REGISTER = pgettext_lazy("URL segment", "register")
REGISTRATIONS = pgettext_lazy("URL segment", "registrations")
CANCEL = pgettext_lazy("URL segment", "cancel")
ATTENDEES = pgettext_lazy("URL segment", "attendees")
CALENDAR_FEED = pgettext_lazy("URL segment", "calendar-feed")


def route(pattern):
    return format_lazy(
        pattern,
        training=TRAINING,
        seminars=SEMINARS,
        register=REGISTER,
        registrations=REGISTRATIONS,
        cancel=CANCEL,
        attendees=ATTENDEES,
        calendar_feed=CALENDAR_FEED,
    )


urlpatterns = [
    path(route("{training}/{seminars}/<uuid:translation_key>/{register}/"), views.register, name="register"),
    path(route("{training}/{registrations}/<int:pk>/{cancel}/"), views.cancel, name="cancel"),
    path(route("{training}/{seminars}/<uuid:translation_key>/{attendees}/"), views.attendee_list, name="attendees"),
    path(
        route("{training}/{seminars}/<uuid:translation_key>/{attendees}.csv"),
        views.attendee_list,
        {"export": "csv"},
        name="attendees_csv",
    ),
    path(
        route("{training}/{seminars}/<uuid:translation_key>/{attendees}.xlsx"),
        views.attendee_list,
        {"export": "xlsx"},
        name="attendees_xlsx",
    ),
    path(route("{training}/{calendar_feed}/"), views.calendar_feed, name="calendar_feed"),
]
