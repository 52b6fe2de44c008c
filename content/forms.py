from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class BestPracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search stories"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, stories, **kwargs):
        super().__init__(*args, **kwargs)
        codes = sorted(set(stories.values_list("country", flat=True)))
        sectors = sorted(set(stories.exclude(sector="").values_list("sector", flat=True)))
        everything = [("", _("All"))]
        self.fields["country"].choices = everything + sorted(
            ((code, countries.name(code)) for code in codes), key=lambda choice: str(choice[1])
        )
        self.fields["sector"].choices = everything + [(sector, sector) for sector in sectors]

    def filter(self, stories):
        data = self.cleaned_data
        if data["country"]:
            stories = stories.filter(country=data["country"])
        if data["sector"]:
            stories = stories.filter(sector=data["sector"])
        if data["q"]:
            matches = stories.search(data["q"], order_by_relevance=False)
            stories = stories.filter(pk__in=[page.pk for page in matches])
        return stories


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200)
