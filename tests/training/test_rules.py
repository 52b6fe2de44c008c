"""Access follows assignment (DESIGN 5): trainers edit the seminars and
materials they own or were assigned to, can't assign trainers, and only a
seminar's own trainers, editors and administrators see its attendees. Also the
registration rules: open, cancellable, managed by whom, free places."""

import datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from portal.roles import EDITORS
from tests.mobility import factories as mobility_factories
from tests.training import factories
from training import rules
from training.models import SeminarPage
from training.rules import may_see_attendees
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """The values a browser would submit from the page editor's form."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def edit_form_data(client, page):
    parser = _FormFields()
    parser.feed(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    # The StreamField editor is drawn by script; the test seminars have an empty programme.
    parser.data.setdefault("programme-count", ["0"])
    return parser.data


@pytest.fixture
def assigned():
    return factories.TrainerFactory()


@pytest.fixture
def other_trainer():
    return factories.TrainerFactory()


@pytest.fixture
def seminar(assigned):
    return factories.seminar(trainers=[assigned])


def editor():
    """A new member of the Editors group."""
    return mobility_factories.EditorFactory()


def test_assigned_trainer_may_edit_and_publish_the_seminar(seminar, assigned):
    permissions = seminar.permissions_for_user(assigned)

    assert (permissions.can_edit(), permissions.can_publish(), permissions.can_unpublish()) == (True, True, True)


def test_other_trainer_may_neither_edit_nor_publish_nor_unpublish(seminar, other_trainer):
    permissions = seminar.permissions_for_user(other_trainer)

    assert (permissions.can_edit(), permissions.can_publish(), permissions.can_unpublish()) == (False, False, False)


def test_trainer_edits_the_seminar_they_created(other_trainer):
    page = factories.seminar(owner=other_trainer)

    assert page.permissions_for_user(other_trainer).can_edit() is True
    assert page.permissions_for_user(factories.TrainerFactory()).can_edit() is False


def test_trainers_may_create_seminars_and_materials(other_trainer):
    assert factories.seminar_index().permissions_for_user(other_trainer).can_add_subpage() is True
    assert factories.library().permissions_for_user(other_trainer).can_add_subpage() is True


def test_assigned_trainer_may_edit_every_translation(assigned, seminar):
    translation = factories.seminar(lang="cs", translation_of=seminar)

    assert translation.permissions_for_user(assigned).can_edit() is True


def test_editor_edits_every_seminar(seminar):
    assert seminar.permissions_for_user(editor()).can_edit() is True


def test_assigned_material_trainer_may_edit_the_material(assigned, other_trainer):
    material = factories.material(trainer=assigned)

    assert material.permissions_for_user(assigned).can_edit() is True
    assert material.permissions_for_user(other_trainer).can_edit() is False


def test_other_trainer_is_refused_the_editor_and_cannot_self_assign(client, seminar, assigned, other_trainer):
    client.force_login(editor())
    data = edit_form_data(client, seminar)
    client.force_login(other_trainer)
    data.update(trainers=[str(other_trainer.pk)], **{"action-publish": ["action-publish"]})

    edit = client.get(f"/admin/pages/{seminar.pk}/edit/")
    response = client.post(f"/admin/pages/{seminar.pk}/edit/", data)

    assert (edit.status_code, edit["Location"]) == (302, "/admin/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert list(SeminarPage.objects.get(pk=seminar.pk).trainers.all()) == [assigned]


def test_assigned_trainer_sees_no_trainers_field_and_self_assignment_is_ignored(
    client, seminar, assigned, other_trainer
):
    client.force_login(assigned)
    data = edit_form_data(client, seminar)
    data.update(
        title=["Renamed by its trainer"],
        trainers=[str(assigned.pk), str(other_trainer.pk)],
        **{"action-publish": ["action-publish"]},
    )

    response = client.post(f"/admin/pages/{seminar.pk}/edit/", data)

    assert "trainers" not in edit_form_data(client, seminar)
    assert response.status_code == 302
    saved = SeminarPage.objects.get(pk=seminar.pk)
    assert (saved.title, list(saved.trainers.all())) == ("Renamed by its trainer", [assigned])


def test_editor_sees_the_trainers_field_and_assigns_a_trainer(client, seminar, assigned, other_trainer):
    client.force_login(editor())
    data = edit_form_data(client, seminar)
    data.update(trainers=[str(assigned.pk), str(other_trainer.pk)], **{"action-publish": ["action-publish"]})

    response = client.post(f"/admin/pages/{seminar.pk}/edit/", data)

    assert response.status_code == 302
    assert set(SeminarPage.objects.get(pk=seminar.pk).trainers.all()) == {assigned, other_trainer}
    assert SeminarPage.objects.get(pk=seminar.pk).permissions_for_user(other_trainer).can_edit() is True


def test_trainer_creating_a_material_cannot_name_a_trainer(client, other_trainer, assigned):
    client.force_login(other_trainer)

    html = client.get(f"/admin/pages/add/training/trainingmaterialpage/{factories.library().pk}/").content.decode()

    assert 'name="trainer"' not in html
    assert 'name="trainer_name"' in html


def test_bulk_unpublish_of_someone_elses_seminar_is_refused(client, seminar, other_trainer):
    client.force_login(other_trainer)

    response = client.post(
        f"/admin/bulk/wagtailcore/page/unpublish/?id={seminar.pk}&next=/admin/", {"include_descendants": ""}
    )

    assert response.status_code == 302
    assert SeminarPage.objects.get(pk=seminar.pk).live is True


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", False),
        ("participant", False),
        ("attendee", False),
        ("other_trainer", False),
        ("assigned", True),
        ("owner", True),
        ("editor", True),
        ("administrator", True),
    ],
)
def test_who_sees_the_attendee_list(seminar, assigned, other_trainer, who, expected):

    owner = factories.TrainerFactory()
    SeminarPage.objects.filter(pk=seminar.pk).update(owner=owner)
    attendee = factories.UserFactory()
    register_for_seminar(seminar=seminar, user=attendee)
    person = {
        "anonymous": AnonymousUser,
        "participant": factories.UserFactory,
        "attendee": lambda: attendee,
        "other_trainer": lambda: other_trainer,
        "assigned": lambda: assigned,
        "owner": lambda: owner,
        "editor": editor,
        "administrator": lambda: factories.UserFactory(role="admin"),
    }[who]()

    assert may_see_attendees(seminar=SeminarPage.objects.get(pk=seminar.pk), user=person) is expected


def test_editors_group_may_assign_trainers_and_trainers_group_may_not(assigned):
    assert editor().has_perm("training.assign_trainers") is True
    assert assigned.has_perm("training.assign_trainers") is False
    assert Group.objects.get(name=EDITORS).permissions.filter(codename="view_registration").count() == 1


def test_unpublishing_someone_elses_seminar_is_refused(client, seminar, other_trainer):
    client.force_login(other_trainer)

    response = client.post(f"/admin/pages/{seminar.pk}/unpublish/")

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert SeminarPage.objects.get(pk=seminar.pk).live is True


def test_assigned_trainer_may_unpublish_the_seminar(client, seminar, assigned):
    client.force_login(assigned)

    response = client.post(f"/admin/pages/{seminar.pk}/unpublish/")

    assert response.status_code == 302
    assert SeminarPage.objects.get(pk=seminar.pk).live is False


def test_registration_is_open_until_it_closes_and_never_when_cancelled():
    seminar = factories.seminar(days_ahead=5)
    closes = seminar.registration_closes_at

    assert rules.registration_is_open(seminar=seminar, now=closes - datetime.timedelta(seconds=1)) is True
    assert rules.registration_is_open(seminar=seminar, now=closes) is False
    seminar.facts.is_cancelled = True
    assert rules.registration_is_open(seminar=seminar.facts, now=closes - datetime.timedelta(days=1)) is False


def test_why_not_cancellable():
    seminar = factories.seminar(days_ahead=5)
    registration = register_for_seminar(seminar=seminar, user=factories.UserFactory())
    before, at_start = seminar.starts_at - datetime.timedelta(minutes=1), seminar.starts_at

    assert rules.why_not_cancellable(registration=registration, seminar=seminar, now=before) is None
    assert rules.why_not_cancellable(registration=registration, seminar=seminar, now=at_start) == (
        "The seminar has already started, so the registration can no longer be cancelled."
    )
    registration.status = "cancelled"
    assert rules.why_not_cancellable(registration=registration, seminar=seminar, now=before) == (
        "This registration has already been cancelled."
    )


@pytest.mark.parametrize(("who", "expected"), [("owner", True), ("superuser", True), ("other", False)])
def test_who_may_manage_a_registration(who, expected):
    registration = register_for_seminar(seminar=factories.seminar(), user=factories.UserFactory())
    people = {
        "owner": registration.user,
        "superuser": factories.UserFactory(role="admin"),
        "other": factories.UserFactory(),
    }

    assert rules.may_manage_registration(registration=registration, user=people[who]) is expected
    assert rules.may_manage_registration(registration=registration, user=AnonymousUser()) is False


@pytest.mark.parametrize(("capacity", "confirmed", "free"), [(10, 3, 7), (3, 3, 0), (2, 3, 0)])
def test_free_places_never_below_zero(capacity, confirmed, free):
    assert rules.free_places(capacity=capacity, confirmed=confirmed) == free
