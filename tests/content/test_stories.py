"""Best-practice stories started from shared visit reports (content.stories and its pages)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content import stories
from content.models import BestPracticePage
from mobility.models import VisitReport
from tests.mobility import factories
from tests.mobility.visits.support import (
    completed,
)

pytestmark = pytest.mark.django_db


def test_editor_starts_story_draft_from_shared_report(client):
    booking, _visitor_manager, _host_manager = completed(shared=True)
    report = booking.report
    editor = factories.EditorFactory()
    client.force_login(editor)

    listed = client.get("/en/study-visits/reports/").context["reports"]
    response = client.post(f"/en/study-visits/reports/{report.pk}/story/")
    again = client.post(f"/en/study-visits/reports/{report.pk}/story/")

    page = BestPracticePage.objects.get(slug=stories.story_slug(report))
    assert report in list(listed)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert again["Location"] == response["Location"]
    assert page.live is False
    assert page.locale.language_code == "en"
    assert (page.cluster, page.cluster_name, page.country) == (
        booking.offer.cluster,
        booking.offer.cluster.name,
        booking.offer.cluster.country,
    )
    assert page.summary == report.learned
    assert [topic.code for topic in page.topics.all()] == ["FIN.2"]
    assert page.get_latest_revision() is not None


@pytest.mark.parametrize("role", ["visitor", "host", "participant"])
def test_story_and_report_list_only_for_editors(client, role):
    booking, visitor_manager, host_manager = completed(shared=True)
    actor = {"visitor": visitor_manager, "host": host_manager, "participant": factories.UserFactory()}[role]
    client.force_login(actor)

    assert client.get("/en/study-visits/reports/").status_code == 404
    assert client.post(f"/en/study-visits/reports/{booking.report.pk}/story/").status_code == 404
    assert not BestPracticePage.objects.filter(slug=stories.story_slug(booking.report)).exists()


def test_story_from_unshared_report_is_404(client):
    booking, _visitor_manager, _host_manager = completed(shared=False)
    client.force_login(factories.EditorFactory())

    assert client.post(f"/en/study-visits/reports/{booking.report.pk}/story/").status_code == 404


def _reports_queries(client, count):
    for _number in range(count):
        completed(shared=True)
    shared = VisitReport.objects.filter(shared_with_host=True).count()
    client.force_login(factories.EditorFactory())
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/study-visits/reports/")
    assert len(response.context["reports"]) == min(shared, 20)
    return len(queries)


def test_reports_page_query_count_does_not_grow(client):
    assert _reports_queries(client, 1) == _reports_queries(client, 30)
