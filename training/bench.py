"""Measurements of the training pages, feeds and registrations, run by `make bench` (never as timed tests).

`run(stdout)` is called inside a transaction that the bench command rolls back.
"""

import datetime
import time

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from portal.core.bench import measure
from training.models import SeminarIndexPage, SeminarPage, TrainingLibraryPage, TrainingMaterialPage
from training.services import register_for_seminar

REGISTRATIONS = 200


def _pages():
    for model in (SeminarIndexPage, SeminarPage, TrainingLibraryPage, TrainingMaterialPage):
        yield from model.objects.live().filter(locale__language_code__in=["en", "sk"]).order_by("path")[:2]


def run(stdout):
    client = Client()
    stdout.write("Training pages and feeds (seeded demo site): median render time and SQL queries")
    urls = [page.url for page in _pages()] + ["/calendar/seminars.ics", "/calendar/seminars.ics?country=SK"]
    for url in urls:
        median, queries = measure(client, url)
        stdout.write(f"  {url:<60} {median:7.1f} ms  {queries:3d} queries")

    seminar = SeminarPage.objects.live().filter(locale__language_code="en", ends_at__gte=timezone.now()).first()
    if seminar is None:
        return
    seminar.capacity = REGISTRATIONS // 2
    seminar.registration_deadline = None
    seminar.start_date = max(seminar.start_date, timezone.localdate() + datetime.timedelta(days=1))
    seminar.end_date = max(seminar.end_date, seminar.start_date)
    seminar.save()
    people = [get_user_model().objects.create_user(f"bench{number}@example.org") for number in range(REGISTRATIONS)]
    started = time.perf_counter()
    for person in people:
        register_for_seminar(seminar=seminar, user=person)
    elapsed = (time.perf_counter() - started) * 1000
    stdout.write(
        f"  register_for_seminar: {REGISTRATIONS} sequential registrations (half waiting), "
        f"{elapsed / REGISTRATIONS:.1f} ms each"
    )
