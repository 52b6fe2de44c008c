import datetime

import pytest
from icalendar import Calendar

from portal.demo.seed import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISITOR = "manager.cz@centramo.example"
HOST = "manager.sk@centramo.example"


def sign_in(page, email):
    page.context.clear_cookies()
    page.goto(page.base_url + "/en/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def host_the_peer(code):
    """Given: manager B manages the recommended peer, which has an open offer."""
    from mobility.models import Cluster, ClusterMembership, MembershipStatus, StudyVisitOffer
    from portal.models import User

    cluster = Cluster.objects.get(code=code)
    ClusterMembership.objects.update_or_create(
        cluster=cluster, user=User.objects.get(email=HOST), defaults={"status": MembershipStatus.APPROVED}
    )
    today = datetime.date.today()
    StudyVisitOffer.objects.filter(cluster=cluster).update(is_open=False)
    return StudyVisitOffer.objects.create(
        cluster=cluster,
        title="Open doors for peers",
        programme="Two days with our management team.",
        starts_on=today + datetime.timedelta(days=40),
        ends_on=today + datetime.timedelta(days=41),
        place="Bratislava",
        places=4,
        languages=["en"],
        request_deadline=today + datetime.timedelta(days=30),
    )


def test_manager_requests_visit_host_accepts_visitor_cancels(browser_page):
    page = browser_page

    sign_in(page, VISITOR)
    assert page.url == page.base_url + "/en/dashboard/"
    page.locator(".recommendations.peers a").first.click()
    code = page.url.rstrip("/").rsplit("/", 1)[1]
    offer = host_the_peer(code)

    page.reload()
    page.get_by_role("link", name="Open doors for peers").click()
    page.get_by_role("link", name="Ask to join this visit").click()
    page.locator("input[name=participants]").fill("2")
    focus = page.locator("input[name=focus_indicators]")
    focus.nth(0).check()
    focus.nth(1).check()
    page.locator("textarea[name=message]").fill("We would like to learn how you finance your services.")
    page.get_by_role("button", name="Send the request").click()
    booking_url = page.url
    assert "/en/study-visits/bookings/" in booking_url
    assert page.locator(".state--requested").count() == 1

    sign_in(page, HOST)
    page.goto(booking_url)
    assert page.locator("dd .topic-list li").count() == 2
    assert page.get_by_text("We would like to learn how you finance your services.").count() == 1
    page.get_by_role("button", name="Accept").click()
    assert page.locator(".state--accepted").count() == 1

    sign_in(page, VISITOR)
    page.goto(booking_url)
    assert page.locator(".state--accepted").count() == 1
    calendar_link = page.get_by_role("link", name="Add the visit to your calendar (iCalendar file)")
    ics = page.request.get(page.base_url + calendar_link.get_attribute("href"))
    assert ics.ok
    events = Calendar.from_ical(ics.body()).walk("VEVENT")
    assert len(events) == 1
    assert events[0]["DTSTART"].dt == offer.starts_on
    page.get_by_role("link", name="Cancel the visit").click()
    assert (
        page.get_by_text(
            "Cancel this visit? It is taken out of both sides' calendars and the other side is told."
        ).count()
        == 1
    )
    page.get_by_role("button", name="Yes, cancel the visit").click()
    assert page.locator(".state--cancelled").count() == 1

    sign_in(page, HOST)
    page.goto(booking_url)
    assert page.locator(".state--cancelled").count() == 1
