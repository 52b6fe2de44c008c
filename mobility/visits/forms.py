"""Forms for peer matching, study-visit offers, bookings and reports."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mobility import limits
from mobility.models import Dimension, Indicator, Sector
from mobility.visits.services import MAX_ACTIONS


def _everything():
    return [("", _("All"))]


def _country_choices(codes):
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: str(choice[1]))


def _language_choices(codes=None):
    return [(code, name) for code, name in settings.LANGUAGES if codes is None or code in codes]


def _indicator_label(indicator):
    return f"{indicator.code} {indicator.name}"


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _indicator_label(obj)


class IndicatorMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _indicator_label(obj)


def _indicator_queryset():
    return Indicator.objects.select_related("dimension").in_order()


class PeerFilterForm(forms.Form):
    cluster = forms.ChoiceField(label=_("Your cluster"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    dimension = forms.ModelChoiceField(
        label=_("Weak points in"),
        required=False,
        queryset=Dimension.objects.order_by("position", "code"),
        empty_label=_("All dimensions"),
        to_field_name="code",
    )

    def __init__(self, *args, clusters, facets, **kwargs):
        super().__init__(*args, **kwargs)
        country_codes, sectors, languages = facets
        self.fields["cluster"].choices = [(cluster.code, f"{cluster.name} ({cluster.code})") for cluster in clusters]
        self.fields["country"].choices = _everything() + _country_choices(country_codes)
        # The facets hold sector codes (cached for every language); the names are the reader's.
        names = {sector.code: str(sector) for sector in Sector.objects.filter(code__in=sectors)}
        self.fields["sector"].choices = _everything() + sorted(
            ((code, names.get(code, code)) for code in sectors), key=lambda choice: choice[1].casefold()
        )
        self.fields["language"].choices = _everything() + _language_choices(set(languages))
        if len(clusters) < 2:
            self.fields["cluster"].widget = forms.HiddenInput()


class OfferFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    topic = IndicatorChoiceField(
        label=_("Topic"), required=False, queryset=_indicator_queryset(), to_field_name="code", empty_label=_("All")
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    host = forms.CharField(required=False, widget=forms.HiddenInput(), max_length=20)

    def __init__(self, *args, country_codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _everything() + _country_choices(country_codes)
        self.fields["language"].choices = _everything() + _language_choices()

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            raise ValidationError(_("The end of the period must not be before its start."))
        return data


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


TEXT_FIELDS = ("title", "programme", "place")


def _text_fields(code):
    """Title, programme and place of an offer in one language, each optional."""
    return {
        f"title_{code}": forms.CharField(label=_("Title"), max_length=200, required=False),
        f"programme_{code}": forms.CharField(
            label=_("Programme"), max_length=limits.PROGRAMME, required=False, widget=forms.Textarea(attrs={"rows": 6})
        ),
        f"place_{code}": forms.CharField(label=_("Place"), max_length=200, required=False),
    }


class OfferForm(forms.Form):
    """An offer's facts once, and its title, programme and place in any of the seven languages.

    Each text is optional per language, but needed in at least one: visitors
    reading another language see that one, marked with its language.
    """

    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    request_deadline = forms.DateField(label=_("Request deadline"), widget=DateInput())
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=500)
    languages = forms.MultipleChoiceField(
        label=_("Languages of the visit"), choices=_language_choices, widget=forms.CheckboxSelectMultiple
    )
    topics = IndicatorMultipleChoiceField(
        label=_("Topics"),
        queryset=_indicator_queryset(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The indicators your cluster is strong in and will show the visitors."),
    )
    host = forms.ChoiceField(label=_("Host cluster"))

    def __init__(self, *args, clusters, offer=None, **kwargs):
        if offer is not None:
            kwargs.setdefault("initial", offer_initial(offer))
        super().__init__(*args, **kwargs)
        for code in self.text_languages():
            self.fields.update(_text_fields(code))
        self.clusters = {cluster.code: cluster for cluster in clusters}
        self.fields["host"].choices = [(cluster.code, f"{cluster.name} ({cluster.code})") for cluster in clusters]
        if offer is not None or len(clusters) < 2:
            del self.fields["host"]

    @staticmethod
    def text_languages():
        """Language codes, the active language first."""
        active = get_language()
        codes = [code for code, _name in settings.LANGUAGES]
        return sorted(codes, key=lambda code: code != active)

    def fact_fields(self):
        texts = {f"{field}_{code}" for field in TEXT_FIELDS for code in self.text_languages()}
        return [self[name] for name in self.fields if name not in texts]

    def language_groups(self):
        """[(code, language name, open, [bound fields])] for one fieldset per language."""
        names = dict(settings.LANGUAGES)
        groups = []
        for position, code in enumerate(self.text_languages()):
            fields = [self[f"{field}_{code}"] for field in TEXT_FIELDS]
            filled = any(field.value() for field in fields) or any(field.errors for field in fields)
            groups.append((code, names[code], position == 0 or filled, fields))
        return groups

    def clean_host(self):
        return self.clusters[self.cleaned_data["host"]]

    def clean(self):
        data = super().clean()
        starts_on, ends_on, deadline = data.get("starts_on"), data.get("ends_on"), data.get("request_deadline")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day must not be before the first day."))
        if starts_on and deadline and deadline > starts_on:
            self.add_error("request_deadline", _("The request deadline must not be after the first day."))
        if starts_on and "starts_on" in self.changed_data and starts_on < timezone.localdate():
            self.add_error("starts_on", _("The visit cannot start in the past."))
        first = self.text_languages()[0]
        for field in TEXT_FIELDS:
            data[field] = {code: data.get(f"{field}_{code}", "") for code in self.text_languages()}
            if not any(data[field].values()):
                self.add_error(f"{field}_{first}", _("Write this in at least one language."))
        return data


def offer_initial(offer):
    initial = {
        "starts_on": offer.starts_on,
        "ends_on": offer.ends_on,
        "request_deadline": offer.request_deadline,
        "places": offer.places,
        "languages": offer.languages,
        "topics": list(offer.topics.all()),
    }
    for field in TEXT_FIELDS:
        for code, _name in settings.LANGUAGES:
            initial[f"{field}_{code}"] = getattr(offer, f"{field}_{code}") or ""
    return initial


class BookingForm(forms.Form):
    visitor = forms.ChoiceField(label=_("Visiting cluster"))
    participants = forms.IntegerField(label=_("Participants"), min_value=1, max_value=500)
    focus_indicators = IndicatorMultipleChoiceField(
        label=_("Focus of your visit"),
        queryset=Indicator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Your weak points you most want to learn about. The host sees these topics, never your results."),
    )
    message = forms.CharField(
        label=_("Message to the host"),
        required=False,
        max_length=limits.MESSAGE,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, clusters, weak_points, **kwargs):
        """`clusters`: the visitor clusters the user may book for; `weak_points`: {cluster code: [Indicator]}."""
        super().__init__(*args, **kwargs)
        self.clusters = {cluster.code: cluster for cluster in clusters}
        self.fields["visitor"].choices = [(cluster.code, f"{cluster.name} ({cluster.code})") for cluster in clusters]
        if len(clusters) == 1:
            self.fields["visitor"].widget = forms.HiddenInput()
            self.fields["visitor"].initial = clusters[0].code
        allowed = {indicator.pk for points in weak_points.values() for indicator in points}
        self.fields["focus_indicators"].queryset = _indicator_queryset().filter(pk__in=allowed)
        self.weak_points = weak_points

    def clean_visitor(self):
        return self.clusters[self.cleaned_data["visitor"]]

    def clean(self):
        data = super().clean()
        visitor, focus = data.get("visitor"), data.get("focus_indicators")
        if visitor and focus:
            own = {indicator.pk for indicator in self.weak_points.get(visitor.code, [])}
            if any(indicator.pk not in own for indicator in focus):
                self.add_error("focus_indicators", _("Choose only weak points of the visiting cluster."))
        return data


class ReportForm(forms.Form):
    learned = forms.CharField(
        label=_("What we learned"), max_length=limits.REPORT, widget=forms.Textarea(attrs={"rows": 8})
    )
    shared_with_host = forms.BooleanField(
        label=_("Share this report with the host"),
        required=False,
        help_text=_("The host's managers can then read it, and an editor may turn it into a best-practice story."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_ACTIONS + 1):
            self.fields[f"action_{number}_indicator"] = IndicatorChoiceField(
                # Translators: label of the indicator of improvement action 1, 2 or 3 in a visit report.
                label=_("Indicator of action %(number)s") % {"number": number},
                queryset=_indicator_queryset(),
                required=False,
            )
            self.fields[f"action_{number}_description"] = forms.CharField(
                label=_("Improvement action %(number)s") % {"number": number},
                required=False,
                max_length=limits.ACTION,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        data = super().clean()
        actions = []
        for number in range(1, MAX_ACTIONS + 1):
            indicator = data.get(f"action_{number}_indicator")
            description = (data.get(f"action_{number}_description") or "").strip()
            if indicator and description:
                actions.append((indicator, description))
            elif indicator:
                self.add_error(f"action_{number}_description", _("Describe the action for this indicator."))
            elif description:
                self.add_error(f"action_{number}_indicator", _("Choose the indicator this action should improve."))
        data["actions"] = actions
        return data


def report_initial(report):
    initial = {"learned": report.learned, "shared_with_host": report.shared_with_host}
    for number, action in enumerate(report.actions.all(), start=1):
        initial[f"action_{number}_indicator"] = action.indicator
        initial[f"action_{number}_description"] = action.description
    return initial
