import io

import pytest

from mobility import bench
from mobility.importing import validate_benchmark_file
from mobility.models import Cluster

pytestmark = pytest.mark.django_db


def test_generated_file_is_valid():
    plan = validate_benchmark_file(bench.generated_csv(100))
    assert plan.errors == []
    assert plan.rows == 100


def test_bench_reports_equal_query_counts():
    out = io.StringIO()
    bench.run(out, rows=72, large_network=Cluster.objects.count() + 40)
    report = out.getvalue()
    assert "import of 72 rows" in report
    assert "peak Python memory" in report
    assert "changes anything: False" in report
    assert report.count("  equal") == 5
    assert "DIFFERENT" not in report
