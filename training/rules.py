"""Who may edit training pages, assign trainers and see attendees (DESIGN 5).

Wagtail's page permissions do most of it: Trainers hold "add" and "publish" on
the training library and the seminar index, so they edit the pages they own
(owner-based editing); Editors hold "change" there and edit everything. This
module adds the one case Wagtail does not know: a trainer assigned to a seminar
(`SeminarPage.trainers`) or a material (`TrainingMaterialPage.trainer`) by an
editor or administrator edits it too. The admin hooks, the page models and
`training.queries.may_see_attendees` all ask here.
"""

from wagtail.models import PagePermissionTester

ASSIGN_TRAINERS = "training.assign_trainers"
SEE_EVERY_ATTENDEE_LIST = "training.view_registration"
# The field that names a page's trainers, by model.
ASSIGNMENT_FIELDS = {"seminarpage": "trainers", "trainingmaterialpage": "trainer"}


def may_assign_trainers(user):
    """Editors and administrators; a trainer can't make themselves a page's trainer."""
    return user.is_active and user.has_perm(ASSIGN_TRAINERS)


def _named_trainer(*, page, user):
    """Is `user` named as trainer of `page`? A seminar's trainers are one of its facts (one row for every
    translation); a material names its trainer on each translation."""
    from training.models import SeminarState

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
    it (in any translation) and the trainer who created it."""
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
