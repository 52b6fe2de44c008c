from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mobility.models import Dimension
from mobility.queries import topic_filter


class BestPracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search stories"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    topic = forms.ChoiceField(label=_("Benchmark topic"), required=False)

    def __init__(self, *args, stories, **kwargs):
        super().__init__(*args, **kwargs)
        codes = sorted(set(stories.values_list("country", flat=True)))
        sectors = sorted(set(stories.exclude(sector="").values_list("sector", flat=True)))
        everything = [("", _("All"))]
        self.fields["country"].choices = everything + sorted(
            ((code, countries.name(code)) for code in codes), key=lambda choice: str(choice[1])
        )
        self.fields["sector"].choices = everything + [(sector, sector) for sector in sectors]
        self.fields["topic"].choices = everything + topic_choices()

    def filter(self, stories):
        data = self.cleaned_data
        if data["country"]:
            stories = stories.filter(country=data["country"])
        if data["sector"]:
            stories = stories.filter(sector=data["sector"])
        if data["topic"]:
            stories = stories.filter(topic_filter(data["topic"])).distinct()
        if data["q"]:
            # A story matches when any of its language versions does.
            matches = stories.model.objects.live().public().search(data["q"], order_by_relevance=False)
            stories = stories.filter(translation_key__in={page.translation_key for page in matches})
        return stories


def topic_choices():
    """Dimensions as option groups, each offering the whole dimension and its indicators.

    Codes follow the feeds' convention: `FIN` is a dimension, `FIN.2` an indicator.
    """
    groups = []
    for dimension in Dimension.objects.prefetch_related("indicators"):
        # Translators: option that selects every indicator of one benchmark dimension.
        options = [(dimension.code, _("All of %(dimension)s") % {"dimension": dimension.name})]
        options += [(indicator.code, f"{indicator.code} {indicator.name}") for indicator in dimension.indicators.all()]
        groups.append((f"{dimension.code} {dimension.name}", options))
    return groups


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200)
