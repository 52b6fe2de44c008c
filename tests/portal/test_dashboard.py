"""The cluster manager's dashboard (DESIGN.md 4.7)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mobility.models import BookingStatus, MembershipStatus
from tests.helpers import add_story, in_lang, practice_index
from tests.mobility import factories
from tests.mobility.factories import G, R, Y
from tests.training import factories as training

pytestmark = pytest.mark.django_db

URL = "/en/dashboard/"
SECTOR = "Visit testing"


def visitor_and_host():
    visitor = factories.PeerClusterFactory(
        country="CZ", sector=SECTOR, languages=["de"], ratings={"FIN.2": R, "GOV.5": Y, "SRV.1": G}
    )
    # Same sector, a common language and an open offer: the host is the best match.
    host = factories.PeerClusterFactory(
        name="Dashboard Host Cluster",
        country="AT",
        sector=SECTOR,
        languages=["de"],
        ratings={"FIN.2": G, "GOV.5": G, "SRV.1": G},
    )
    return visitor, factories.manager(visitor), host


def codes(recommendations):
    return [recommendation.item.code for recommendation in recommendations]


def test_dashboard_weak_points_most_severe_first_each_with_reasoned_recommendations(client):
    visitor, manager, host = visitor_and_host()
    # Soonest and alphabetically first, so these lead their lists.
    offer = factories.OfferFactory(
        cluster=host, topics=["FIN.2", "GOV.5"], title_en="Financing tour", starts_in=1, deadline_in=0
    )
    fin2, gov5 = factories.indicators("FIN.2", "GOV.5")
    # Running from yesterday to tomorrow: under way at any hour the test runs, so it is the soonest seminar.
    today = timezone.localdate()
    seminar = training.seminar(
        topics=[fin2],
        title="Funding seminar",
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=1),
    )
    material = training.material(topics=[gov5], title="AAA Strategy handbook")
    topic_story = add_story(practice_index(), 9001, topics=[fin2])
    green_story = add_story(practice_index(), 9002, cluster=host)
    client.force_login(manager)

    response = client.get(URL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    fin_plan, gov_plan = response.context["plans"]
    assert (fin_plan.score.indicator.code, gov_plan.score.indicator.code) == ("FIN.2", "GOV.5")
    assert codes(fin_plan.peers)[0] == host.code
    assert [str(line) for line in fin_plan.peers[0].why] == [
        "Can help with: Share of private funding — yours is red; Documented strategy — yours is yellow",
        "They have an open study-visit offer on one of your weak points.",
        "You have a language in common.",
        "They work in the same sector.",
    ]
    assert fin_plan.offers[0].item == offer
    assert str(fin_plan.offers[0].why) == (
        "Dashboard Host Cluster invites visitors to learn about Share of private funding, where your cluster is red."
    )
    assert fin_plan.seminars[0].item == seminar
    assert str(fin_plan.seminars[0].why) == "It covers Share of private funding, where your cluster is red."
    assert gov_plan.materials[0].item == material
    assert topic_story.pk in [rec.item.pk for rec in fin_plan.stories]
    [green] = [rec for rec in gov_plan.stories if rec.item.pk == green_story.pk]
    assert str(green.why) == (
        "Told by Dashboard Host Cluster, a peer that can help with Documented strategy, where your cluster is yellow."
    )
    html = response.content.decode()
    assert "Financing tour" in html
    assert "Funding seminar" in html
    assert 'id="dimension-chart-title"' in html
    assert 'id="dashboard-dimension-table"' in html


def test_dashboard_two_editions_show_changes_and_targeted_indicators(client):
    visitor, manager, host = visitor_and_host()
    factories.ResultFactory(
        cluster=visitor,
        ratings={"FIN.2": R, "GOV.5": R, "SRV.1": G},
        edition=factories.EditionFactory(name="V-2023", date=datetime.date(2020, 1, 1)),
    )
    # Latest (V-2024, benchmarked in 2099, after the visit): FIN.2 still red, GOV.5 yellow (improved from red).
    offer = factories.OfferFactory(cluster=host, starts_in=-30, deadline_in=-40)
    booking = factories.BookingFactory(
        offer=offer, cluster=visitor, requested_by=manager, status=BookingStatus.COMPLETED
    )
    factories.ReportFactory(booking=booking, actions=[("GOV.5", "Write a strategy."), ("FIN.2", "Introduce fees.")])
    client.force_login(manager)

    context = client.get(URL).context

    assert [(indicator.code, old, new) for indicator, old, new in context["improved"]] == [("GOV.5", R, Y)]
    assert context["declined"] == []
    assert [
        (target.indicator.code, target.source, target.before, target.after, target.improved)
        for target in context["targets"]
    ] == [("GOV.5", "visit", R, Y, True), ("FIN.2", "visit", R, R, False)]


def test_dashboard_seminar_attended_counts_as_target(client):
    visitor, manager, _host = visitor_and_host()
    factories.ResultFactory(
        cluster=visitor,
        ratings={"FIN.2": R},
        edition=factories.EditionFactory(name="V-2023", date=datetime.date(2098, 1, 1)),
    )
    fin2 = factories.indicators("FIN.2")[0]
    seminar = training.seminar(topics=[fin2], days_ahead=-20, title="Past funding seminar")
    from training.models import Registration, RegistrationStatus

    Registration.objects.create(
        seminar_key=seminar.translation_key,
        user=manager,
        status=RegistrationStatus.CONFIRMED,
        queued_at=seminar.starts_at - datetime.timedelta(days=3),
    )
    client.force_login(manager)

    targets = client.get(URL).context["targets"]

    assert [(target.indicator.code, target.source, target.title) for target in targets] == [
        ("FIN.2", "seminar", "Past funding seminar")
    ]


def test_dashboard_lists_bookings_made_and_received_with_next_steps(client):
    visitor, manager, host = visitor_and_host()
    factories.BookingFactory(offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=manager)
    guest = factories.PeerClusterFactory(ratings={"FIN.2": R})
    factories.BookingFactory(
        offer=factories.OfferFactory(cluster=visitor), cluster=guest, status=BookingStatus.ACCEPTED
    )
    client.force_login(manager)

    context = client.get(URL).context

    assert [str(booking.next_step) for booking in context["made"]] == [
        "Wait for the host's answer, or cancel the request."
    ]
    assert [str(booking.next_step) for booking in context["received"]] == [
        "Prepare the programme; the visitors have your invitation."
    ]


def test_dashboard_cluster_without_result(client):
    cluster = factories.PeerClusterFactory()
    client.force_login(factories.manager(cluster))

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["result"] is None
    assert "Your cluster has no benchmark result yet." in response.content.decode()


def test_dashboard_anonymous_is_sent_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["participant", "requested manager"])
def test_dashboard_without_managed_cluster_is_404(client, role):
    cluster = factories.PeerClusterFactory(ratings={"FIN.2": R})
    user = (
        factories.UserFactory()
        if role == "participant"
        else factories.manager(cluster, status=MembershipStatus.REQUESTED)
    )
    client.force_login(user)

    assert client.get(URL).status_code == 404


def test_dashboard_manager_cannot_open_another_clusters(client):
    mine = factories.PeerClusterFactory(ratings={"FIN.2": R})
    other = factories.PeerClusterFactory(ratings={"FIN.2": R})
    client.force_login(factories.manager(mine))

    assert client.get(f"{URL}?cluster={other.code}").status_code == 404
    assert client.get(f"{URL}?cluster={mine.code}").context["cluster"] == mine


@pytest.mark.parametrize("role", ["analyst", "superuser"])
def test_dashboard_analyst_and_superuser_open_any_cluster(client, role):
    cluster = factories.PeerClusterFactory(ratings={"FIN.2": R})
    client.force_login(factories.AnalystFactory() if role == "analyst" else factories.UserFactory(role="admin"))

    response = client.get(f"{URL}?cluster={cluster.code}")

    assert response.status_code == 200
    assert response.context["cluster"] == cluster
    assert client.get(f"{URL}?cluster=NO-SUCH").status_code == 404


def _dashboard_queries(client, count):
    visitor, manager, host = visitor_and_host()
    factories.ResultFactory(
        cluster=visitor,
        ratings={"FIN.2": R, "GOV.5": R},
        edition=factories.EditionFactory(name="V-2023", date=datetime.date(2098, 1, 1)),
    )
    guest = factories.PeerClusterFactory(ratings={"FIN.2": R})
    guest_manager = factories.manager(guest)
    mine = factories.OfferFactory(cluster=visitor, topics=["SRV.1"])
    for number in range(count):
        offer = factories.OfferFactory(cluster=host, topics=["FIN.2", "GOV.5"])
        status = [BookingStatus.REQUESTED, BookingStatus.ACCEPTED, BookingStatus.COMPLETED][number % 3]
        booking = factories.BookingFactory(
            offer=offer, cluster=visitor, requested_by=manager, status=status, focus=("FIN.2", "GOV.5")
        )
        if status == BookingStatus.COMPLETED:
            factories.ReportFactory(booking=booking)
        factories.BookingFactory(offer=mine, cluster=guest, requested_by=guest_manager)
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert len(response.context["made"]) == count
    return len(queries)


def test_dashboard_query_count_does_not_grow(client):
    assert _dashboard_queries(client, 1) == _dashboard_queries(client, 30)


def _translate(page, lang, title):
    from wagtail.models import Locale

    translation = page.copy_for_translation(Locale.objects.get(language_code=lang))
    translation.title = title
    translation.save_revision().publish()
    return translation


def _recommended(plan):
    return {
        kind: [(rec.item.title, rec.language, str(rec.language_mark)) for rec in getattr(plan, kind)]
        for kind in ("seminars", "materials", "stories")
    }


def test_dashboard_recommends_every_language_marking_untranslated_items(client):
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R})
    manager = factories.manager(visitor)
    [fin2] = factories.indicators("FIN.2")
    whole_day = {"start_time": datetime.time(0, 0), "end_time": datetime.time(23, 59), "days_ahead": 0}
    training.seminar(lang="cs", topics=[fin2], title="Jen česky: financování", **whole_day)
    handbook = training.material(topics=[fin2], title="AAA Funding handbook")
    _translate(handbook, "cs", "AAA Příručka financování")
    add_story(practice_index("cs"), 9301, topics=[fin2])
    client.force_login(manager)

    english = client.get(URL)
    [plan] = english.context["plans"]
    assert _recommended(plan)["seminars"][0] == ("Jen česky: financování", "cs", "in Czech")
    assert _recommended(plan)["materials"][0] == ("AAA Funding handbook", "", "")
    assert _recommended(plan)["stories"][0] == ("Story 9301", "cs", "in Czech")
    html = english.content.decode()
    assert '<span lang="cs">Jen česky: financování</span></a> <span class="language-mark">(in Czech)</span>' in html
    assert "AAA Příručka financování" not in html

    [plan] = client.get(in_lang("cs", "/dashboard/")).context["plans"]
    assert _recommended(plan)["seminars"][0] == ("Jen česky: financování", "", "")
    assert _recommended(plan)["materials"][0] == ("AAA Příručka financování", "", "")
    assert _recommended(plan)["stories"][0] == ("Story 9301", "", "")


def _days_since(day):
    return (datetime.date.today() - day).days


def test_dashboard_credits_improvements_only_when_measured_after_the_visit_or_seminar(client):
    visitor = factories.PeerClusterFactory(country="CZ", sector=SECTOR, languages=["de"])
    factories.ResultFactory(
        cluster=visitor,
        ratings={"FIN.2": R, "GOV.5": R},
        edition=factories.EditionFactory(name="C-2012", date=datetime.date(2012, 10, 1)),
    )
    factories.ResultFactory(
        cluster=visitor,
        ratings={"FIN.2": Y, "GOV.5": Y},
        edition=factories.EditionFactory(name="C-2014", date=datetime.date(2014, 10, 1)),
    )
    manager = factories.manager(visitor)
    host = factories.PeerClusterFactory(country="AT", ratings={"FIN.2": G, "GOV.5": G})
    # A visit in May 2013, between the editions, and one last month, after both.
    early = factories.OfferFactory(cluster=host, starts_in=-_days_since(datetime.date(2013, 5, 6)), deadline_in=-5000)
    recent = factories.OfferFactory(cluster=host, starts_in=-30, deadline_in=-40)
    for offer, code in ((early, "FIN.2"), (recent, "GOV.5")):
        booking = factories.BookingFactory(
            offer=offer, cluster=visitor, requested_by=manager, status=BookingStatus.COMPLETED
        )
        factories.ReportFactory(booking=booking, actions=[(code, "Act on it.")])
    [fin2] = factories.indicators("FIN.2")
    seminar = training.seminar(topics=[fin2], days_ahead=-20, title="Funding seminar of last month")
    from training.models import Registration, RegistrationStatus

    Registration.objects.create(
        seminar_key=seminar.translation_key,
        user=manager,
        status=RegistrationStatus.CONFIRMED,
        queued_at=seminar.starts_at - datetime.timedelta(days=3),
    )
    client.force_login(manager)

    response = client.get(URL)

    assert [
        (
            target.indicator.code,
            target.source,
            target.before,
            target.before_edition,
            target.after,
            target.after_edition,
            target.measured,
            target.improved,
        )
        for target in response.context["targets"]
    ] == [
        ("FIN.2", "visit", R, "C-2012", Y, "C-2014", True, True),
        ("GOV.5", "visit", Y, "C-2014", None, "", False, False),
        ("FIN.2", "seminar", Y, "C-2014", None, "", False, False),
    ]
    html = response.content.decode()
    assert html.count("Not yet measured") == 2
    assert html.count('<span class="change--improved">Improved</span>') == 1


# --- The focused layout (issue 13). Indicators ZF.* are scored by these tests' clusters only, and no
# seminar, material or story is on them unless a test adds one.

FOCUS_RATINGS = {"ZF.1": R, "ZF.2": R, "ZF.3": Y, "ZF.4": Y, "ZF.5": Y, "ZF.6": R, "ZF.7": Y}


def focused_visitor():
    """A visitor with seven weak points: a training material on each of the first five, nothing on ZF.6 and ZF.7."""
    visitor = factories.PeerClusterFactory(country="CZ", ratings=FOCUS_RATINGS)
    for indicator in factories.indicators("ZF.1", "ZF.2", "ZF.3", "ZF.4", "ZF.5"):
        training.material(topics=[indicator], title=f"Handbook on {indicator.code}")
    return visitor, factories.manager(visitor)


def plan_codes(plans):
    return [plan.score.indicator.code for plan in plans]


def test_dashboard_opens_the_three_weakest_points_and_collapses_the_rest(client):
    _visitor, manager = focused_visitor()
    client.force_login(manager)

    response = client.get(URL)

    context = response.context
    assert plan_codes(context["focus"]) == ["ZF.1", "ZF.2", "ZF.3"]
    assert plan_codes(context["more"]) == ["ZF.4", "ZF.5"]
    html = response.content.decode()
    opened, collapsed = html.split('<details class="more-weak-points">')
    collapsed = collapsed.split("</details>")[0]
    assert [code for code in FOCUS_RATINGS if f'id="weak-{code}"' in opened] == ["ZF.1", "ZF.2", "ZF.3"]
    assert [code for code in FOCUS_RATINGS if f'id="weak-{code}"' in collapsed] == ["ZF.4", "ZF.5"]
    assert "<summary>2 more weak points with recommendations</summary>" in collapsed


def test_dashboard_names_weak_points_without_recommendations_once(client):
    _visitor, manager = focused_visitor()
    client.force_login(manager)

    response = client.get(URL)

    assert plan_codes(response.context["nothing_yet"]) == ["ZF.6", "ZF.7"]
    html = response.content.decode()
    assert html.count('class="nothing-yet"') == 1
    assert html.count("No peer, offer, seminar, material or story addresses 2 of your weak points yet:") == 1
    assert 'id="weak-ZF.6"' not in html
    assert 'id="weak-ZF.7"' not in html
    # A card lists only what exists: the materials, no "nothing here" line per kind.
    assert html.count("<h4>Training materials</h4>") == 5
    assert "<h4>Upcoming seminars</h4>" not in html
    assert "No upcoming seminar on this topic." not in html


def test_dashboard_study_visits_follow_the_weakest_points_before_the_profile(client):
    _visitor, manager = focused_visitor()
    client.force_login(manager)

    html = client.get(URL).content.decode()

    markers = ["weak-title", "more-weak-points", "nothing-yet", "visits-title", "profile-title"]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)


def test_dashboard_shows_each_peers_match_number_in_its_order(client):
    visitor, manager, host = visitor_and_host()
    client.force_login(manager)

    response = client.get(URL)

    fin_plan = response.context["plans"][0]
    ranks = [rec.rank for rec in fin_plan.peers]
    assert ranks == sorted(ranks, reverse=True)
    assert fin_plan.peers[0].item == host
    html = response.content.decode()
    block = html.split('id="weak-FIN.2"')[1].split("</article>")[0]
    assert [f'<span class="peer-rank">Match score: {rank}</span>' in block for rank in ranks] == [True] * len(ranks)


def _dashboard_queries_with_hosts(client, count):
    """Queries of a dashboard whose visitor has `count` more peers, each strong where it is weak and telling a story."""
    visitor, manager, _host = visitor_and_host()
    for number in range(count):
        host = factories.PeerClusterFactory(country="AT", ratings={"FIN.2": G, "GOV.5": G, "SRV.1": G})
        add_story(practice_index(), 9500 + 100 * count + number, cluster=host)
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert len(response.context["plans"][0].peers) == 3
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_the_network(client):
    # The network already has a peer that is strong where the visitors are weak and tells a story.
    peer = factories.PeerClusterFactory(country="SK", ratings={"FIN.2": G, "GOV.5": G, "SRV.1": G})
    add_story(practice_index(), 9400, cluster=peer)
    assert _dashboard_queries_with_hosts(client, 1) == _dashboard_queries_with_hosts(client, 30)
