"""Who may do what with training pages and registrations, asked here by pages, services, views and templates.

Wagtail's page permissions do most of the editing rights: Trainers hold "add"
and "publish" on the training library and the seminar index, so they edit the
pages they own (owner-based editing); Editors hold "change" there and edit
everything. This module adds the one case Wagtail does not know: a trainer
assigned to a seminar (its facts' trainers) or a material
(`TrainingMaterialPage.trainer`) by an editor or administrator edits it too.
The admin hooks, the page types, the seminar page and the attendee list all ask
here. It also holds the registration rules (open, cancellable, free places).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import PagePermissionTester

from training.enums import RegistrationStatus
from training.records import SeminarState

ASSIGN_TRAINERS = "training.assign_trainers"
SEE_EVERY_ATTENDEE_LIST = "training.view_registration"
# The field that names a page's trainers, by model.
ASSIGNMENT_FIELDS = {"seminarpage": "trainers", "trainingmaterialpage": "trainer"}


def _named_trainer(*, page, user):
    """Is `user` named as trainer of `page`? A seminar's trainers are one of its facts (one row for every
    translation); a material names its trainer on each translation."""
    if page._meta.model_name == "seminarpage":
        return SeminarState.objects.filter(translation_key=page.translation_key, trainers=user).exists()
    return type(page).objects.filter(translation_key=page.translation_key, trainer=user).exists()


def is_assigned(*, page, user):
    """Is `user` named as trainer of `page` or of any of its translations?"""
    if page._meta.model_name not in ASSIGNMENT_FIELDS or not user.is_authenticated:
        return False
    return _named_trainer(page=page, user=user)


def may_see_attendees(*, seminar, user, trainers=None):
    """Editors, administrators and the seminar's own trainers: those assigned to
    it (in any translation) and the trainer who created it. `trainers`, when the
    caller already loaded them, saves a query."""
    if not user.is_authenticated or not user.is_active:
        return False
    if trainers is not None and user in trainers:
        return True
    if user.has_perm(SEE_EVERY_ATTENDEE_LIST):
        return True
    return (
        _named_trainer(page=seminar, user=user)
        or type(seminar).objects.filter(translation_key=seminar.translation_key, owner=user).exists()
    )


class AssignedTrainerPermissionTester(PagePermissionTester):
    """Wagtail's tester, plus editing by assignment; publishing and unpublishing
    only for pages the user may edit (the section's "publish" is not enough)."""

    def _section_editor(self):
        return self.user.is_superuser or "change" in self.permissions

    def can_edit(self):
        if super().can_edit():
            return True
        return self.user.is_active and "add" in self.permissions and is_assigned(page=self.page, user=self.user)

    def can_publish(self):
        return super().can_publish() and (self._section_editor() or self.can_edit())

    def can_unpublish(self):
        return super().can_unpublish() and (self._section_editor() or self.can_edit())


def registration_is_open(*, seminar, now=None):
    """Not cancelled and before registration closes. `seminar` is a SeminarPage of any language or its
    SeminarState."""
    now = now or timezone.now()
    return not seminar.is_cancelled and now < seminar.registration_closes_at


def registration_is_cancellable(*, seminar, now=None):
    """A place can be given up until the seminar starts. `seminar` is a SeminarPage or its SeminarState."""
    return (now or timezone.now()) < seminar.starts_at


def why_not_cancellable(*, registration, seminar, now=None):
    """Why `registration` can no longer be cancelled, or None when it can. `seminar` is its SeminarPage
    (any language) or SeminarState."""
    if registration.status == RegistrationStatus.CANCELLED:
        return _("This registration has already been cancelled.")
    if not registration_is_cancellable(seminar=seminar, now=now):
        return _("The seminar has already started, so the registration can no longer be cancelled.")
    return None


def may_manage_registration(*, registration, user):
    """The registered person themselves, or an administrator."""
    return user.is_authenticated and (user.is_superuser or registration.user_id == user.pk)


def free_places(*, capacity, confirmed):
    """Places nobody holds; never below zero (capacity may have been lowered to the confirmed count)."""
    return max(0, capacity - confirmed)


def capacity_below_confirmed(*, confirmed):
    """Why a seminar's places cannot go below the number of confirmed people."""
    return ngettext(
        "%(count)s person is confirmed, so the seminar needs at least %(count)s place. To offer fewer "
        "places, cancel the seminar or contact the people registered and ask some of them to cancel.",
        "%(count)s people are confirmed, so the seminar needs at least %(count)s places. To offer fewer "
        "places, cancel the seminar or contact the people registered and ask some of them to cancel.",
        confirmed,
    ) % {"count": confirmed}
