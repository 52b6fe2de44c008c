"""One door: every password goes through allauth's form, its rate limits,
lock-outs and e-mail verification."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import PageViewRestriction

from content.models import StandardPage
from portal.models import User
from tests.content.factories import StandardPageFactory
from tests.helpers import in_language
from tests.mobility.factories import EditorFactory, with_password

ROOT = Path(__file__).resolve().parents[2]
EDITOR = "editor@example.org"
PASSWORD = "a-Known-passphrase-7"
FORMER_DOORS = {
    "/en/_util/login/": "/en/accounts/login/?next=/",
    "/admin/login/": "/en/accounts/login/?next=/admin/",
    "/django-admin/login/": "/en/accounts/login/?next=/django-admin/",
}


@pytest.fixture
def editor():
    """The editor whose right password the guesses end with."""
    return with_password(EditorFactory(email=EDITOR), PASSWORD)


def _unverified_user():
    user = User.objects.create_user(email="new@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("door", FORMER_DOORS)
@pytest.mark.usefixtures("editor")
def test_former_door_takes_no_password_even_after_40_wrong_ones(client, door):
    for _attempt in range(40):
        response = client.post(door, {"username": EDITOR, "password": "wrong"})
        assert (response.status_code, response["Location"]) == (302, FORMER_DOORS[door])

    response = client.post(door, {"username": EDITOR, "password": PASSWORD, "email": EDITOR, "login": EDITOR})

    assert (response.status_code, response["Location"]) == (302, FORMER_DOORS[door])
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.usefixtures("editor")
def test_allauth_refuses_right_password_after_40_wrong_ones_with_429(client):
    statuses = [
        client.post("/en/accounts/login/", {"login": EDITOR, "password": "wrong"}).status_code for _ in range(40)
    ]

    response = client.post("/en/accounts/login/", {"login": EDITOR, "password": PASSWORD})

    assert statuses == [200] * 5 + [429] * 35
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.usefixtures("editor")
def test_lock_out_holds_whatever_host_name_the_guesses_used(client):
    # Each guess names another host or port the portal answers on.
    for host in ("localhost", "127.0.0.1", "testserver", "localhost:8080", "127.0.0.1:8443"):
        assert (
            client.post("/en/accounts/login/", {"login": EDITOR, "password": "wrong"}, HTTP_HOST=host).status_code
            == 200
        )

    response = client.post("/en/accounts/login/", {"login": EDITOR, "password": PASSWORD}, HTTP_HOST="[::1]")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.usefixtures("editor")
def test_lock_out_answers_429_in_the_users_language(client):
    for _attempt in range(5):
        client.post("/cs/accounts/login/", {"login": EDITOR, "password": "wrong"})

    response = client.post("/cs/accounts/login/", {"login": EDITOR, "password": PASSWORD})

    assert response.status_code == 429
    assert "<h1>Příliš mnoho pokusů</h1>" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("door", FORMER_DOORS)
def test_unverified_account_cannot_sign_in_at_a_former_door(client, door):
    _unverified_user()

    response = client.post(door, {"username": "new@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_unverified_account_cannot_sign_in_on_the_allauth_form(client):
    _unverified_user()

    response = client.post("/en/accounts/login/", {"login": "new@example.org", "password": PASSWORD})

    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_private_page_sends_visitor_to_allauth_login(client):
    StandardPageFactory(lang="en")
    page = in_language(StandardPage, "en")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={page.url}"


@pytest.mark.django_db
def test_former_door_ignores_next_to_another_site(client):
    response = client.get("/django-admin/login/?next=https://evil.example/")

    assert response["Location"] == "/en/accounts/login/?next=/django-admin/"


CONSUME = """
import sys
import django
django.setup()
from allauth.core import ratelimit
from django.test import RequestFactory
request = RequestFactory().post("/en/accounts/login/", REMOTE_ADDR="203.0.113.9")
allowed = [ratelimit.consume(request, action="login_failed", key=sys.argv[1]) for _ in range(3)]
print(sum(allowed))
"""


def test_rate_limits_are_shared_between_processes(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}", DJANGO_SETTINGS_MODULE="portal.settings")
    key = f"login:{uuid.uuid4()}"

    def run(*args):
        result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    run(sys.executable, "manage.py", "createcachetable")
    first = run(sys.executable, "-c", CONSUME, key)
    second = run(sys.executable, "-c", CONSUME, key)

    # 5 failures per key in 5 minutes: the second process sees the first one's 3.
    assert (first, second) == ("3", "2")
