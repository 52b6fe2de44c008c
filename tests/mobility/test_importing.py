import csv
import datetime
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mobility.importing import import_benchmark_file, validate_benchmark_file
from mobility.models import BenchmarkEdition, BenchmarkResult, Cluster, Indicator, Label, Rating, Score

# A copy of ../shared/data/benchmark-sample.csv, so the suite runs from any checkout.
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "benchmark-sample.csv"
HEADER = ["cluster_code", "cluster_name", "country", "sector", "edition", "benchmarked_on", "indicator", "rating"]

pytestmark = pytest.mark.django_db


def codes():
    return list(Indicator.objects.order_by("dimension__position", "position").values_list("code", flat=True))


def rows_for(code="TST-001", edition="T2020", *, name="Test Cluster", country="CZ", ratings=None, day="2020-05-04"):
    ratings = ratings or {}
    return [
        {
            "cluster_code": code,
            "cluster_name": name,
            "country": country,
            "sector": "Energy",
            "edition": edition,
            "benchmarked_on": day,
            "indicator": indicator,
            "rating": ratings.get(indicator, "yellow"),
        }
        for indicator in codes()
    ]


def to_csv(rows, *, header=None, delimiter=",", bom=False):
    header = header or list(rows[0]) if rows else header or HEADER
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode()


def to_xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    header = list(rows[0])
    sheet.append(header)
    for row in rows:
        sheet.append([row[name] for name in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def messages(plan):
    return [(issue.line, issue.column) for issue in plan.errors]


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


def test_import_accepts_bom_semicolon_and_decimal_comma():
    rows = rows_for()
    for row in rows:
        row["value"] = "12,5"
    data = to_csv(rows, header=[*HEADER, "value"], delimiter=";", bom=True)
    plan, summary = import_benchmark_file(data, filename="x.csv")
    assert plan.errors == []
    assert summary.scores_created == 36
    assert set(Score.objects.filter(result__cluster__code="TST-001").values_list("value", flat=True)) == {
        Decimal("12.5")
    }


def test_header_is_case_insensitive_and_column_order_free():
    rows = [{key.upper(): value for key, value in reversed(row.items())} for row in rows_for()]
    plan, summary = import_benchmark_file(to_csv(rows))
    assert plan.errors == []
    assert summary.scores_created == 36


def test_xlsx_first_sheet_imports():
    rows = rows_for()
    for row in rows:
        row["value"] = 3.25
    plan, summary = import_benchmark_file(to_xlsx(rows), filename="results.xlsx")
    assert plan.errors == []
    assert summary.scores_created == 36
    assert Score.objects.filter(result__cluster__code="TST-001", value=Decimal("3.25")).count() == 36


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
    from django.utils import translation

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


def test_unknown_columns_are_warned_and_ignored():
    rows = rows_for()
    for row in rows:
        row["notes"] = "anything"
    plan, summary = import_benchmark_file(to_csv(rows, header=[*HEADER, "notes"]))
    assert plan.errors == []
    assert [(issue.line, issue.column) for issue in plan.warnings] == [(1, "notes")]
    assert summary.scores_created == 36


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        ("Cluster;Název\nCZ-1;Klastr Žatec\n".encode("cp1250"), "x.csv", "not UTF-8 encoded"),
        (b"", "x.csv", "The file is empty"),
        (b"  \n\n", "x.csv", "The file is empty"),
        (b"cluster_code,edition,indicator,rating\n", "x.csv", "no data lines"),
        (b"cluster_code,edition,indicator,rating\n,,,\n", "x.csv", "no data lines"),
        (b"cluster_code,edition,indicator,rating\nCZ-1,2012,FIN.1,red\n", "x.xlsx", "not one (perhaps a CSV"),
        (b"PK\x03\x04garbage that is not a zip file", "x.xlsx", "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "x.xlsx", "password-protected"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.csv", "not UTF-8 encoded"),
        (b"a,b\x00c\n", "x.csv", "binary data"),
    ],
)
def test_hostile_file_gets_clear_error(data, filename, expected):
    plan = validate_benchmark_file(data, filename=filename)
    assert len(plan.errors) == 1
    assert plan.errors[0].line is None
    assert expected in plan.errors[0].message


def test_missing_required_column_is_named():
    plan = validate_benchmark_file(b"cluster_code,edition,rating\nCZ-1,2012,red\n")
    assert messages(plan) == [(1, "indicator")]


def test_truncated_xlsx_is_damaged():
    data = to_xlsx(rows_for())
    plan = validate_benchmark_file(data[: len(data) // 2], filename="x.xlsx")
    assert len(plan.errors) == 1
    assert "damaged" in plan.errors[0].message


def test_xlsx_with_broken_sheet_xml_is_damaged():
    source = zipfile.ZipFile(io.BytesIO(to_xlsx(rows_for())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                content = content[:200]
            target.writestr(item, content)
    plan = validate_benchmark_file(out.getvalue(), filename="x.xlsx")
    assert len(plan.errors) == 1
    assert "damaged" in plan.errors[0].message


def test_xlsx_with_xml_entities_is_refused():
    source = zipfile.ZipFile(io.BytesIO(to_xlsx(rows_for())))
    out = io.BytesIO()
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                content = bomb + content.split(b"?>", 1)[-1]
            target.writestr(item, content)
    plan = validate_benchmark_file(out.getvalue(), filename="x.xlsx")
    assert len(plan.errors) == 1
    assert "damaged" in plan.errors[0].message


def test_xlsx_zip_bomb_is_refused(settings):
    settings.BENCHMARK_IMPORT_MAX_UNZIPPED_BYTES = 1024 * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (2 * 1024 * 1024))
    assert len(out.getvalue()) < 10 * 1024
    plan = validate_benchmark_file(out.getvalue(), filename="bomb.xlsx")
    assert len(plan.errors) == 1
    assert "unpacks to more than the allowed size" in plan.errors[0].message


def test_xlsx_with_too_many_entries_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(1001):
            archive.writestr(f"part{number}.xml", b"")
    plan = validate_benchmark_file(out.getvalue(), filename="many.xlsx")
    assert len(plan.errors) == 1
    assert "too many parts (1001)" in plan.errors[0].message


def test_file_over_size_limit_is_refused(settings):
    settings.BENCHMARK_IMPORT_MAX_BYTES = 1000
    plan = validate_benchmark_file(to_csv(rows_for()))
    assert len(plan.errors) == 1
    assert "larger than" in plan.errors[0].message


def test_file_over_row_limit_is_refused(settings):
    settings.BENCHMARK_IMPORT_MAX_ROWS = 10
    plan = validate_benchmark_file(to_csv(rows_for()))
    assert len(plan.errors) == 1
    assert "more than 10 data lines" in plan.errors[0].message
    assert not Cluster.objects.filter(code="TST-001").exists()


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


def test_command_prints_summary(tmp_path, capsys):
    path = tmp_path / "new.csv"
    path.write_bytes(to_csv(rows_for()))
    call_command("import_benchmarks", str(path))
    out = capsys.readouterr().out
    assert "Imported 36 lines." in out
    assert "Clusters created: 1" in out
    assert "Scores created: 36, updated: 0, unchanged: 0" in out
    assert "Labels created: 0, updated: 0" in out


def test_command_dry_run_writes_nothing(tmp_path, capsys):
    path = tmp_path / "new.csv"
    path.write_bytes(to_csv(rows_for()))
    call_command("import_benchmarks", str(path), "--dry-run")
    assert "Clusters created: 1" in capsys.readouterr().out
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_command_fails_with_every_error(tmp_path, capsys):
    rows = rows_for()
    rows[0]["rating"] = "bad"
    rows[9]["indicator"] = "NOPE"
    path = tmp_path / "bad.csv"
    path.write_bytes(to_csv(rows))
    with pytest.raises(CommandError, match="2 errors found"):
        call_command("import_benchmarks", str(path))
    err = capsys.readouterr().err
    assert "Line 2, column rating:" in err
    assert "Line 11, column indicator:" in err
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_command_missing_file_fails(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_benchmarks", str(tmp_path / "missing.csv"))


def test_label_without_any_date_is_an_error():
    rows = rows_for(edition="T-NODATE", day="")
    for row in rows:
        row["label"] = "bronze"
    plan = validate_benchmark_file(to_csv(rows, header=[*HEADER, "label"]))
    assert messages(plan) == [(2, "benchmarked_on")]


def test_xlsx_date_cells_and_numeric_ratings():
    rows = rows_for()
    for row in rows:
        row["benchmarked_on"] = datetime.datetime(2020, 5, 4)
        row["rating"] = 3
    plan, summary = import_benchmark_file(to_xlsx(rows), filename="dates.xlsx")
    assert plan.errors == []
    result = BenchmarkResult.objects.get(cluster__code="TST-001")
    assert str(result.benchmarked_on) == "2020-05-04"
    assert set(result.scores.values_list("rating", flat=True)) == {Rating.GREEN}
