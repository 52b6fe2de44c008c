import datetime
import os
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mobility.models import BenchmarkResult, Cluster, Indicator
from tests.helpers import count_queries
from tests.mobility import factories
from tests.mobility.importing.files import rows_for, to_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media):
    folder = media / "benchmark-imports"
    return sorted(folder.iterdir()) if folder.exists() else []


def upload(client, data, name="results.csv"):
    return client.post(reverse("mobility_import"), {"file": SimpleUploadedFile(name, data)}, follow=True)


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def analyst(client):
    user = factories.UserFactory(role="analyst")
    client.force_login(user)
    return user


def test_upload_page_for_analyst(client, analyst):
    response = client.get(reverse("mobility_import"))
    assert response.status_code == 200
    assert "Check the file" in response.content.decode()


@pytest.mark.parametrize("role", ("trainer", None))
def test_upload_page_refused_to_non_analysts(client, role):
    user = factories.UserFactory(role=role)
    if role == "trainer":
        client.force_login(user)
        # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
        assert client.get(reverse("mobility_import"))["Location"] == "/admin/"
        assert client.post(reverse("mobility_import_confirm"), {"token": "x"})["Location"] == "/admin/"
    else:
        assert client.get(reverse("mobility_import")).status_code == 302


def test_menu_item_only_for_analysts(client):
    client.force_login(factories.UserFactory(role="analyst"))
    assert "Import results" in client.get("/admin/").content.decode()
    client.force_login(factories.UserFactory(role="trainer"))
    assert "Import results" not in client.get("/admin/").content.decode()


def test_upload_with_errors_lists_them_and_stores_nothing(client, analyst, media):
    rows = rows_for()
    rows[4]["rating"] = "blue"
    response = upload(client, to_csv(rows))
    html = response.content.decode()
    assert response.status_code == 200
    assert "has 1 error" in html
    assert "<td>6</td><td>rating</td>" in html
    assert stored_files(media) == []
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_preview_then_confirm_imports(client, analyst, media):
    response = upload(client, to_csv(rows_for()))
    html = response.content.decode()
    assert "Clusters created: 1" in html
    assert "TST-001" in html
    assert not Cluster.objects.filter(code="TST-001").exists()
    assert len(stored_files(media)) == 1
    response = client.post(reverse("mobility_import_confirm"), {"token": token_of(response), "confirm": ""})
    assert response.status_code == 302
    assert BenchmarkResult.objects.get(cluster__code="TST-001").scores.count() == 36
    assert stored_files(media) == []


def test_preview_shows_changed_clusters(client, analyst):
    cluster = factories.ClusterFactory(code="TST-001", name="Old Name")
    Cluster.objects.filter(pk=cluster.pk).update(country="CZ")
    html = upload(client, to_csv(rows_for(name="New Name"))).content.decode()
    assert "<td>TST-001</td><td>name</td><td>Old Name</td><td>New Name</td>" in html


def test_cancel_deletes_the_file(client, analyst, media):
    response = upload(client, to_csv(rows_for()))
    client.post(reverse("mobility_import_confirm"), {"token": token_of(response), "cancel": ""})
    assert stored_files(media) == []
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_token_of_another_user_is_refused(client, analyst):
    token = token_of(upload(client, to_csv(rows_for())))
    client.force_login(factories.UserFactory(role="analyst"))
    response = client.post(reverse("mobility_import_confirm"), {"token": token}, follow=True)
    assert "has expired or is unknown" in response.content.decode()
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_forged_token_is_refused(client, analyst):
    response = client.post(reverse("mobility_import_confirm"), {"token": "forged"}, follow=True)
    assert response.status_code == 200
    assert "has expired or is unknown" in response.content.decode()


def test_hostile_upload_shows_error_not_500(client, analyst):
    for data, name in ((b"\xff\xfe\x00garbage", "x.csv"), (b"PK\x03\x04broken", "x.xlsx"), (b"", "empty.csv")):
        response = upload(client, data, name)
        assert response.status_code == 200


def test_oversized_upload_is_refused(client, analyst, settings):
    settings.BENCHMARK_IMPORT_MAX_BYTES = 100
    response = upload(client, to_csv(rows_for()))
    assert "larger than" in response.content.decode()


def test_expiring_labels_list(client, analyst):
    today = timezone.localdate()
    soon = factories.ClusterFactory(name="Expiring Soon Cluster")
    later = factories.ClusterFactory(name="Expiring Later Cluster")
    factories.LabelFactory(
        cluster=soon, awarded_on=today - datetime.timedelta(days=600), valid_until=today + datetime.timedelta(days=30)
    )
    factories.LabelFactory(cluster=later, awarded_on=today, valid_until=today + datetime.timedelta(days=400))
    html = client.get(reverse("mobility_expiring_labels")).content.decode()
    assert "Expiring Soon Cluster" in html
    assert "Expiring Later Cluster" not in html


def test_expiring_labels_refused_to_trainer(client):
    client.force_login(factories.UserFactory(role="trainer"))
    assert client.get(reverse("mobility_expiring_labels"))["Location"] == "/admin/"


def test_assign_manager_in_admin(client, analyst):
    cluster = factories.ClusterFactory()
    person = factories.UserFactory()
    response = client.post(reverse("mobility_assign_manager"), {"cluster": cluster.pk, "email": person.email})
    assert response.status_code == 302
    assert cluster.memberships.get(user=person).status == "approved"


def test_analyst_edits_indicator_with_all_languages(client, analyst):
    indicator = Indicator.objects.get(code="FIN.2")
    edit = reverse("wagtailsnippets_mobility_indicator:edit", args=[indicator.pk])
    html = client.get(edit).content.decode()
    for lang in ("en", "cs", "sk", "pl", "hu", "hr", "tr"):
        assert f'name="name_{lang}"' in html
        assert f'name="description_{lang}"' in html


def test_analyst_lists_clusters_in_admin(client, analyst):
    factories.ClusterFactory(code="CZ-001", name="Bohemian Food Cluster")
    response = client.get(reverse("wagtailsnippets_mobility_cluster:list"))
    assert response.status_code == 200
    assert "Bohemian Food Cluster" in response.content.decode()


def test_trainer_cannot_manage_clusters(client):
    client.force_login(factories.UserFactory(role="trainer"))
    assert client.get(reverse("wagtailsnippets_mobility_cluster:list")).status_code in (302, 403)


def test_stale_uploads_are_removed(client, analyst, media):
    first = upload(client, to_csv(rows_for()))
    assert first.status_code == 200
    (old,) = stored_files(media)
    week_ago = time.time() - 7 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    upload(client, to_csv(rows_for()))
    remaining = stored_files(media)
    assert len(remaining) == 1
    assert remaining[0] != old


def test_expiring_labels_query_count_does_not_grow(client, analyst):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=20)
    factories.LabelFactory(
        cluster=factories.ClusterFactory(), awarded_on=today - datetime.timedelta(days=700), valid_until=soon
    )
    one = count_queries(client, reverse("mobility_expiring_labels"))
    for _number in range(29):
        factories.LabelFactory(
            cluster=factories.ClusterFactory(), awarded_on=today - datetime.timedelta(days=700), valid_until=soon
        )
    assert count_queries(client, reverse("mobility_expiring_labels")) == one


def test_analyst_creates_indicator_with_translations(client, analyst):
    dimension = Indicator.objects.get(code="FIN.1").dimension
    data = {"dimension": dimension.pk, "code": "FIN.9", "position": 9}
    for lang in ("en", "cs", "sk", "pl", "hu", "hr", "tr"):
        data[f"name_{lang}"] = f"Name {lang}"
        data[f"description_{lang}"] = f"Description {lang}"
    response = client.post(reverse("wagtailsnippets_mobility_indicator:add"), data)
    assert response.status_code == 302
    indicator = Indicator.objects.get(code="FIN.9")
    assert (indicator.name_cs, indicator.description_tr) == ("Name cs", "Description tr")
