"""Reactions to events: locales for the configured languages, section
permissions for Editors (news, best practices and, to assign trainers, the
training sections) and for Trainers (adding seminars and materials), the
welcome e-mail, releasing an account before it is deleted."""

from allauth.account.signals import email_confirmed
from django.conf import settings
from django.db.models.signals import post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Locale

from content.models import BestPracticeIndexPage, NewsIndexPage
from portal.core.emails import send_templated_email
from portal.core.permissions import grant_section_to_group
from portal.data_rights import release_account
from portal.models import User
from portal.roles import EDITORS, TRAINERS
from training.models import SeminarIndexPage, TrainingLibraryPage

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "delete_page")
# No "change_page": trainers edit the pages they own (Wagtail's owner-based
# editing) or were assigned to (training.rules), not the whole section.
TRAINER_PAGE_PERMISSIONS = ("add_page", "publish_page")


@receiver(post_save, sender=NewsIndexPage)
@receiver(post_save, sender=BestPracticeIndexPage)
@receiver(post_save, sender=TrainingLibraryPage)
@receiver(post_save, sender=SeminarIndexPage)
def editors_may_edit_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_section_to_group(page=instance, group_name=EDITORS, permissions=EDITOR_PAGE_PERMISSIONS)


@receiver(post_save, sender=TrainingLibraryPage)
@receiver(post_save, sender=SeminarIndexPage)
def trainers_may_add_seminars_and_materials(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_section_to_group(page=instance, group_name=TRAINERS, permissions=TRAINER_PAGE_PERMISSIONS)


@receiver(email_confirmed)
def welcome_after_confirmation(sender, request, email_address, **kwargs):
    send_templated_email(to_user=email_address.user, template="portal/email/welcome", context={})


@receiver(post_migrate)
def ensure_locales(sender, app_config=None, **kwargs):
    """One Wagtail locale per configured language, so a new language needs no code."""
    if app_config is None or app_config.label != "portal":
        return
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@receiver(pre_delete, sender=User)
def release_before_delete(sender, instance, **kwargs):
    """An administrator's delete (Wagtail or Django admin) frees places and warns as a user's own would."""
    if not getattr(instance, "_account_released", False):
        release_account(user=instance)
