"""Benchmark files built in tests: one row per indicator of the default set."""

import csv
import io
from pathlib import Path

import openpyxl

from mobility.models import Indicator

# A copy of ../shared/data/benchmark-sample.csv, so the suite runs from any checkout.
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "benchmark-sample.csv"
HEADER = ["cluster_code", "cluster_name", "country", "sector", "edition", "benchmarked_on", "indicator", "rating"]


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


def messages(validation):
    return [(issue.line, issue.column) for issue in validation.errors]


def many_rows(count, *, prefix="BIG"):
    """`count` data lines for as many clusters as they need (one line per indicator of each)."""
    per_cluster = len(codes())
    clusters = -(-count // per_cluster)
    return [row for number in range(clusters) for row in rows_for(f"{prefix}-{number:03}")][:count]
