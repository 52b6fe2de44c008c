import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


_DEMO = {}


def load_demo():
    """Load the demo content into this journey's database (emptied after each transactional test).

    Seeding costs most of a minute, so the first journey seeds inside a transaction, keeps the
    serialized result and rolls back; every journey then loads that snapshot, as Django's
    serialized rollback does. The demo puts its about page before the sections, so their tree
    paths differ: the sections' pages go first and come back from the snapshot."""
    from django.db import connection, transaction
    from wagtail.models import Page

    from portal.demo.seed import seed

    if "snapshot" not in _DEMO:
        with transaction.atomic():
            seed()
            _DEMO["snapshot"] = connection.creation.serialize_db_to_string()
            transaction.set_rollback(True)
    Page.objects.filter(depth__gt=1).delete()
    connection.creation.deserialize_db_from_string(_DEMO["snapshot"])


@pytest.fixture
def browser_page(live_server, transactional_db):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the test itself
    # only touches the database through the live server.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    load_demo()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15000)
        page.base_url = live_server.url
        yield page
        context.close()
        browser.close()
