"""Admin hooks: bulk actions on training pages follow the same rule as the
page editor (training.rules), also for pages listed without their specific type."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from training import rules
from training.admin_listing import seminar_listing_viewset


@hooks.register("before_bulk_action")
def only_pages_the_user_may_edit(request, action_type, objects, action_class_instance):
    for page in objects:
        if not isinstance(page, Page):
            continue
        specific = page.specific_deferred
        if (
            specific._meta.model_name in rules.ASSIGNMENT_FIELDS
            and not specific.permissions_for_user(request.user).can_edit()
        ):
            return permission_denied(request)
    return None


@hooks.register("register_admin_viewset")
def register_seminar_listing():
    return seminar_listing_viewset
