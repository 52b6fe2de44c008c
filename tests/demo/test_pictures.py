"""The demo pictures: drawn by the project, on every demo page with a description in its language."""

import pytest
from wagtail.images import get_image_model

from content.models import BestPracticePage, NewsPage
from mobility.models import Cluster
from portal.demo import pictures
from portal.demo.seed import seed
from tests.helpers import LANGS
from training.models import SeminarPage, TrainingMaterialPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [NewsPage, BestPracticePage, TrainingMaterialPage, SeminarPage])
def test_every_demo_page_has_a_described_picture_in_its_language(model):
    for page in model.objects.live().select_related("image", "locale"):
        topic = page.image.title.removeprefix("Demo picture: ").split("-")[0]
        assert page.image_alt == pictures.ALT[topic][page.locale.language_code], page.url_path


def test_demo_pictures_have_a_focal_point_on_their_subject():
    demo = list(
        get_image_model().objects.filter(collection__name=pictures.COLLECTION, title__startswith="Demo picture")
    )

    assert len(demo) == 23
    assert {(image.width, image.height, image.has_focal_point()) for image in demo} == {(1600, 900, True)}


def test_demo_clusters_have_drawn_logos_and_the_managers_cluster_a_monogram():
    with_logo = set(Cluster.objects.filter(logo__isnull=False).values_list("code", flat=True))

    assert with_logo == set(pictures.LOGO_CLUSTERS)
    assert Cluster.objects.get(code="CZ-001").logo_id is None


def test_seeding_again_draws_nothing_new():
    images = get_image_model().objects.count()

    assert seed() == 0
    assert get_image_model().objects.count() == images


def test_drawing_is_deterministic():
    assert pictures.draw_scene("leaf") == pictures.draw_scene("leaf")
    assert pictures.draw_logo("Energy", 2) == pictures.draw_logo("Energy", 2)


def test_every_description_is_written_in_every_language():
    for topic, texts in pictures.ALT.items():
        assert sorted(texts) == sorted(LANGS), topic
        assert len(set(texts.values())) == len(LANGS), topic


def test_pictures_use_the_colours_of_the_stylesheet():
    colours = pictures.palette()

    assert (colours["brand"], colours["accent"], colours["ok"]) == ("#0e3a66", "#f2b705", "#1f6f3f")
