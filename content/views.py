from django.shortcuts import render
from wagtail.models import Locale

from content.forms import SearchForm
from content.models import paginate
from content.search import page_hit, query_stems, search_clusters, search_pages

CLUSTER_RESULTS = 6


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "results": None, "hits": [], "clusters": []}
    if form.is_valid():
        query = form.cleaned_data["q"]
        results = paginate(request, search_pages(query=query, locale=Locale.get_active()))
        stems = query_stems(query)
        context.update(
            results=results,
            hits=[page_hit(page, stems) for page in results],
            clusters=list(search_clusters(query=query)[:CLUSTER_RESULTS]) if results.number == 1 else [],
        )
    return render(request, "content/search.html", context)
