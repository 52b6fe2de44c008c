"""Measurements of the public site, run by `make bench` (never as timed tests)."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from content.models import BestPracticeIndexPage, HomePage, NewsIndexPage, NewsPage

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


def run(stdout):
    client = Client()
    stdout.write("Public pages (seeded demo site): median render time and SQL queries")
    for model in (HomePage, NewsIndexPage, NewsPage, BestPracticeIndexPage):
        for page in model.objects.live().filter(locale__language_code__in=["en", "cs"]).order_by("path")[:2]:
            median, queries = measure(client, page.url)
            stdout.write(f"  {page.url:<60} {median:7.1f} ms  {queries:3d} queries")
