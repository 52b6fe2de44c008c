import pytest
from wagtail.models import Page

from content.models import BestPracticePage, NewsPage
from portal.demo.seed import seed
from portal.models import User
from tests.helpers import LANGS
from training.models import SeminarPage, TrainingMaterialPage

pytestmark = pytest.mark.django_db


def test_seed_fills_the_sections_other_tests_start_from(demo_site):
    # 60 clusters with 36 scores in up to two editions, their labels and consents, 7 users, and 178
    # pages (about, news, stories, materials, seminars) with their pictures, on top of the sections.
    assert demo_site == 4607
    for model in (NewsPage, BestPracticePage, TrainingMaterialPage, SeminarPage):
        assert sorted(set(model.objects.live().values_list("locale__language_code", flat=True))) == sorted(LANGS)


def test_seed_builds_site_in_seven_languages():
    assert NewsPage.objects.live().count() == 6 * 7
    assert BestPracticePage.objects.live().count() == 6 * 7
    assert sorted(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == sorted(
        ["cs", "en", "hr", "hu", "pl", "sk", "tr"]
    )


def test_seed_is_idempotent():
    pages, users = Page.objects.count(), User.objects.count()

    assert seed() == 0
    assert (Page.objects.count(), User.objects.count()) == (pages, users)


def test_demo_users_cover_every_role():
    assert User.objects.get(email="admin@centramo.example").is_superuser is True
    assert list(User.objects.get(email="editor@centramo.example").groups.values_list("name", flat=True)) == ["Editors"]
    assert list(User.objects.get(email="trainer@centramo.example").groups.values_list("name", flat=True)) == [
        "Trainers"
    ]
    assert list(User.objects.get(email="analyst@centramo.example").groups.values_list("name", flat=True)) == [
        "Benchmark analysts"
    ]
