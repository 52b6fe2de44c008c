"""Cluster logos: approved managers upload them, everyone sees them; a monogram until then."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model

from mobility.models import Cluster, MembershipStatus
from tests.helpers import count_queries
from tests.mobility import factories
from tests.pictures import images, picture, png_upload, srcset_widths

pytestmark = pytest.mark.django_db


def _url(name, cluster):
    with translation.override("en"):
        return reverse(name, kwargs={"code": cluster.code})


def _upload(client, cluster, upload=None):
    return client.post(_url("mobility:cluster_logo", cluster), {"logo": upload or png_upload()})


def test_manager_uploads_a_logo_that_shows_on_the_profile(client):
    cluster = factories.ClusterFactory(name="Baltic Wind Cluster")
    client.force_login(factories.manager(cluster))

    response = _upload(client, cluster)
    [logo] = images(client.get(_url("mobility:cluster", cluster)).content.decode(), "cluster-logo")

    assert response.status_code == 302
    assert response["Location"] == _url("mobility:cluster", cluster)
    assert logo["alt"] == "Logo of Baltic Wind Cluster"
    assert srcset_widths(logo) == ["96w", "120w"]
    assert logo["src"].endswith(".webp")
    assert Cluster.objects.get(pk=cluster.pk).logo.collection.name == "Cluster logos"


def test_a_new_logo_replaces_the_old_one(client):
    cluster = factories.ClusterFactory()
    client.force_login(factories.manager(cluster))
    _upload(client, cluster)
    first = Cluster.objects.get(pk=cluster.pk).logo_id

    _upload(client, cluster, png_upload("second.png", 300, 300))

    second = Cluster.objects.get(pk=cluster.pk).logo
    assert (second.width, second.height) == (300, 300)
    assert get_image_model().objects.filter(pk=first).exists() is False


@pytest.mark.parametrize("who", ["manager of another cluster", "requested manager", "analyst"])
def test_others_may_not_change_the_logo(client, who):
    cluster = factories.ClusterFactory()
    if who == "manager of another cluster":
        account = factories.manager(factories.ClusterFactory())
    elif who == "requested manager":
        account = factories.manager(cluster, status=MembershipStatus.REQUESTED)
    else:
        account = factories.UserFactory(role="analyst")
    client.force_login(account)

    assert client.get(_url("mobility:cluster_logo", cluster)).status_code == 404
    assert _upload(client, cluster).status_code == 404
    assert Cluster.objects.get(pk=cluster.pk).logo_id is None


def test_anonymous_visitors_are_asked_to_sign_in(client):
    cluster = factories.ClusterFactory()

    response = _upload(client, cluster)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Cluster.objects.get(pk=cluster.pk).logo_id is None


def test_a_file_that_is_no_image_is_refused(client):
    cluster = factories.ClusterFactory()
    client.force_login(factories.manager(cluster))

    response = _upload(client, cluster, _text_file())

    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]
    assert Cluster.objects.get(pk=cluster.pk).logo_id is None


def test_monogram_shows_until_a_logo_is_uploaded(client):
    cluster = factories.ClusterFactory(name="Baltic Wind Cluster")

    html = client.get(_url("mobility:cluster", cluster)).content.decode()

    assert images(html, "cluster-logo") == []
    assert 'role="img" aria-label="Logo of Baltic Wind Cluster">BW</span>' in html


def test_removing_the_logo_brings_the_monogram_back(client):
    cluster = factories.ClusterFactory(name="Baltic Wind Cluster")
    client.force_login(factories.manager(cluster))
    _upload(client, cluster)

    client.post(_url("mobility:cluster_logo", cluster), {"remove": "1"})

    html = client.get(_url("mobility:cluster", cluster)).content.decode()
    assert Cluster.objects.get(pk=cluster.pk).logo_id is None
    assert ">BW</span>" in html


def test_only_managers_see_the_link_to_change_the_logo(client):
    cluster = factories.ClusterFactory()
    manager = factories.manager(cluster)
    url = _url("mobility:cluster", cluster)

    client.force_login(factories.UserFactory())
    other = client.get(url).content.decode()
    client.force_login(manager)
    own = client.get(url).content.decode()

    assert _url("mobility:cluster_logo", cluster) not in other
    assert f'<a href="{_url("mobility:cluster_logo", cluster)}">Upload the cluster\'s logo</a>' in own


def test_directory_shows_logos_and_monograms(client):
    with_logo = factories.ClusterFactory(name="Aaaa Logo Cluster")
    factories.ClusterFactory(name="Aaab Monogram Cluster")
    client.force_login(factories.manager(with_logo))
    _upload(client, with_logo)
    client.logout()

    with translation.override("en"):
        html = client.get(reverse("mobility:directory")).content.decode()

    [logo] = [image for image in images(html, "cluster-logo") if image["alt"] == "Logo of Aaaa Logo Cluster"]
    assert logo["loading"] == "eager"
    assert 'aria-label="Logo of Aaab Monogram Cluster">AM</span>' in html


def test_directory_queries_do_not_grow_with_logos(client):
    with translation.override("en"):
        url = reverse("mobility:directory")
    clusters = [factories.ClusterFactory(name=f"Aaa Logo {number:02}") for number in range(30)]
    before = count_queries(client, url)
    for cluster in clusters:
        cluster.logo = picture(f"Logo {cluster.code}", 200, 200)
        cluster.save()

    assert count_queries(client, url) == before


def _text_file():
    return SimpleUploadedFile("logo.png", b"not a picture", content_type="image/png")


def test_shared_profile_links_show_the_logo(client):
    cluster = factories.ClusterFactory()
    client.force_login(factories.manager(cluster))
    _upload(client, cluster)
    client.logout()

    html = client.get(_url("mobility:cluster", cluster)).content.decode()

    [og_image] = [line for line in html.splitlines() if 'property="og:image"' in line]
    assert "max-600x600.format-png" in og_image
