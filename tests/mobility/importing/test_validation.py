"""Checking a file: every error with its line and column, in the analyst's language, nothing written."""

import pytest
from django.utils import translation

from mobility.importing import import_benchmark_file, validate_benchmark_file
from mobility.models import BenchmarkEdition, Cluster
from tests.mobility.importing.files import HEADER, many_rows, messages, rows_for, to_csv

pytestmark = pytest.mark.django_db


def test_every_error_is_listed_with_line_and_column_and_nothing_is_written():
    rows = rows_for()
    rows[0]["rating"] = "purple"
    rows[1]["indicator"] = "FIN.99"
    rows[2]["benchmarked_on"] = "04/05/2020"
    rows[3]["country"] = "Atlantis"
    rows[4]["indicator"] = rows[5]["indicator"]
    rows[6]["cluster_name"] = "Another Name"
    plan, summary = import_benchmark_file(to_csv(rows))
    assert summary is None
    assert messages(plan) == [
        (2, "rating"),
        (3, "indicator"),
        (4, "benchmarked_on"),
        (5, "country"),
        (7, "indicator"),
        (8, "cluster_name"),
    ]
    assert "conflicts with “Test Cluster” on line 2" in plan.errors[5].message
    assert "already has a rating for STR.6" in plan.errors[4].message
    assert str(plan.errors[0]).startswith("Line 2, column rating:")
    assert not Cluster.objects.filter(code="TST-001").exists()
    assert not BenchmarkEdition.objects.filter(name="T2020").exists()


def test_errors_are_reported_in_the_users_language():
    rows = rows_for()
    rows[0]["rating"] = "purple"

    with translation.override("cs"):
        plan, summary = import_benchmark_file(to_csv(rows))
        message = str(plan.errors[0])

    assert summary is None
    with translation.override("en"):
        english = str(plan.errors[0])
    assert message != english
    assert message.startswith("Řádek 2")


def test_unknown_cluster_without_name_and_country_is_an_error():
    rows = rows_for()
    for row in rows:
        row["cluster_name"] = ""
    plan = validate_benchmark_file(to_csv(rows))
    assert messages(plan) == [(2, "cluster_name")]


def test_existing_cluster_in_another_country_is_an_error():
    import_benchmark_file(to_csv(rows_for()))
    plan = validate_benchmark_file(to_csv(rows_for(country="PL")))
    assert messages(plan)[0] == (2, "country")
    assert len(plan.errors) == 36


def test_bad_value_and_label_are_errors():
    rows = rows_for()
    rows[0]["value"] = "1.234,5"
    rows[1]["value"] = "abc"
    rows[2]["label"] = "platinum"
    rows[3]["label_valid_until"] = "2022-13-01"
    rows[3]["label"] = "bronze"
    header = [*HEADER, "value", "label", "label_valid_until"]
    for row in rows:
        row.setdefault("value", "")
        row.setdefault("label", "")
        row.setdefault("label_valid_until", "")
    plan = validate_benchmark_file(to_csv(rows, header=header))
    assert messages(plan) == [(2, "value"), (3, "value"), (4, "label"), (5, "label_valid_until")]


def test_label_without_any_date_is_an_error():
    rows = rows_for(edition="T-NODATE", day="")
    for row in rows:
        row["label"] = "bronze"
    plan = validate_benchmark_file(to_csv(rows, header=[*HEADER, "label"]))
    assert messages(plan) == [(2, "benchmarked_on")]


def test_unknown_columns_are_warned_and_ignored():
    rows = rows_for()
    for row in rows:
        row["notes"] = "anything"
    plan, summary = import_benchmark_file(to_csv(rows, header=[*HEADER, "notes"]))
    assert plan.errors == []
    assert [(issue.line, issue.column) for issue in plan.warnings] == [(1, "notes")]
    assert summary.scores_created == 36


def test_missing_required_column_is_named():
    plan = validate_benchmark_file(b"cluster_code,edition,rating\nCZ-1,2012,red\n")
    assert messages(plan) == [(1, "indicator")]


def test_file_over_row_limit_is_refused(settings):
    settings.BENCHMARK_IMPORT_MAX_ROWS = 10
    plan = validate_benchmark_file(to_csv(rows_for()))
    assert len(plan.errors) == 1
    assert "more than 10 data lines" in plan.errors[0].message
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_progress_is_reported_every_thousand_lines():
    seen = []
    validation = validate_benchmark_file(to_csv(many_rows(2500)), progress=seen.append)
    assert validation.errors == []
    assert seen == [1000, 2000]
