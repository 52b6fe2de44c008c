"""The demo data tells one story: what news and stories say matches the directory and the results."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from content.models import BestPracticePage, NewsPage
from mobility.models import BenchmarkResult, Cluster, Label, Score, StudyVisitOffer
from portal.demo import content as demo
from portal.demo.visits import demo_offers
from tests.helpers import LANGS

pytestmark = pytest.mark.django_db

# The clusters the demo news and stories name (checked against the demo text below).
NAMED = {
    "Moravský klastr zdravotnické techniky": "CZ-002",
    "Považský automobilový klaster": "SK-004",
    "Podkarpacki Klaster Drzewny": "PL-007",
    "Dél-alföldi Élelmiszeripari Klaszter": "HU-005",
    "Jadranski ICT klaster": "HR-003",
    "İzmir Yenilenebilir Enerji Kümesi": "TR-005",
}


def profile(code, lang):
    with translation.override(lang):
        return reverse("mobility:cluster", kwargs={"code": code})


def texts(item, lang):
    return " ".join(
        value[lang] for value in item.values() if isinstance(value, dict) and isinstance(value.get(lang), str)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_cluster_named_in_news_and_stories_is_in_the_directory(lang):
    directory = dict(Cluster.objects.filter(is_public=True).values_list("name", "code"))
    stories = {story["cluster_name"][lang] for story in demo.BEST_PRACTICES}
    mentioned = {name for name in NAMED for item in demo.NEWS if name in texts(item, lang)}

    assert {name: directory.get(name) for name in stories | mentioned} == NAMED


@pytest.mark.parametrize("lang", LANGS)
def test_news_link_the_clusters_they_name(client, lang):
    linked = 0
    for article in NewsPage.objects.live().filter(locale__language_code=lang):
        body = client.get(article.url).content.decode().split("<main", 1)[1]
        for name, code in NAMED.items():
            if escape(name) in body:
                assert f'<a href="{profile(code, lang)}">{escape(name)}</a>' in body, (article.url, name)
                linked += 1

    assert linked == 1


@pytest.mark.parametrize("lang", LANGS)
def test_stories_link_their_cluster_profile(client, lang):
    for story in BestPracticePage.objects.live().filter(locale__language_code=lang).select_related("cluster"):
        html = client.get(story.url).content.decode()

        assert story.cluster.name == story.cluster_name
        assert f'<a href="{profile(story.cluster.code, lang)}">{escape(story.cluster_name)}</a>' in html


def test_news_figures_agree_with_the_results():
    first = set(BenchmarkResult.objects.filter(edition__name="2012").values_list("cluster_id", flat=True))
    second = set(BenchmarkResult.objects.filter(edition__name="2014").values_list("cluster_id", flat=True))
    private_funding_red = Score.objects.filter(result__edition__name="2014", indicator__code="FIN.2", rating=0)
    summary = next(item for item in demo.NEWS if "52" in item["summary"]["en"])["summary"]["en"]

    assert (len(first), len(first & second), len(second - first), len(second)) == (52, 52, 8, 60)
    assert private_funding_red.count() == 15
    assert summary.startswith("All 52 clusters benchmarked in the first round took part in the second, and 8 more")


def test_silver_label_news_agree_with_the_labels():
    silver = (
        Label.objects.filter(level="silver").order_by("awarded_on").values_list("cluster__code", "cluster__country")
    )

    assert list(silver.values_list("cluster__code", flat=True)) == ["TR-002", "CZ-007", "HR-003"]
    assert Cluster.objects.get(code="HR-003").name == "Jadranski ICT klaster"


@pytest.mark.parametrize("lang", LANGS)
def test_demo_offers_are_written_in_every_language(lang):
    offers = demo_offers()

    assert offers.count() == 19
    for offer in offers:
        title, place = getattr(offer, f"title_{lang}"), getattr(offer, f"place_{lang}")
        assert (bool(title), bool(place), bool(getattr(offer, f"programme_{lang}"))) == (True, True, True)
        assert offer.cluster.name in title
    assert StudyVisitOffer.objects.filter(place__icontains="demo").count() == 0
