"""Characters the database refuses answer 404/400, never 500; downloads carry
honest headers; the profile (with the secret feed URL) is never cached."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests.mobility.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/en/clusters/a%00/", 404),
        ("/en/clusters/a%00/results/", 404),
        ("/calendar/personal/a%00.ics", 404),
        ("/en/news/a%00/", 404),
        ("/en/news/?tag=a%00", 400),
        ("/en/clusters/?q=%00", 400),
        ("/calendar/seminars.ics?country=%00", 400),
        ("/en/search/?q=%00", 400),
        ("/en/news/?a%00=1", 400),
    ],
)
def test_nul_character_answers_404_or_400(client, url, status):
    response = client.get(url)

    assert response.status_code == status


def test_bad_request_page_is_translated(client):
    response = client.get("/cs/news/?tag=a%00")

    assert response.status_code == 400
    assert "<h1>Chybný požadavek</h1>" in response.content.decode()


def test_document_download_has_no_bogus_content_encoding(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Handout")
    document.file.save("handout.pdf", ContentFile(b"%PDF-1.4 handout"), save=True)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response.has_header("Content-Encoding") is False
    assert b"".join(response.streaming_content) == b"%PDF-1.4 handout"


def test_profile_is_private_and_never_stored(client):
    client.force_login(UserFactory())

    response = client.get("/en/accounts/profile/")

    assert response.status_code == 200
    assert sorted(part.strip() for part in response["Cache-Control"].split(",")) == ["no-store", "private"]
