"""The API's documentation page (/api/v1/docs/) as a partner's developer uses it:
Swagger UI from our own static files, under the site's strict CSP, calling the API."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def test_developer_tries_the_clusters_operation_without_leaving_our_server(browser_page):
    page = browser_page
    requested, problems = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(page.base_url + "/api/v1/docs/")

    operation = page.locator(".opblock-get", has=page.locator(".opblock-summary-path", has_text="/api/v1/clusters/"))
    operation = operation.filter(has_not=page.locator(".opblock-summary-path", has_text="{code}"))
    summary = "Public clusters with their profile and labels"
    assert operation.locator(".opblock-summary-description").inner_text() == summary
    assert page.locator(".opblock-summary-path", has_text="/api/v1/seminars/").count() == 2
    operation.locator(".opblock-summary-control").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()

    status = operation.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert '"code": "CZ-001"' in operation.locator(".live-responses-table .microlight").first.inner_text()
    page.screenshot(path=ARTIFACTS / "api-docs.png", full_page=True)

    assert problems == []
    outside = [url for url in requested if urlsplit(url).scheme not in ("data", "blob")]
    outside = [url for url in outside if urlsplit(url).hostname not in LOCAL_HOSTS]
    assert outside == []
    api_calls = [url for url in requested if urlsplit(url).path == "/api/v1/clusters/"]
    assert len(api_calls) == 1
