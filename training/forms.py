"""Filters of the library, the seminar index and the public feed.

They import the choices (training.enums) but no page type: the page types
use them in their own context, and each filter narrows the queryset it is
handed, whatever page type that holds.
"""

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mobility.models import Dimension, Indicator
from mobility.queries import topic_filter
from training.enums import MaterialFormat, MaterialLevel

PARTNER_COUNTRIES = ("CZ", "SK", "PL", "HU", "HR", "TR")


def _all(choices):
    return [("", _("All"))] + list(choices)


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search materials"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False, choices=_all(MaterialFormat.choices))
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_all(MaterialLevel.choices))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = _indicator_choices
        self.fields["dimension"].choices = _dimension_choices

    def filter(self, materials):
        """`materials` (a queryset of training material pages) narrowed to the valid form's choices."""
        data = self.cleaned_data
        # Through a subquery: joining the topics would repeat a material once per matching topic.
        tagged = materials.model.objects
        if data["topic"]:
            materials = materials.filter(pk__in=tagged.filter(topics__code=data["topic"]).values("pk"))
        if data["dimension"]:
            materials = materials.filter(pk__in=tagged.filter(topics__dimension__code=data["dimension"]).values("pk"))
        if data["format"]:
            materials = materials.filter(format=data["format"])
        if data["level"]:
            materials = materials.filter(level=data["level"])
        if data["q"]:
            # Searched over every live material, not `materials`: the search backend cannot
            # apply the one-per-language filter (a negated subquery) and failed with a 500.
            # A material matches when any of its language versions does.
            matches = materials.model.objects.live().public().search(data["q"], order_by_relevance=False)
            materials = materials.filter(translation_key__in={page.translation_key for page in matches})
        return materials


def _coded(model):
    return [(code, f"{code} {name}") for code, name in model.objects.values_list("code", "name")]


def _indicator_choices():
    return _all(_coded(Indicator))


def _dimension_choices():
    return _all(_coded(Dimension))


def _topic_choices():
    return _all(_coded(Dimension) + _coded(Indicator))


def _country_choices():
    return _all(sorted(((code, countries.name(code)) for code in PARTNER_COUNTRIES), key=lambda c: str(c[1])))


class SeminarFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Upcoming seminars")), ("past", _("Past seminars"))],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language of delivery"), required=False, choices=_all(settings.LANGUAGES))
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    month = forms.CharField(
        label=_("Month"),
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}),
        help_text=_("For example 2026-05."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices
        self.fields["topic"].choices = _topic_choices

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(_("Enter a month as year and month, for example 2026-05.")) from None

    def filter(self, seminars):
        """`seminars` (a queryset of seminar pages) narrowed to the valid form's choices."""
        data = self.cleaned_data
        if data["country"]:
            seminars = seminars.filter(facts__country=data["country"])
        if data["language"]:
            seminars = seminars.filter(facts__language=data["language"])
        if data["topic"]:
            tagged = seminars.model.objects.filter(topic_filter(data["topic"]))
            seminars = seminars.filter(pk__in=tagged.values("pk"))
        if data["month"]:
            month = data["month"]
            seminars = seminars.filter(facts__start_date__year=month.year, facts__start_date__month=month.month)
        return seminars


class FeedFilterForm(forms.Form):
    """The query of the public feed: ?language=, ?country=, ?topic=."""

    language = forms.ChoiceField(required=False, choices=_all(settings.LANGUAGES))
    country = forms.CharField(required=False, max_length=2)
    topic = forms.CharField(required=False, max_length=12)

    def clean_country(self):
        code = self.cleaned_data["country"].strip().upper()
        if code and code not in dict(countries):
            raise forms.ValidationError(_("Unknown country code."))
        return code

    def clean_topic(self):
        code = self.cleaned_data["topic"].strip().upper()
        if code and not (Indicator.objects.filter(code=code).exists() or Dimension.objects.filter(code=code).exists()):
            raise forms.ValidationError(_("Unknown indicator or dimension code."))
        return code
