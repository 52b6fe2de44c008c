import datetime
import io

import pytest

from mobility import bench
from mobility.importing import validate_benchmark_file
from mobility.models import Cluster
from tests.mobility import factories

pytestmark = pytest.mark.django_db


def test_generated_file_is_valid():
    plan = validate_benchmark_file(bench.generated_csv(100))
    assert plan.errors == []
    assert plan.rows == 100


def test_bench_reports_equal_query_counts():
    # A network of two pages of directory search results, each cluster with a result in one edition.
    edition = factories.EditionFactory(name="2014", date=datetime.date(2014, 6, 1))
    for number, cluster in enumerate(factories.ClusterFactory.create_batch(25)):
        factories.ResultFactory(cluster=cluster, edition=edition, default=number % 3)
    out = io.StringIO()
    bench.run(out, rows=72, large_network=Cluster.objects.count() + 40)
    report = out.getvalue()
    assert "import of 72 rows" in report
    assert "peak Python memory" in report
    assert "changes anything: False" in report
    assert report.count("  equal") == 5
    assert "DIFFERENT" not in report
