import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.utils import translation
from wagtail.models import Site

from mobility.network_cache import invalidate_network
from portal.demo.sections import seed_sections

REQUIRED = {"postgres": "REQUIRE_POSTGRES", "browser": "REQUIRE_BROWSER"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the site's empty sections in seven languages (`seed_sections`) and
    builds what else it needs with the factories in `tests/<app>/factories.py`; only the tests in
    `tests/demo/` see the demo content."""
    with django_db_blocker.unblock():
        seed_sections()
        # The default cache (files, or Redis) outlives a reused test database;
        # start it empty, then fill Wagtail's site root paths (kept an hour) so
        # each test's first request costs what every later one does.
        cache.clear()
        Site.get_site_root_paths()
        # Transactional tests empty the database when they end. With this
        # snapshot as their serialized rollback, each of them starts from the
        # sections again instead of an empty database.
        for alias in connections:
            connections[alias]._test_serialized_contents = connections[alias].creation.serialize_db_to_string()


def pytest_collection_modifyitems(config, items):
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction"):
            item.add_marker(pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}), append=False)
    # Browser tests are the slowest; run them last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


@pytest.fixture(autouse=True)
def _fresh_network(request, django_db_blocker):
    """The shared caches outlive each test's rollback: start every test with an empty default cache
    (rate-limit counts, sessions of other tests) holding only Wagtail's site root paths, and with a
    new version of the matching network. A test without the database only gets the empty cache:
    pytest-django sets up no test database for a run of such tests alone."""
    cache.clear()
    if request.node.get_closest_marker("django_db") is None and not DATABASE_FIXTURES & set(request.fixturenames):
        return
    with django_db_blocker.unblock():
        Site.get_site_root_paths()
        invalidate_network()


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /cs/... leaves Czech active in the thread: every test starts and ends in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _page_cache(request, settings, tmp_path):
    """Every test has its own empty "pages" cache (routes, header, footer); whole pages are
    cached only in tests that ask for it (`@pytest.mark.page_cache`)."""
    settings.PAGE_CACHE_ENABLED = request.node.get_closest_marker("page_cache") is not None
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "portal.core.file_cache.FileCache", "LOCATION": str(tmp_path)},
    }


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if request.node.get_closest_marker("postgres") is None:
        return
    if connection.vendor != "postgresql":
        reason = "needs PostgreSQL row locks; set DATABASE_URL or start PostgreSQL on 127.0.0.1:5432"
        if os.environ.get(REQUIRED["postgres"]) == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but the test database is {connection.vendor}: {reason}")
        pytest.skip(reason)
