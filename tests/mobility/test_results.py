import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import Cluster, MembershipStatus, Rating
from mobility.queries import (
    latest_result,
    managed_clusters,
    network_median_by_dimension,
    weak_points,
)
from mobility.rules import can_see_results
from tests.helpers import count_queries
from tests.mobility import factories

pytestmark = pytest.mark.django_db

VIEWS = ("results", "results_print", "results_chart", "results_csv", "results_xlsx")
ROLES = ("participant", "other_manager", "trainer", "pending_manager")


def url(name, code, lang="en"):
    with translation.override(lang):
        return reverse(f"mobility:{name}", kwargs={"code": code})


@pytest.fixture
def setup():
    cluster = factories.ClusterFactory(name="Results Cluster")
    other = factories.ClusterFactory(name="Other Cluster")
    first = factories.EditionFactory(name="R1")
    second = factories.EditionFactory(name="R2")
    first.date, second.date = first.date.replace(year=2031), second.date.replace(year=2033)
    first.save()
    second.save()
    factories.ResultFactory(
        cluster=cluster,
        edition=first,
        ratings={"FIN.1": Rating.RED, "FIN.2": Rating.RED, "COM.2": Rating.GREEN},
        default=1,
    )
    factories.ResultFactory(
        cluster=cluster,
        edition=second,
        ratings={"FIN.1": Rating.YELLOW, "FIN.2": Rating.RED, "COM.2": Rating.YELLOW, "GOV.3": 0},
        default=1,
    )
    factories.ResultFactory(cluster=other, edition=second, default=Rating.GREEN)
    users = {
        "manager": factories.manager(cluster),
        "other_manager": factories.manager(other),
        "pending_manager": factories.manager(cluster, status=MembershipStatus.REQUESTED),
        "participant": factories.UserFactory(),
        "trainer": factories.UserFactory(role="trainer"),
        "analyst": factories.UserFactory(role="analyst"),
        "admin": factories.UserFactory(role="admin"),
    }
    return cluster, other, users


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_is_sent_to_login(client, setup, view):
    cluster, _other, _users = setup
    response = client.get(url(view, cluster.code))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_guessing_unknown_code_is_sent_to_login(client, view):
    response = client.get(url(view, "NO-SUCH"))
    assert response.status_code == 302


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("role", ROLES)
def test_other_signed_in_users_get_404(client, setup, view, role):
    cluster, _other, users = setup
    client.force_login(users[role])
    response = client.get(url(view, cluster.code))
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"
    assert b"Results Cluster" not in response.content


@pytest.mark.parametrize("view", VIEWS)
def test_unknown_code_gives_the_same_404(client, setup, view):
    _cluster, _other, users = setup
    client.force_login(users["participant"])
    response = client.get(url(view, "NO-SUCH"))
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("role", ("manager", "analyst", "admin"))
def test_manager_analyst_and_admin_see_results(client, setup, view, role):
    cluster, _other, users = setup
    client.force_login(users[role])
    response = client.get(url(view, cluster.code))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_manager_cannot_reach_other_clusters_results(client, setup):
    _cluster, other, users = setup
    client.force_login(users["manager"])
    for view in VIEWS:
        assert client.get(url(view, other.code)).status_code == 404


def test_results_page_content(client, setup):
    cluster, _other, users = setup
    client.force_login(users["manager"])
    response = client.get(url("results", cluster.code))
    html = response.content.decode()
    assert response.context["result"].edition.name == "R2"
    assert html.count('<table class="indicator-table">') == 6
    assert html.count('class="light light--') >= 36
    assert "red (needs improvement)" in html
    weak = [score.indicator.code for score in response.context["weak_points"]]
    assert weak[:3] == ["GOV.3", "FIN.2", "STR.1"]
    assert [indicator.code for indicator, _old, _new in response.context["improved"]] == ["FIN.1"]
    assert [indicator.code for indicator, _old, _new in response.context["declined"]] == ["GOV.3", "COM.2"]
    assert "Changes from R1 to R2" in html
    assert '<svg class="chart"' in html
    assert 'id="dimension-table"' in html


def test_results_page_without_result(client):
    cluster = factories.ClusterFactory()
    manager = factories.manager(cluster)
    client.force_login(manager)
    response = client.get(url("results", cluster.code))
    assert response.status_code == 200
    assert "has not been benchmarked yet" in response.content.decode()


def test_print_view_is_marked_printable(client, setup):
    cluster, _other, users = setup
    client.force_login(users["manager"])
    html = client.get(url("results_print", cluster.code)).content.decode()
    assert "print-view" in html
    assert "Printable view" not in html


def test_chart_is_svg(client, setup):
    cluster, _other, users = setup
    client.force_login(users["analyst"])
    response = client.get(url("results_chart", cluster.code))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.decode().lstrip().startswith("<?xml")


def test_csv_export_has_both_editions_and_neutralises_formulas(client, setup):
    cluster, _other, users = setup
    Cluster.objects.filter(pk=cluster.pk).update(name='=HYPERLINK("http://evil")')
    client.force_login(users["manager"])
    response = client.get(url("results_csv", cluster.code))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["cluster_code", "cluster_name", "country", "edition"]
    assert len(rows) == 1 + 72
    assert {row[3] for row in rows[1:]} == {"R1", "R2"}
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    fin1 = [row for row in rows[1:] if row[6] == "FIN.1"]
    assert [row[8] for row in fin1] == ["red", "yellow"]


def test_xlsx_export_neutralises_formulas(client, setup):
    cluster, _other, users = setup
    Cluster.objects.filter(pk=cluster.pk).update(name="@SUM(A1)")
    client.force_login(users["admin"])
    response = client.get(url("results_xlsx", cluster.code))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "cluster_code"
    assert len(rows) == 73
    assert rows[1][1] == "'@SUM(A1)"


def test_results_query_count_does_not_grow_with_editions(client):
    cluster = factories.ClusterFactory()
    manager = factories.manager(cluster)
    factories.ResultFactory(cluster=cluster, edition=factories.EditionFactory(name="Q1"), default=1)
    client.force_login(manager)
    one = count_queries(client, url("results", cluster.code))
    for number in range(2, 31):
        factories.ResultFactory(cluster=cluster, edition=factories.EditionFactory(name=f"Q{number}"), default=1)
    assert count_queries(client, url("results", cluster.code)) == one


def test_manager_sees_own_clusters_results_only(client):
    own = factories.ClusterFactory(code="CZ-001", ratings={"FIN.2": factories.R})
    factories.ClusterFactory(code="SK-001", country="SK", ratings={"FIN.2": factories.G})
    client.force_login(factories.manager(own))
    assert client.get(url("results", "CZ-001")).status_code == 200
    assert client.get(url("results", "SK-001")).status_code == 404


def test_selectors(setup):
    cluster, other, users = setup
    result = latest_result(cluster=cluster)
    assert result.edition.name == "R2"
    assert [score.indicator.code for score in weak_points(result=result)][:2] == ["GOV.3", "FIN.2"]
    assert all(score.rating != Rating.GREEN for score in weak_points(result=result))
    assert list(managed_clusters(user=users["manager"])) == [cluster]
    assert list(managed_clusters(user=users["pending_manager"])) == []
    assert can_see_results(user=users["analyst"], cluster=other) is True
    assert can_see_results(user=users["other_manager"], cluster=cluster) is False
    medians = network_median_by_dimension(edition=result.edition)
    assert set(medians) == {"STR", "GOV", "FIN", "SRV", "COM", "ACH"}
    assert medians["STR"] == 1.5
    assert latest_result(cluster=factories.ClusterFactory()) is None
