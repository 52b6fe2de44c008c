from django.shortcuts import render
from wagtail.models import Locale, Page

from content.forms import SearchForm
from content.models import paginate


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        pages = (
            Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1).search(form.cleaned_data["q"])
        )
        results = paginate(request, pages)
    return render(request, "content/search.html", {"form": form, "results": results})
