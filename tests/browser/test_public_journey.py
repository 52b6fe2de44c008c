import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def switch_language(page, name):
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name=name, exact=True).click()


def test_visitor_reads_news_in_czech_and_polish_then_best_practice_and_search(browser_page):
    page = browser_page

    page.goto(page.base_url + "/")
    assert page.url == page.base_url + "/en/"
    page.screenshot(path=ARTIFACTS / "home-en.png", full_page=True)

    switch_language(page, "Čeština")
    assert page.url.startswith(page.base_url + "/cs/")
    assert page.locator("html").get_attribute("lang") == "cs"
    page.screenshot(path=ARTIFACTS / "home-cs.png", full_page=True)

    page.locator("#latest-news ~ .cards .card__title a").first.click()
    czech_title = page.locator("h1").inner_text()
    czech_url = page.url

    switch_language(page, "Polski")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.url != czech_url
    polish_title = page.locator("h1").inner_text()
    assert polish_title != czech_title
    # The same article: the Polish page links back to the Czech one we came from.
    assert page.locator('.language-switcher a[hreflang="cs"]').get_attribute("href") == czech_url.removeprefix(
        page.base_url
    )

    page.locator(".site-nav__menu").get_by_role("link", name="Dobre praktyki").click()
    page.locator(".card--practice .card__title a").first.click()
    assert page.locator(".story-section h2").count() == 3
    story_title = page.locator("h1").inner_text()

    page.locator("#site-search-q").fill(story_title)
    page.locator(".site-search button").click()
    assert "/pl/szukaj/" in page.url
    assert page.locator(".search-results a", has_text=story_title).count() == 1
