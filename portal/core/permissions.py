"""Wagtail section permissions: a group may work below one page."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission


def grant_section_to_group(*, page, group_name, permissions):
    """Let the group `group_name` use the Wagtail page permissions `permissions` below `page`.

    Side effects: creates GroupPagePermission rows (idempotent); does nothing
    when the group does not exist.
    """
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=permissions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
