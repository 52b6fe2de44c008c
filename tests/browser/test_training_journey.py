import re
from pathlib import Path

import pytest
from django.core import mail
from icalendar import Calendar

from tests.browser.conftest import ARTIFACTS
from training.models import Registration, SeminarPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Long-enough-passphrase-42"


def _submit_main_form(page):
    page.locator("main form button[type=submit]").first.click()


def test_participant_registers_in_slovak_then_trainer_publishes_seminar_in_english_and_hungarian(browser_page):
    """One journey: the database is emptied after each browser test, so both halves share one test."""
    participant_journey(browser_page)
    browser_page.context.clear_cookies()
    trainer_journey(browser_page)


def participant_journey(page):
    from tests.training import factories

    seminar = factories.seminar(
        lang="sk",
        language="sk",
        country="SK",
        time_zone="Europe/Bratislava",
        title="Seminár o stratégii klastra",
        slug="seminar-o-strategii-klastra",
    )

    page.goto(page.base_url + "/sk/accounts/signup/")
    page.locator("#id_email").fill("new.participant@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_first_name").fill("Jana")
    page.locator("#id_last_name").fill("Nová")
    page.locator("#id_preferred_language").select_option("sk")
    _submit_main_form(page)

    page.wait_for_load_state()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(page.base_url + link[link.index("/", len("https://")) :])
    _submit_main_form(page)
    page.wait_for_load_state()

    page.goto(page.base_url + seminar.url)
    assert page.locator("html").get_attribute("lang") == "sk"
    page.locator(".registration-box form button[type=submit]").click()
    page.wait_for_load_state()
    assert Registration.objects.get(user__email="new.participant@example.org").status == "confirmed"
    page.screenshot(path=ARTIFACTS / "seminar-registered-sk.png", full_page=True)

    with page.expect_download() as download:
        page.locator(".registration-box a[download][href*='/calendar/seminars/']").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert str(calendar.events[0]["SUMMARY"]) == "Seminár o stratégii klastra"
    assert calendar.get_missing_tzids() == set()

    # Slovak addresses: /skolenia/prihlasky/<id>/zrusit/ and /skolenia/seminare/<id>/prihlasit/.
    page.locator(".registration-box a[href*='/zrusit/']").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Zrušiť vašu registráciu?"
    assert Registration.objects.get(user__email="new.participant@example.org").status == "confirmed"
    page.locator("main form[action$='/zrusit/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == page.base_url + seminar.url
    assert Registration.objects.get(user__email="new.participant@example.org").status == "cancelled"
    assert page.locator(".registration-box form[action$='/prihlasit/']").count() == 1


def trainer_journey(page):
    from tests.training import factories

    index = factories.seminar_index("en")

    page.goto(page.base_url + "/admin/")
    page.locator("#id_login").fill("trainer@centramo.example")
    page.locator("#id_password").fill("centramo-demo")
    _submit_main_form(page)
    page.wait_for_url(re.compile(r".*/admin/$"))

    page.goto(f"{page.base_url}/admin/pages/add/training/seminarpage/{index.pk}/")
    page.locator("#id_title").fill("Benchmarking for beginners")
    page.locator("#id_summary").fill("An introduction to the benchmarking methodology.")
    page.locator("#id_start_date").fill("2031-05-14")
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_end_date").fill("2031-05-14")
    page.locator("#id_end_time").fill("16:00")
    page.locator("#id_time_zone").select_option("Europe/Budapest")
    page.locator("#id_venue_name").fill("Innovation Centre Budapest")
    page.locator("#id_country").select_option("HU")
    page.locator("#id_language").select_option("hu")
    page.locator("#id_capacity").fill("20")
    page.keyboard.press("Escape")
    page.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    english = SeminarPage.objects.get(title="Benchmarking for beginners")
    assert english.live is True

    page.goto(f"{page.base_url}/admin/localize/submit/page/{english.pk}/")
    page.get_by_label("Magyar").check()
    page.locator("form:has(input[name=locales]) [type=submit]").first.click()
    page.wait_for_load_state()
    page.screenshot(path=ARTIFACTS / "seminar-translation-editor.png", full_page=True)

    hungarian = SeminarPage.objects.get(translation_key=english.translation_key, locale__language_code="hu")
    page.goto(f"{page.base_url}/admin/pages/{hungarian.pk}/edit/")
    page.get_by_role("button", name="Translate", exact=True).first.click()
    page.locator("textarea").first.fill("Benchmarking kezdőknek")
    page.get_by_role("button", name="Save", exact=True).first.click()
    page.get_by_text("Benchmarking kezdőknek").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=re.compile("Publish", re.I)).first.click()
    page.wait_for_load_state()

    hungarian.refresh_from_db()
    assert hungarian.live is True
    assert (hungarian.capacity, hungarian.starts_at) == (english.capacity, english.starts_at)
    page.goto(page.base_url + "/hu/")
    page.goto(page.base_url + hungarian.url)
    assert page.locator("h1").inner_text() == "Benchmarking kezdőknek"
    page.goto(page.base_url + factories.seminar_index("hu").url)
    assert page.locator(".card__title a", has_text="Benchmarking kezdőknek").count() == 1
