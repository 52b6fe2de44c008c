"""The tests in this package prove the demo content (`manage.py seed_demo`, which `make run` loads).

Every other test starts from the bare sections and builds what it needs with factories; here the
whole demo is seeded once, inside a transaction that is rolled back when the package is done.
Each test runs in a savepoint of that transaction, so no test sees another's changes.
"""

import pytest
from django.db import transaction

from portal.demo.seed import seed


@pytest.fixture(scope="package", autouse=True)
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        created = seed()
        yield created
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_transactional_tests(request):
    # A transactional test would empty the database, the seeded demo included.
    assert "transactional_db" not in request.fixturenames, "tests/demo runs inside one transaction"
