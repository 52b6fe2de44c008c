import re

import pytest

from tests.mobility.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role="admin"))
    return client


def test_admin_shows_centramo_logo_colours_and_title(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert re.search(r"<title>[^<]*- Centramo</title>", html)
    assert 'class="centramo-admin-logo" src="/static/img/logo.svg"' in html
    assert '<link rel="stylesheet" href="/static/css/admin.css">' in html


def test_admin_pages_request_nothing_from_other_sites(admin_client):
    for path in ("/admin/", "/admin/account/", "/admin/users/"):
        html = admin_client.get(path).content.decode()
        assert "gravatar.com" not in html
        # Links to documentation are fine; nothing may be loaded from elsewhere.
        assert re.findall(r'src="(?:https?:)?//[^"]+"', html) == []
        assert re.findall(r'<link[^>]+href="(?:https?:)?//[^"]+"', html) == []
