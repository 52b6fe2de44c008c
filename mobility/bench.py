"""On-demand benchmark of the benchmark importer and the cluster pages (`make bench`).

`run(stdout)` is called inside a transaction that the bench command rolls back,
so everything created here disappears afterwards.
"""

import datetime
import io
import time
import tracemalloc

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mobility.importing import import_benchmark_file
from mobility.models import (
    BenchmarkEdition,
    BenchmarkResult,
    Cluster,
    ClusterMembership,
    Indicator,
    MembershipRole,
    MembershipStatus,
)

IMPORT_ROWS = 100_000
LARGE_NETWORK = 6_000
RATINGS = ("red", "yellow", "green")
COUNTRIES = ("CZ", "PL", "SK", "HU", "HR", "TR")


def generated_csv(rows, *, prefix="BN"):
    """A valid long-format CSV with `rows` data lines (36 per cluster)."""
    codes = list(Indicator.objects.order_by("dimension__position", "position").values_list("code", flat=True))
    out = io.StringIO()
    out.write("cluster_code,cluster_name,country,sector,edition,benchmarked_on,indicator,rating,value\n")
    for number in range(rows):
        cluster, indicator = divmod(number, len(codes))
        out.write(
            f"{prefix}-{cluster:05},Bench Cluster {cluster},{COUNTRIES[cluster % 6]},Energy,BENCH,2030-03-01,"
            f"{codes[indicator]},{RATINGS[(cluster + indicator) % 3]},{(cluster * 7 + indicator) % 1000 / 10}\n"
        )
    return out.getvalue().encode()


class _Undo(Exception):
    """Rolls back the timed import so the memory measurement starts from the same state."""


def measure_import(stdout, rows=IMPORT_ROWS):
    data = generated_csv(rows)
    # tracemalloc slows allocation-heavy code several times over, so time and memory are measured in two runs.
    started = time.perf_counter()
    try:
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            plan, summary = import_benchmark_file(data, filename="bench.csv")
            elapsed = time.perf_counter() - started
            raise _Undo
    except _Undo:
        pass
    if not plan.is_valid:
        stdout.write(f"  import failed: {plan.errors[:3]}")
        return
    stdout.write(
        f"  import of {rows:,} rows ({len(data) / 1e6:.1f} MB): {elapsed:.1f} s, {len(queries)} queries "
        f"({connection.vendor}), {len(summary.clusters_created):,} clusters and {summary.scores_created:,} scores"
    )
    tracemalloc.start()
    import_benchmark_file(data, filename="bench.csv")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    stdout.write(f"  peak Python memory during the import: {peak / 1e6:.1f} MB")
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        plan, summary = import_benchmark_file(data, filename="bench.csv")
    stdout.write(
        f"  re-import of the same file: {time.perf_counter() - started:.1f} s, {len(queries)} queries, "
        f"changes anything: {summary.changes_anything}"
    )


def _manager_client(cluster):
    user, _created = get_user_model().objects.get_or_create(email="bench-manager@centramo.example")
    ClusterMembership.objects.update_or_create(
        cluster=cluster, user=user, defaults={"role": MembershipRole.MANAGER, "status": MembershipStatus.APPROVED}
    )
    client = Client()
    client.force_login(user)
    return client


def page_queries(cluster):
    """{page: number of queries} for the directory, a profile and the cluster's results page."""
    anonymous, manager = Client(), _manager_client(cluster)
    with translation.override("en"):
        pages = {
            "directory": (anonymous, reverse("mobility:directory")),
            "directory, search": (anonymous, reverse("mobility:directory") + "?q=Cluster&page=2"),
            "profile": (anonymous, reverse("mobility:cluster", kwargs={"code": cluster.code})),
            "statistics": (anonymous, reverse("mobility:statistics")),
            "results": (manager, reverse("mobility:results", kwargs={"code": cluster.code})),
        }
    counts = {}
    for name, (client, url) in pages.items():
        client.get(url)  # warm caches (content types, site, sessions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[name] = len(queries) if response.status_code == 200 else f"HTTP {response.status_code}"
    return counts


def grow_network(target):
    """Add clusters (each with a result in a bench edition) until there are `target`."""
    missing = target - Cluster.objects.count()
    if missing <= 0:
        return
    edition, _created = BenchmarkEdition.objects.get_or_create(
        name="BENCH-GROW", defaults={"date": datetime.date(2031, 1, 1)}
    )
    clusters = Cluster.objects.bulk_create(
        Cluster(code=f"BG-{number:05}", name=f"Grown Cluster {number}", country=COUNTRIES[number % 6])
        for number in range(missing)
    )
    clusters = Cluster.objects.filter(code__startswith="BG-")
    BenchmarkResult.objects.bulk_create(BenchmarkResult(cluster=cluster, edition=edition) for cluster in clusters)


def run(stdout, *, rows=IMPORT_ROWS, large_network=LARGE_NETWORK):
    stdout.write("Benchmark import and cluster pages (mobility)")
    cluster = Cluster.objects.filter(results__isnull=False).order_by("code").first()
    if cluster is None:
        stdout.write("  no cluster with results: run `manage.py seed_demo` first")
        return
    small = Cluster.objects.count()
    before = page_queries(cluster)
    measure_import(stdout, rows)
    grow_network(large_network)
    large = Cluster.objects.count()
    after = page_queries(cluster)
    stdout.write(f"  queries per page with {small:,} and with {large:,} clusters:")
    for name, count in before.items():
        verdict = "equal" if count == after[name] else "DIFFERENT"
        stdout.write(f"    {name:<20} {count!s:>6} {after[name]!s:>6}  {verdict}")
