import os

import pytest
from django.db import connection

from portal.demo.seed import seed

REQUIRED = {"postgres": "REQUIRE_POSTGRES", "browser": "REQUIRE_BROWSER"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the seeded demo site (rolled back after each test)."""
    with django_db_blocker.unblock():
        seed()


def pytest_collection_modifyitems(config, items):
    # Browser tests use a live server and empty the database afterwards, so they
    # run after everything that relies on the seeded site.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if request.node.get_closest_marker("postgres") is None:
        return
    if connection.vendor != "postgresql":
        reason = "needs PostgreSQL row locks; set DATABASE_URL or start PostgreSQL on 127.0.0.1:5432"
        if os.environ.get(REQUIRED["postgres"]) == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but the test database is {connection.vendor}: {reason}")
        pytest.skip(reason)
