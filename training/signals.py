"""Reactions to events: section permissions for Trainers."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission

from portal.roles import TRAINERS
from training.models import SeminarIndexPage, TrainingLibraryPage

# No "change_page": trainers edit the pages they own (Wagtail's owner-based
# editing) or were assigned to (training.rules), not the whole section.
TRAINER_PAGE_PERMISSIONS = ("add_page", "publish_page")


def grant_training_section(*, page):
    """Side effects: lets the Trainers group add pages below `page` and publish
    the ones they may edit (idempotent)."""
    group = Group.objects.filter(name=TRAINERS).first()
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRAINER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@receiver(post_save, sender=TrainingLibraryPage)
@receiver(post_save, sender=SeminarIndexPage)
def trainers_may_edit_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_training_section(page=instance)
