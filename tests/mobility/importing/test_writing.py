"""Writing a confirmed import: what is created and updated, idempotence, and a flat number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobility.importing import import_benchmark_file
from mobility.models import BenchmarkResult, Cluster, Label, Rating, Score
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
    assert (cluster.name, str(cluster.country), cluster.sector) == ("Test Cluster", "CZ", "Energy")
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
    # `make bench` reports the counts for 100,000 rows.
    small = to_csv(rows_for("TST-001", "T2020"))
    large = to_csv([row for number in range(2, 8) for row in rows_for(f"TST-{number:03}", "T2021")])
    assert _import_queries(small) == _import_queries(large)
