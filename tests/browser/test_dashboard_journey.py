"""The manager's focused dashboard and the charts, as a person sees them on a laptop and on a phone."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_accessibility import _tools_or_skip, axe_violations, vnu_errors
from tests.browser.test_benchmark_journey import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Rendered size of each chart text (CSS size times the drawing's scale on screen) and whether it stays in its chart.
CHART_TEXT = """() => Array.from(document.querySelectorAll("svg.chart text")).map((text) => {
  const svg = text.ownerSVGElement.getBoundingClientRect();
  const box = text.getBoundingClientRect();
  return {
    size: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
    inside: box.left >= svg.left - 1 && box.right <= svg.right + 1,
    text: text.textContent,
  };
})"""


def chart_texts(page):
    texts = page.evaluate(CHART_TEXT)
    assert texts
    return texts


@pytest.mark.parametrize("width", [1280, 390])
def test_dashboard_focus_and_readable_charts(browser_page, width, tmp_path):
    _tools_or_skip()
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "manager.cz@centramo.example")

    page.goto(page.base_url + "/en/dashboard/")

    assert page.locator(".dashboard-focus > .weak-point").count() == 3
    assert page.locator(".dashboard-focus > .weak-point").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{width}.png"), full_page=True)
    assert axe_violations(page) == []
    (tmp_path / "dashboard.html").write_text(page.request.get(page.url).text(), encoding="utf-8")
    more = page.locator("details.more-weak-points")
    if more.count():
        assert more.locator(".weak-point").first.is_visible() is False
        more.locator("summary").click()
        assert more.locator(".weak-point").first.is_visible() is True
        assert axe_violations(page) == []
    texts = chart_texts(page)
    assert [text["text"] for text in texts if text["size"] < 12] == []
    assert [text["text"] for text in texts if not text["inside"]] == []

    with translation.override("en"):
        statistics = reverse("mobility:statistics")
    page.goto(page.base_url + statistics)
    page.screenshot(path=str(ARTIFACTS / f"statistics-{width}.png"), full_page=True)
    assert axe_violations(page) == []
    (tmp_path / "statistics.html").write_text(page.request.get(page.url).text(), encoding="utf-8")
    texts = chart_texts(page)
    assert [text["text"] for text in texts if text["size"] < 12] == []
    assert [text["text"] for text in texts if not text["inside"]] == []
    assert vnu_errors(sorted(tmp_path.glob("*.html"))) == []
