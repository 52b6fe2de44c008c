"""The editors' pages for turning shared visit reports into best-practice stories."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from content import stories
from mobility.visits import queries as visit_queries
from portal.core.pagination import paginate

REPORTS_PER_PAGE = 20


def _require_story_editor(request):
    if not stories.may_start_stories(request.user):
        raise Http404


@never_cache
@login_required
def shared_reports(request):
    """Reports shared with their hosts, for editors looking for best-practice stories."""
    _require_story_editor(request)
    reports = paginate(visit_queries.shared_reports(), page=request.GET.get("page"), per_page=REPORTS_PER_PAGE)
    return render(request, "content/shared_reports.html", {"reports": reports})


@require_POST
@login_required
def start_story(request, pk):
    _require_story_editor(request)
    report = visit_queries.shared_report(pk=pk)
    if report is None:
        raise Http404
    try:
        page = stories.start_story_from_report(report=report, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("stories:reports")
    return redirect("wagtailadmin_pages:edit", page.pk)
