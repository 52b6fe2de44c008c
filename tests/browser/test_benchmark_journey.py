import pytest

from portal.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INDICATORS = [
    *(f"STR.{n}" for n in range(1, 7)),
    *(f"GOV.{n}" for n in range(1, 8)),
    *(f"FIN.{n}" for n in range(1, 6)),
    *(f"SRV.{n}" for n in range(1, 8)),
    *(f"COM.{n}" for n in range(1, 6)),
    *(f"ACH.{n}" for n in range(1, 7)),
]


def benchmark_csv(*, bad_line=None):
    lines = ["cluster_code;cluster_name;country;edition;benchmarked_on;indicator;rating;value"]
    for number, indicator in enumerate(INDICATORS):
        rating = ("red", "yellow", "green")[number % 3]
        lines.append(f"CZ-001;Bohemian Food Cluster;CZ;2016;2016-05-10;{indicator};{rating};{number},5")
    if bad_line:
        cells = lines[bad_line - 1].split(";")
        cells[6] = "purple"
        lines[bad_line - 1] = ";".join(cells)
    return ("\n".join(lines) + "\n").encode()


def sign_in(page, email):
    page.goto(page.base_url + "/en/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def sign_out(page):
    page.context.clear_cookies()


def upload(page, data):
    page.goto(page.base_url + "/admin/benchmark-import/")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "results-2016.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()


def test_analyst_imports_then_manager_sees_chart_and_other_manager_cannot(browser_page):
    page = browser_page

    sign_in(page, "analyst@centramo.example")
    upload(page, benchmark_csv(bad_line=7))
    errors = page.locator("#import-errors tbody tr")
    assert errors.count() == 1
    assert errors.first.locator("td").nth(0).inner_text() == "7"
    assert errors.first.locator("td").nth(1).inner_text() == "rating"
    assert "purple" in errors.first.inner_text()
    page.screenshot(path=ARTIFACTS / "benchmark-import-error.png", full_page=True)

    upload(page, benchmark_csv())
    assert "Editions created: 1" in page.locator("#import-summary").inner_text()
    page.screenshot(path=ARTIFACTS / "benchmark-import-preview.png", full_page=True)
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state()
    assert "results-2016.csv was imported" in page.content()
    sign_out(page)

    sign_in(page, "manager.cz@centramo.example")
    page.goto(page.base_url + "/en/clusters/")
    page.locator(".site-nav__menu").get_by_role("link", name="Our results").click()
    assert page.url == page.base_url + "/en/clusters/CZ-001/results/"
    assert "Latest edition: 2016" in page.locator(".lead").inner_text()
    assert page.locator("svg.chart").count() == 1
    assert page.locator("#dimension-table tbody tr").count() == 6
    assert page.locator("#improved, #declined").count() >= 1
    page.screenshot(path=ARTIFACTS / "benchmark-results-manager.png", full_page=True)
    sign_out(page)

    sign_in(page, "manager.sk@centramo.example")
    response = page.goto(page.base_url + "/en/clusters/CZ-001/results/")
    assert response.status == 404
    assert page.locator("svg.chart").count() == 0
    response = page.goto(page.base_url + "/en/clusters/CZ-001/results/chart.svg")
    assert response.status == 404
