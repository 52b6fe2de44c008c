"""A Polish visitor finds a Czech seminar, registers, and the trainer's new time reaches their calendar."""

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.core import mail
from icalendar import Calendar

from tests.browser.conftest import ARTIFACTS
from training.models import Registration, SeminarPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OSTRAVA = "Financování řízení klastru: seminář v Ostravě"


def _sign_in(page, url, email, password):
    page.goto(url)
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def _download_calendar(page):
    with page.expect_download() as download:
        page.locator(".registration-box a[download][href*='/calendar/seminars/']").click()
    return Calendar.from_ical(Path(download.value.path()).read_bytes()).events[0]


def test_polish_visitor_finds_the_czech_ostrava_seminar_and_gets_the_trainers_new_time(browser_page):
    from tests.training import factories

    page = browser_page
    czech = SeminarPage.objects.get(title=OSTRAVA)
    assert czech.locale.language_code == "cs"
    polish_user = factories.UserFactory(email="ola@example.org", language="pl", country="PL")
    polish_user.set_password("Long-enough-passphrase-42")
    polish_user.save()

    page.goto(page.base_url + factories.seminar_index("pl").url)
    card = page.locator(".card--seminar", has_text=OSTRAVA)
    assert card.locator(".language-mark").inner_text() == "po czesku"
    assert card.locator(".card__meta").inner_text() == "Czechy · Język prowadzenia: Čeština"
    page.screenshot(path=ARTIFACTS / "seminar-list-pl-with-czech-seminar.png", full_page=True)

    _sign_in(page, page.base_url + "/pl/accounts/login/", "ola@example.org", "Long-enough-passphrase-42")
    page.goto(page.base_url + factories.seminar_index("pl").url)
    page.locator(".card--seminar", has_text=OSTRAVA).locator(".card__title a").click()
    page.wait_for_load_state()
    assert page.url == page.base_url + czech.url
    # On the Czech page the registration address is Czech (/cs/skoleni/seminare/<id>/prihlasit/).
    page.locator(".registration-box form[action$='/prihlasit/'] button").click()
    page.wait_for_load_state()
    assert Registration.objects.get(user=polish_user).status == "confirmed"
    assert _download_calendar(page).start.hour == 9

    trainer = page.context.browser.new_context(locale="cs-CZ", viewport={"width": 1280, "height": 900})
    admin = trainer.new_page()
    admin.set_default_timeout(15000)
    _sign_in(admin, page.base_url + "/admin/", "trainer@centramo.example", "centramo-demo")
    admin.goto(f"{page.base_url}/admin/pages/{czech.pk}/edit/")
    admin.locator("#id_start_time").fill("11:00")
    admin.keyboard.press("Escape")
    mail.outbox.clear()
    admin.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    admin.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    trainer.close()

    new_start = datetime.datetime.combine(
        czech.start_date, datetime.time(11), tzinfo=zoneinfo.ZoneInfo("Europe/Prague")
    )
    notice = next(message for message in mail.outbox if message.to == ["ola@example.org"])
    assert notice.subject == f"Zmiana w seminarium: {OSTRAVA}"
    assert Calendar.from_ical(notice.attachments[0][1]).events[0].start == new_start
    page.reload()
    event = _download_calendar(page)
    assert (event.start, event["SEQUENCE"]) == (new_start, 1)
