"""The preview: what a valid file would create and change, computed without writing anything."""

import pytest

from mobility.importing import ImportSummary, apply_plan, plan_import, validate_benchmark_file
from mobility.models import BenchmarkEdition, Cluster, Score
from tests.mobility import factories
from tests.mobility.importing.files import rows_for, to_csv

pytestmark = pytest.mark.django_db


def test_preview_writes_nothing_and_is_what_the_import_then_writes():
    factories.ClusterFactory(code="TST-001", name="Old Name", country="CZ")
    plan = plan_import(validate_benchmark_file(to_csv(rows_for(name="New Name"))))
    assert plan.summary == ImportSummary(
        clusters_updated=[("TST-001", [("name", "Old Name", "New Name"), ("sector", "", "Energy")])],
        editions_created=["T2020"],
        results_created=1,
        scores_created=36,
    )
    assert Cluster.objects.get(code="TST-001").name == "Old Name"
    assert not BenchmarkEdition.objects.filter(name="T2020").exists()
    outcome = apply_plan(plan)
    assert outcome.errors == []
    assert outcome.summary == plan.summary
    assert Cluster.objects.get(code="TST-001").name == "New Name"
    assert Score.objects.filter(result__cluster__code="TST-001").count() == 36


def test_preview_of_a_reimport_changes_nothing():
    apply_plan(plan_import(validate_benchmark_file(to_csv(rows_for()))))
    summary = plan_import(validate_benchmark_file(to_csv(rows_for()))).summary
    assert summary.changes_anything is False
    assert summary.scores_unchanged == 36


def test_summary_is_stored_and_read_back_unchanged():
    summary = ImportSummary(
        clusters_created=["TST-002"],
        clusters_updated=[("TST-001", [("region", "", "Morava")])],
        editions_created=["T2020"],
        results_created=2,
        scores_created=72,
        labels_created=1,
    )
    assert ImportSummary.from_json(summary.to_json()) == summary


def test_a_file_with_errors_has_no_plan():
    validation = validate_benchmark_file(b"cluster_code,edition,rating\nCZ-1,2012,red\n")
    with pytest.raises(ValueError):
        plan_import(validation)
