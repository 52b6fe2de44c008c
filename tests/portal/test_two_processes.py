"""Beyond one machine (DESIGN.md 7): two web processes sharing one PostgreSQL and one Redis.

Each test starts two gunicorn processes on free ports against the test
database, with REDIS_URL set, and checks that what one process does is what
the other sees: purges, sessions, rate limits and the matching network.
"""

import os
import re
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests
from django.conf import settings
from django.db import connection
from django_redis import get_redis_connection

from mobility import network_cache
from mobility.models import Cluster, Rating, Score
from tests.helpers import add_news, news_index
from tests.mobility import factories
from tests.mobility.factories import G, R, Y

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
PASSWORD = factories.SIGN_IN_PASSWORD

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _redis_available():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def shared(settings):
    """The prefix both web processes (and this test) use in Redis."""
    if not _redis_available():
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("Redis is required at 127.0.0.1:6379")
        pytest.skip("needs Redis at 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
    settings.CACHES = {"default": redis, "pages": {**redis, "KEY_PREFIX": f"{prefix}-pages"}}
    yield prefix
    # Version tokens never expire: leave nothing of this run in the shared Redis
    # (both caches' keys start with the prefix, whatever their cache version).
    redis_client = get_redis_connection("default")
    for key in redis_client.scan_iter(match=f"{prefix}*"):
        redis_client.delete(key)


@pytest.fixture
def servers(shared):
    """Two running web processes; yields their base URLs."""
    database = connection.settings_dict
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/"
        f"{database['NAME']}",
        REDIS_URL=REDIS_URL,
        DJANGO_DEBUG="0",
        PAGE_CACHE_ENABLED="1",
        PAGE_CACHE_PREFIX=f"{shared}-pages",
        CACHE_KEY_PREFIX=shared,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    processes, bases = [], []
    for _number in range(2):
        port = _free_port()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
                env=env,
                cwd=settings.BASE_DIR,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            _wait_for(base)
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def _wait_for(base):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{base} did not start")


def _csrf(session, url):
    html = session.get(url).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _sign_in(session, base, email, password=PASSWORD):
    url = base + "/en/accounts/login/"
    token = _csrf(session, url)
    return session.post(
        url, data={"csrfmiddlewaretoken": token, "login": email, "password": password}, headers={"Referer": url}
    )


def test_unpublish_through_one_process_purges_what_the_other_serves(servers):
    one, other = servers
    index = news_index("cs")
    article = add_news(index, 1)
    admin = factories.SignInUserFactory(role="admin", email="admin@example.org")
    anonymous = requests.Session()
    assert anonymous.get(other + article.url).status_code == 200
    assert article.title in anonymous.get(other + index.url).text
    assert anonymous.get(other + article.url).headers["ETag"]  # served from the shared cache

    editor = requests.Session()
    _sign_in(editor, one, admin.email)
    unpublish = f"{one}/admin/pages/{article.pk}/unpublish/"
    response = editor.post(
        unpublish, data={"csrfmiddlewaretoken": _csrf(editor, unpublish)}, headers={"Referer": unpublish}
    )
    assert response.status_code == 200

    assert anonymous.get(other + article.url).status_code == 404
    assert article.title not in anonymous.get(other + index.url).text


def test_session_from_one_process_is_valid_on_the_other(servers):
    one, other = servers
    participant = factories.SignInUserFactory(email="participant@example.org")
    session = requests.Session()

    _sign_in(session, one, participant.email)
    profile = session.get(other + "/en/accounts/profile/", allow_redirects=False)

    assert profile.status_code == 200
    assert "participant@example.org" in profile.text


def test_rate_limit_counted_by_one_process_holds_on_the_other(servers):
    one, other = servers
    # allauth allows 5 failed sign-ins per address in 5 minutes (ACCOUNT_RATE_LIMITS).
    for _attempt in range(5):
        failed = _sign_in(requests.Session(), one, "manager.sk@centramo.example", password="wrong-password")
        assert failed.status_code == 200
        assert "manager.sk@centramo.example" in failed.text  # the form again, with the address kept

    # The right password, on the other process: refused, because the count is shared.
    refused = requests.Session()
    response = _sign_in(refused, other, "manager.sk@centramo.example")

    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert refused.get(other + "/en/accounts/profile/", allow_redirects=False).status_code == 302


def test_matching_network_built_by_one_process_is_used_by_the_other(servers):
    one, other = servers
    # The visitor is weak on FIN.2 and GOV.5; SK-001 is strong on both, PL-001 on GOV.5 only.
    visitor = factories.PeerClusterFactory(code="CZ-001", country="CZ", ratings={"FIN.2": R, "GOV.5": Y, "SRV.1": G})
    factories.PeerClusterFactory(code="SK-001", country="SK", ratings={"FIN.2": G, "GOV.5": G, "SRV.1": G})
    factories.PeerClusterFactory(code="PL-001", country="PL", ratings={"FIN.2": R, "GOV.5": G, "SRV.1": G})
    factories.MembershipFactory(cluster=visitor, user=factories.SignInUserFactory(email="manager@example.org"))
    manager = requests.Session()
    _sign_in(manager, one, "manager@example.org")
    first = _peer_codes(manager.get(one + "/en/peers/").text, visitor="CZ-001")
    assert first == ["SK-001", "PL-001"]
    best = Cluster.objects.get(code=first[0])
    # Changed behind the signals' back: a process that built its own network would see it.
    Score.objects.filter(result__cluster=best).update(rating=Rating.RED)

    assert _peer_codes(manager.get(other + "/en/peers/").text, visitor="CZ-001") == first

    network_cache.invalidate_network()

    rebuilt = _peer_codes(manager.get(other + "/en/peers/").text, visitor="CZ-001")
    assert best.code not in rebuilt
    assert rebuilt == ["PL-001"]
    assert _peer_codes(manager.get(one + "/en/peers/").text, visitor="CZ-001") == rebuilt


def _peer_codes(html, *, visitor):
    """Codes of the clusters the page links to, in order, leaving out the visitor's own."""
    return [code for code in dict.fromkeys(re.findall(r"/clusters/([A-Z]{2}-\d{3})/", html)) if code != visitor]
