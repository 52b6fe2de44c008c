"""The seminar's form in the Wagtail admin: translated text plus the seminar's one set of facts.

The facts (dates, place, language, capacity, trainers, cancelled) are not
page fields: they live once in `SeminarState`. The trainer edits them on the
original page, where saving writes them through
`services.update_seminar_facts` (change notices, promotions); on every
translation they are shown read-only, since a translator has nothing to
change there.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput, AdminTimeInput

from portal.core.timezones import TIME_ZONE_CHOICES
from training import rules
from training.queries import original_seminar
from training.records import ENTERED_FACTS, SeminarState
from training.selectors import confirmed_count
from training.services import update_seminar_facts


class SeminarPageForm(WagtailAdminPageForm):
    start_date = forms.DateField(label=_("first day"), widget=AdminDateInput)
    start_time = forms.TimeField(label=_("starts at (venue time)"), widget=AdminTimeInput)
    end_date = forms.DateField(label=_("last day"), widget=AdminDateInput)
    end_time = forms.TimeField(label=_("ends at (venue time)"), widget=AdminTimeInput)
    time_zone = forms.ChoiceField(label=_("venue time zone"), choices=TIME_ZONE_CHOICES, initial="Europe/Prague")
    registration_deadline = forms.DateField(
        label=_("registration deadline"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "Registration closes at the end of this day (venue time), and in any case when the seminar starts."
        ),
    )
    venue_name = forms.CharField(label=_("venue"), max_length=200, required=False)
    address = forms.CharField(label=_("address"), max_length=300, required=False)
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")
    country = LazyTypedChoiceField(label=_("country"), choices=countries)
    language = forms.ChoiceField(label=_("language of delivery"), choices=settings.LANGUAGES)
    capacity = forms.IntegerField(label=_("places"), min_value=0)
    is_cancelled = forms.BooleanField(label=_("cancelled"), required=False)
    trainers = forms.ModelMultipleChoiceField(label=_("trainers"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without the right to assign trainers the field is not in the form at all
        # (FieldPanel permission), and the trainers stay as they are.
        self.assigns_trainers = "trainers" in self.fields
        if self.assigns_trainers:
            # Whom the facts row accepts as trainers (its field's limit_choices_to).
            eligible = SeminarState._meta.get_field("trainers").get_limit_choices_to()
            self.fields["trainers"].queryset = get_user_model().objects.complex_filter(eligible).distinct()
        page = self.instance
        facts = page.facts if page.facts_id else None
        self.confirmed = confirmed_count(translation_key=page.translation_key) if facts else 0
        if facts is not None:
            for name in ENTERED_FACTS:
                self.initial[name] = getattr(facts, name)
            if self.assigns_trainers:
                self.initial["trainers"] = list(facts.trainers.all())
            self.fields["capacity"].help_text = ngettext(
                "%(count)s person is confirmed; places cannot go below that.",
                "%(count)s people are confirmed; places cannot go below that.",
                self.confirmed,
            ) % {"count": self.confirmed}
        original = original_seminar(translation_key=page.translation_key) if facts else None
        self.edits_facts = original is None or original.pk == page.pk
        if not self.edits_facts:
            for name in (*ENTERED_FACTS, "trainers"):
                if name not in self.fields:
                    continue
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "The same in every language: changed on the original page (%(language)s)."
                ) % {"language": original.locale.get_display_name()}

    def clean(self):
        cleaned = super().clean()
        if not self.edits_facts or self.errors:
            return cleaned
        facts = SeminarState(**{name: cleaned.get(name) for name in ENTERED_FACTS})
        try:
            facts.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        capacity = cleaned.get("capacity")
        if capacity is not None and capacity < self.confirmed:
            self.add_error("capacity", rules.capacity_below_confirmed(confirmed=self.confirmed))
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.edits_facts:
            update_seminar_facts(
                translation_key=page.translation_key,
                trainers=self.cleaned_data["trainers"] if self.assigns_trainers else None,
                **{name: self.cleaned_data[name] for name in ENTERED_FACTS},
            )
        page.facts_id = page.translation_key
        if commit:
            page.save()
            self.save_m2m()
        return page
