"""Measuring helper for `manage.py bench` (benchmarks report; tests never time)."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

ROUNDS = 15


def measure(client, url, rounds=ROUNDS):
    """(median milliseconds, queries) of GET `url` after one warm-up request."""
    client.get(url)
    timings = []
    for _round in range(rounds):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(queries)
