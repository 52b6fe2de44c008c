from django.shortcuts import render
from wagtail.models import Locale

from content.forms import SearchForm
from content.models import INDEX_PAGE_SIZE
from content.search import page_hit, query_stems, search_clusters, search_pages
from portal.core.pagination import paginate

CLUSTER_RESULTS = 6


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "results": None, "hits": [], "clusters": []}
    if form.is_valid():
        query = form.cleaned_data["q"]
        results = paginate(
            search_pages(query=query, locale=Locale.get_active()),
            page=request.GET.get("page"),
            per_page=INDEX_PAGE_SIZE,
        )
        stems = query_stems(query)
        context.update(
            results=results,
            hits=[page_hit(page, stems) for page in results],
            clusters=list(search_clusters(query=query)[:CLUSTER_RESULTS]) if results.number == 1 else [],
        )
    return render(request, "content/search.html", context)
