"""Reading CSV and XLSX files: encodings, delimiters, workbooks and files that cannot be read safely."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest

from mobility.importing import import_benchmark_file, validate_benchmark_file
from mobility.models import BenchmarkResult, Rating, Score
from tests.mobility.importing.files import HEADER, rows_for, to_csv, to_xlsx

pytestmark = pytest.mark.django_db


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
