"""Writing a confirmed import: what is created and updated, idempotence, a flat number of queries, and
the error report (with nothing written) when the database changed between the preview and the confirmation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobility.importing import apply_plan, import_benchmark_file, plan_import, validate_benchmark_file
from mobility.importing.writing import changed_since_preview
from mobility.models import BenchmarkEdition, BenchmarkResult, Cluster, Dimension, Indicator, Label, Rating, Score
from tests.mobility import factories
from tests.mobility.importing.files import HEADER, SAMPLE, rows_for, to_csv

pytestmark = pytest.mark.django_db


def test_sample_imports_cleanly_and_reimport_changes_nothing():
    plan, summary = import_benchmark_file(SAMPLE, filename=SAMPLE.name)
    assert plan.errors == []
    assert plan.warnings == []
    assert plan.rows == 864
    for code in ("CZ-002", "PL-001", "TR-002"):
        assert BenchmarkResult.objects.filter(cluster__code=code, edition__name__in=["2012", "2014"]).count() == 2
    assert Score.objects.filter(result__cluster__code="HR-001").count() == 72
    for result in BenchmarkResult.objects.filter(cluster__code="SK-001", edition__name__in=["2012", "2014"]):
        assert Label.objects.filter(cluster=result.cluster, level="bronze", awarded_on=result.benchmarked_on).exists()
    before = Score.objects.count(), BenchmarkResult.objects.count(), Label.objects.count(), Cluster.objects.count()
    plan, summary = import_benchmark_file(SAMPLE, filename=SAMPLE.name)
    assert summary.changes_anything is False
    assert summary.scores_unchanged == 864
    after = Score.objects.count(), BenchmarkResult.objects.count(), Label.objects.count(), Cluster.objects.count()
    assert after == before


def test_import_new_cluster_creates_everything():
    plan, summary = import_benchmark_file(to_csv(rows_for(ratings={"FIN.2": "r", "GOV.1": "3"})))
    assert plan.errors == []
    assert summary.clusters_created == ["TST-001"]
    assert summary.editions_created == ["T2020"]
    assert (summary.results_created, summary.scores_created) == (1, 36)
    cluster = Cluster.objects.get(code="TST-001")
    assert (cluster.name, str(cluster.country), cluster.sector.code) == ("Test Cluster", "CZ", "energy")
    result = BenchmarkResult.objects.get(cluster=cluster)
    assert str(result.benchmarked_on) == "2020-05-04"
    assert result.scores.get(indicator__code="FIN.2").rating == Rating.RED
    assert result.scores.get(indicator__code="GOV.1").rating == Rating.GREEN
    assert result.scores.get(indicator__code="STR.1").rating == Rating.YELLOW


def test_second_edition_adds_results_beside_the_first():
    import_benchmark_file(to_csv(rows_for(edition="T2020")))
    plan, summary = import_benchmark_file(to_csv(rows_for(edition="T2022", day="2022-05-04")))
    assert plan.errors == []
    assert (summary.clusters_created, summary.results_created) == ([], 1)
    editions = list(
        BenchmarkResult.objects.filter(cluster__code="TST-001")
        .order_by("edition__name")
        .values_list("edition__name", flat=True)
    )
    assert editions == ["T2020", "T2022"]
    assert Score.objects.filter(result__cluster__code="TST-001").count() == 72


def test_changed_rating_updates_only_that_score():
    import_benchmark_file(to_csv(rows_for()))
    plan, summary = import_benchmark_file(to_csv(rows_for(ratings={"SRV.3": "green"})))
    assert (summary.scores_updated, summary.scores_unchanged, summary.scores_created) == (1, 35, 0)
    assert Score.objects.get(result__cluster__code="TST-001", indicator__code="SRV.3").rating == Rating.GREEN


def test_label_defaults_to_two_years_and_updates_validity():
    rows = rows_for()
    for row in rows:
        row["label"] = "Bronze"
    import_benchmark_file(to_csv(rows, header=[*HEADER, "label"]))
    label = Label.objects.get(cluster__code="TST-001")
    assert (str(label.awarded_on), str(label.valid_until)) == ("2020-05-04", "2022-05-04")
    for row in rows:
        row["label_valid_until"] = "2023-01-31"
    plan, summary = import_benchmark_file(to_csv(rows, header=[*HEADER, "label", "label_valid_until"]))
    assert (summary.labels_created, summary.labels_updated) == (0, 1)
    assert str(Label.objects.get(cluster__code="TST-001").valid_until) == "2023-01-31"


def _import_queries(data):
    with CaptureQueriesContext(connection) as queries:
        plan, summary = import_benchmark_file(data)
    assert plan.errors == []
    return len(queries)


def test_import_query_count_does_not_grow_with_rows():
    # Rows are written in batches (SQLite allows ~249 scores per INSERT), so compare sizes within one batch;
    # `make bench` reports the counts for 100,000 rows. The files' sector is known already, so neither
    # import adds one.
    factories.SectorFactory(name_en="Energy")
    small = to_csv(rows_for("TST-001", "T2020"))
    large = to_csv([row for number in range(2, 8) for row in rows_for(f"TST-{number:03}", "T2021")])
    assert _import_queries(small) == _import_queries(large)


def _indicator(code="TST.1"):
    return Indicator.objects.create(dimension=Dimension.objects.get(code="FIN"), code=code, name="Test", position=99)


def test_indicator_removed_after_the_preview_is_an_error_and_nothing_is_written():
    _indicator()
    rows = rows_for()
    plan = plan_import(validate_benchmark_file(to_csv(rows)))
    Indicator.objects.filter(code="TST.1").delete()
    outcome = apply_plan(plan)
    line = [row["indicator"] for row in rows].index("TST.1") + 2
    assert [(error.line, error.column) for error in outcome.errors] == [(line, "indicator")]
    assert outcome.errors[0].message == "Unknown indicator “TST.1”. Use a code of the indicator set, e.g. FIN.2."
    assert outcome.summary is None
    assert not Cluster.objects.filter(code="TST-001").exists()
    assert not BenchmarkEdition.objects.filter(name="T2020").exists()


def test_cluster_registered_in_another_country_after_the_preview_is_an_error():
    plan = plan_import(validate_benchmark_file(to_csv(rows_for())))
    factories.ClusterFactory(code="TST-001", country="PL", name="Someone else's cluster")
    outcome = apply_plan(plan)
    assert [str(error) for error in outcome.errors] == [
        "Line 2, column country: Cluster TST-001 is registered in PL, not CZ. Correct the country or the cluster code."
    ]
    assert not BenchmarkResult.objects.filter(cluster__code="TST-001").exists()


def test_other_import_after_the_preview_is_reported_and_nothing_is_written():
    plan = plan_import(validate_benchmark_file(to_csv(rows_for(ratings={"FIN.2": "red"}))))
    import_benchmark_file(to_csv(rows_for(edition="T2020", ratings={"FIN.2": "green"})))
    outcome = apply_plan(plan)
    assert outcome.errors == [changed_since_preview()]
    assert str(outcome.errors[0]).startswith("The data changed after the preview")
    assert Score.objects.get(result__cluster__code="TST-001", indicator__code="FIN.2").rating == Rating.GREEN
    assert Score.objects.filter(result__cluster__code="TST-001").count() == 36


def test_cluster_deleted_after_the_preview_must_be_created_by_the_file():
    import_benchmark_file(to_csv(rows_for()))
    rows = rows_for(edition="T2022")
    for row in rows:
        row["cluster_name"] = row["country"] = ""
    plan = plan_import(validate_benchmark_file(to_csv(rows)))
    Cluster.objects.filter(code="TST-001").delete()
    outcome = apply_plan(plan)
    assert [(error.line, error.column) for error in outcome.errors] == [(2, "cluster_name")]
    assert not BenchmarkEdition.objects.filter(name="T2022").exists()
