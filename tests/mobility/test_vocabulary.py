"""Sectors and regions are records named in every language; filters go by their code."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from mobility import vocabulary
from mobility.importing import import_benchmark_file
from mobility.models import Cluster, Region, Sector
from tests.helpers import LANGS, count_queries
from tests.mobility import factories
from tests.mobility.importing.files import rows_for, to_csv

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"mobility:{name}", kwargs=kwargs)


# (language, the sector "Food and agriculture", the region "Central Bohemian Region") as each language names them.
FOOD_AND_CENTRAL_BOHEMIA = [
    ("en", "Food and agriculture", "Central Bohemian Region"),
    ("cs", "Potraviny a zemědělství", "Středočeský kraj"),
    ("sk", "Potraviny a poľnohospodárstvo", "Stredočeský kraj"),
    ("pl", "Żywność i rolnictwo", "Kraj środkowoczeski"),
    ("hu", "Élelmiszeripar és mezőgazdaság", "Közép-csehországi kerület"),
    ("hr", "Hrana i poljoprivreda", "Srednjočeški kraj"),
    ("tr", "Gıda ve tarım", "Orta Bohemya Bölgesi"),
]


def food_sector():
    return factories.SectorFactory(**{f"name_{lang}": sector for lang, sector, _region in FOOD_AND_CENTRAL_BOHEMIA})


def central_bohemia():
    return factories.RegionFactory(
        country="CZ", **{f"name_{lang}": region for lang, _sector, region in FOOD_AND_CENTRAL_BOHEMIA}
    )


def automotive_sector():
    return factories.SectorFactory(
        name_en="Automotive",
        name_cs="Automobilový průmysl",
        name_sk="Automobilový priemysel",
        name_pl="Motoryzacja",
    )


def moravia_silesia():
    return factories.RegionFactory(
        country="CZ",
        name_en="Moravian-Silesian Region",
        name_cs="Moravskoslezský kraj",
        name_hu="Morva-sziléziai kerület",
    )


def silesian_voivodeship():
    return factories.RegionFactory(country="PL", name_en="Silesian Voivodeship", name_pl="Województwo śląskie")


@pytest.mark.parametrize(("lang", "sector", "region"), FOOD_AND_CENTRAL_BOHEMIA)
def test_profile_names_sector_and_region_in_the_readers_language(client, lang, sector, region):
    factories.ClusterFactory(code="CZ-001", sector=food_sector(), region=central_bohemia())
    html = client.get(url("cluster", lang, code="CZ-001")).content.decode()

    assert f"<dd>{region}</dd>" in html
    directory = url("directory", lang)
    assert f'<dd><a href="{directory}?sector=food-and-agriculture">{sector}</a></dd>' in html


def test_directory_sector_filter_gives_the_same_clusters_in_every_language(client):
    sector = automotive_sector()
    factories.ClusterFactory(code="SK-001", country="SK", name="Slovak Automotive Cluster", sector=sector)
    factories.ClusterFactory(code="CZ-003", name="Automotive Cluster Moravia", sector=sector)
    factories.ClusterFactory(code="PL-002", country="PL", name="Polish Automotive Cluster", sector=sector)
    factories.ClusterFactory(code="CZ-004", name="Another Automotive Cluster", sector=sector, is_public=False)
    factories.ClusterFactory(code="CZ-005", name="Automotive-free ICT Cluster", sector="ICT")
    found = {}
    for lang in LANGS:
        response = client.get(url("directory", lang), {"sector": "automotive"})
        found[lang] = [cluster.code for cluster in response.context["clusters"]]
    automotive = list(
        Cluster.objects.filter(sector__code="automotive").order_by("name", "code").values_list("code", flat=True)
    )

    assert automotive == ["CZ-004", "CZ-003", "PL-002", "SK-001"]
    assert found == dict.fromkeys(LANGS, ["CZ-003", "PL-002", "SK-001"])


def test_directory_offers_sectors_by_code_named_in_the_readers_language(client):
    factories.ClusterFactory(sector=automotive_sector())
    factories.ClusterFactory(
        sector=factories.SectorFactory(name_en="ICT", name_pl="Technologie informacyjno-komunikacyjne")
    )
    factories.ClusterFactory(sector="Tourism")
    factories.ClusterFactory(sector="Only private clusters", is_public=False)
    with translation.override("pl"):
        choices = dict(client.get(url("directory", "pl")).context["form"].fields["sector"].choices)

    assert choices["automotive"] == "Motoryzacja"
    assert choices["ict"] == "Technologie informacyjno-komunikacyjne"
    assert choices == {
        "": choices[""],
        "automotive": "Motoryzacja",
        "ict": "Technologie informacyjno-komunikacyjne",
        "tourism": "Tourism",
    }


def test_search_finds_a_sector_or_region_by_its_name_in_any_language(client):
    region, sector = moravia_silesia(), automotive_sector()
    factories.ClusterFactory(code="CZ-011", name="Ostrava ICT", region=region, sector="ICT")
    factories.ClusterFactory(code="CZ-012", name="Ostrava Cars", region=region, sector=sector)
    factories.ClusterFactory(code="PL-011", country="PL", name="Polish Cars", sector=sector)
    factories.ClusterFactory(code="PL-012", country="PL", name="Polish ICT", sector="ICT")
    by_english = client.get(url("directory", "pl"), {"q": "Moravian-Silesian"})
    by_czech = client.get(url("directory", "en"), {"q": "Moravskoslezský"})
    by_polish_sector = client.get(url("directory", "hu"), {"q": "Motoryzacja"})

    moravian = list(Cluster.objects.filter(region__code="moravian-silesian-region").values_list("code", flat=True))
    assert sorted(moravian) == ["CZ-011", "CZ-012"]
    assert [cluster.code for cluster in by_english.context["clusters"]] == moravian
    assert [cluster.code for cluster in by_czech.context["clusters"]] == moravian
    assert {cluster.code for cluster in by_polish_sector.context["clusters"]} == set(
        Cluster.objects.filter(sector__code="automotive").values_list("code", flat=True)
    )


def test_network_map_lists_regions_in_the_readers_language(client):
    factories.ClusterFactory(region=moravia_silesia())
    html = client.get(url("directory", "hu")).content.decode()

    assert "Morva-sziléziai kerület" in html
    assert "Moravian-Silesian Region" not in html


def test_api_sector_filter_gives_the_same_clusters_in_every_language(client):
    energy = factories.SectorFactory(name_en="Energy", name_cs="Energetika", name_tr="Enerji")
    factories.ClusterFactory(code="TR-005", country="TR", name="Anatolian Energy Cluster", sector=energy)
    factories.ClusterFactory(code="CZ-007", name="Czech Energy Cluster", sector=energy)
    factories.ClusterFactory(code="CZ-008", name="Czech ICT Cluster", sector="ICT")
    found = {
        lang: [
            item["code"]
            for item in client.get("/api/v1/clusters/", {"sector": "energy", "lang": lang}).json()["results"]
        ]
        for lang in LANGS
    }
    names = {}
    for lang in ("en", "tr"):
        data = client.get("/api/v1/clusters/TR-005/", {"lang": lang}).json()
        names[lang] = (data["sector_code"], data["sector"])

    assert sorted(found["en"]) == ["CZ-007", "TR-005"]
    assert found == dict.fromkeys(LANGS, found["en"])
    assert names == {"en": ("energy", "Energy"), "tr": ("energy", "Enerji")}


def test_peer_sector_filter_names_sectors_in_the_readers_language(client):
    visitor, manager, _host, _host_manager = factories.pair()
    sector = automotive_sector()
    factories.PeerClusterFactory(
        country="SK", sector=sector, ratings={"FIN.2": factories.G, "GOV.5": factories.G, "SRV.1": factories.G}
    )
    factories.PeerClusterFactory(
        country="PL", sector="ICT", ratings={"FIN.2": factories.G, "GOV.5": factories.G, "SRV.1": factories.G}
    )
    factories.PeerClusterFactory(country="HU", sector=sector, ratings={"FIN.2": factories.G, "GOV.5": factories.Y})
    client.force_login(manager)

    with translation.override("sk"):
        response = client.get(reverse("visits:peers"), {"sector": "automotive"})

    choices = dict(response.context["form"].fields["sector"].choices)
    assert choices["automotive"] == "Automobilový priemysel"
    assert response.context["cluster"] == visitor
    assert {peer.cluster.sector.code for peer in response.context["peers"]} == {"automotive"}
    assert len(response.context["peers"]) == 2


# --- Import -----------------------------------------------------------------------------------


def with_terms(rows, **cells):
    return [{**row, **cells} for row in rows]


def test_import_finds_sectors_and_regions_by_their_name_in_any_language():
    factories.SectorFactory(name_en="Energy", name_cs="Energetika")
    factories.SectorFactory(name_en="ICT", name_cs="Informační a komunikační technologie")
    moravia_silesia()
    rows = with_terms(rows_for(code="TST-101"), sector="Energetika", region="Moravskoslezský kraj")
    plan, summary = import_benchmark_file(to_csv(rows))

    cluster = Cluster.objects.get(code="TST-101")
    assert plan.errors == []
    assert (cluster.sector.code, cluster.region.code) == ("energy", "moravian-silesian-region")
    assert Sector.objects.count() == 2
    assert Region.objects.count() == 1


def test_import_adds_a_new_sector_named_in_english_only_when_it_writes():
    rows = with_terms(rows_for(code="TST-102"), sector="Space technology", region="Brno")

    preview, _summary = import_benchmark_file(to_csv(rows), dry_run=True)
    assert not Sector.objects.filter(code="space-technology").exists()
    assert not Region.objects.filter(code="brno").exists()
    import_benchmark_file(to_csv(rows))

    sector = Sector.objects.get(code="space-technology")
    cluster = Cluster.objects.get(code="TST-102")
    assert cluster.sector == sector
    assert (cluster.region.country, cluster.region.code) == ("CZ", "brno")
    with translation.override("cs"):
        assert str(sector) == "Space technology"


def test_import_reports_a_sector_change_with_both_names():
    factories.ClusterFactory(code="TST-103", name="Test Cluster", sector="ICT")
    rows = rows_for(code="TST-103")

    _plan, summary = import_benchmark_file(to_csv(rows), dry_run=True)

    assert [
        (code, [(field, str(old), str(new)) for field, old, new in changes])
        for code, changes in summary.clusters_updated
    ] == [("TST-103", [("sector", "ICT", "Energy")])]


def test_terms_differing_in_case_and_spacing_are_one_sector():
    assert vocabulary.sector_named(" ict ") == vocabulary.sector_named("ICT") == Sector.objects.get(code="ict")


def test_a_cluster_cannot_lie_in_a_region_of_another_country():
    cluster = factories.ClusterFactory(country="PL")
    cluster.region = moravia_silesia()

    with pytest.raises(ValidationError) as error:
        cluster.full_clean()

    assert error.value.message_dict == {"region": ["This region lies in another country. Choose one of this country."]}


def test_directory_query_count_does_not_grow_with_sectors_and_regions(client):
    factories.ClusterFactory(name="Vocab Count 0", sector="Vocab sector 0", region="Vocab region 0")
    one = count_queries(client, url("directory") + "?q=Vocab+Count")
    for number in range(1, 30):
        factories.ClusterFactory(
            name=f"Vocab Count {number}", sector=f"Vocab sector {number}", region=f"Vocab region {number}"
        )

    assert count_queries(client, url("directory") + "?q=Vocab+Count") == one


# --- Admin ------------------------------------------------------------------------------------


def test_analyst_translates_a_sector_and_every_language_reads_it(client):
    client.force_login(factories.UserFactory(role="analyst"))
    sector = vocabulary.sector_named("Space technology")
    data = {"code": sector.code, **{f"name_{lang}": "" for lang in LANGS}}
    data |= {"name_en": "Space technology", "name_cs": "Kosmické technologie", "name_tr": "Uzay teknolojileri"}

    response = client.post(reverse("wagtailsnippets_mobility_sector:edit", args=[sector.pk]), data)
    client.logout()
    factories.ClusterFactory(name="Orbit Cluster", sector="Space technology")

    assert response.status_code == 302
    assert "Kosmické technologie" in client.get(url("directory", "cs"), {"sector": sector.code}).content.decode()
    # Languages without a name of their own read the English one.
    assert "Space technology" in client.get(url("directory", "pl"), {"sector": sector.code}).content.decode()


def test_analyst_edits_a_cluster_region_of_its_own_country_only(client):
    client.force_login(factories.UserFactory(role="analyst"))
    cluster = factories.ClusterFactory(
        code="CZ-001", sector=food_sector(), region=central_bohemia(), languages=["cs", "en"]
    )
    silesian_voivodeship()
    edit = reverse("wagtailsnippets_mobility_cluster:edit", args=[cluster.pk])
    html = client.get(edit).content.decode()
    assert 'name="region"' in html and 'name="sector"' in html

    form = client.get(edit).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["region"] = Region.objects.get(country="PL", code="silesian-voivodeship").pk
    data["languages"] = '["cs", "en"]'
    response = client.post(edit, data)

    assert response.status_code == 200
    assert "This region lies in another country." in response.content.decode()
    cluster.refresh_from_db()
    assert cluster.region.code == "central-bohemian-region"


def test_only_analysts_manage_sectors_and_regions(client):
    client.force_login(factories.UserFactory(role="trainer"))

    assert client.get(reverse("wagtailsnippets_mobility_sector:list")).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_mobility_region:list")).status_code in (302, 403)
    client.force_login(factories.UserFactory(role="analyst"))
    assert client.get(reverse("wagtailsnippets_mobility_region:list")).status_code == 200


# --- Migration --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_every_clusters_sector_and_region():
    """Sector and region texts become records; texts differing in case or spacing become one record."""
    factories.ClusterFactory(code="CZ-001", sector=food_sector(), region=central_bohemia())
    before = [("mobility", "0012_cluster_logo")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    OldCluster = executor.loader.project_state(before).apps.get_model("mobility", "Cluster")
    for code, country, sector, region in [
        ("MIG-1", "CZ", "Automotive", "Moravia-Silesia"),
        ("MIG-2", "SK", " automotive ", "Žilina"),
        ("MIG-3", "PL", "", "Silesia"),
        ("MIG-4", "CZ", "ICT", "moravia-silesia"),
    ]:
        OldCluster.objects.create(code=code, name=code, country=country, sector=sector, region=region, languages=[])

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = Cluster.objects.filter(code__startswith="MIG-").order_by("code")
    assert [
        (cluster.code, cluster.sector and cluster.sector.name_en, str(cluster.region.country), cluster.region.name_en)
        for cluster in rows
    ] == [
        ("MIG-1", "Automotive", "CZ", "Moravia-Silesia"),
        ("MIG-2", "Automotive", "SK", "Žilina"),
        ("MIG-3", None, "PL", "Silesia"),
        ("MIG-4", "ICT", "CZ", "Moravia-Silesia"),
    ]
    kept = Cluster.objects.get(code="CZ-001")
    assert (kept.sector.name_en, kept.region.name_en) == ("Food and agriculture", "Central Bohemian Region")


@pytest.mark.page_cache
def test_a_renamed_sector_shows_at_once_on_cached_pages(client):
    factories.ClusterFactory(code="SK-001", country="SK", sector=automotive_sector())
    before = client.get(url("cluster", "cs", code="SK-001")).content.decode()
    sector = Sector.objects.get(code="automotive")
    sector.name_cs = "Automobilový a dopravní průmysl"
    sector.save()

    after = client.get(url("cluster", "cs", code="SK-001")).content.decode()

    assert ">Automobilový průmysl</a>" in before
    assert ">Automobilový a dopravní průmysl</a>" in after
