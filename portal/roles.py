"""The portal's roles. Groups are created by a data migration; administrators
are superusers; cluster managers are per cluster (mobility memberships)."""

from django.utils.translation import gettext_lazy as _

TRAINERS = "Trainers"
ANALYSTS = "Benchmark analysts"
EDITORS = "Editors"

# Translators: names of user groups as shown on the profile page.
GROUP_LABELS = {
    TRAINERS: _("Trainer"),
    ANALYSTS: _("Benchmark analyst"),
    EDITORS: _("Editor"),
}
