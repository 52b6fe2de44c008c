"""Access follows assignment (DESIGN 5).

Trainers keep "add" and "publish" on the training sections but lose "change",
so they edit only the seminars and materials they own or were assigned to
(training.rules). Editors get the training sections, may assign trainers and
see every attendee list.
"""

from django.db import migrations

SECTION_MODELS = ("traininglibrarypage", "seminarindexpage")
EDITOR_SECTION_PERMISSIONS = ("add_page", "change_page", "publish_page", "delete_page")
TRAINER_SECTION_PERMISSIONS = ("add_page", "publish_page")
EDITOR_PERMISSIONS = [
    ("training", "seminarpage", "assign_trainers", "Can assign trainers to seminars and training materials"),
    ("training", "registration", "view_registration", "Can view registration"),
]


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _sections(apps):
    Page = apps.get_model("wagtailcore", "Page")
    return Page.objects.filter(content_type__app_label="training", content_type__model__in=SECTION_MODELS)


def _page_permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    trainers = Group.objects.filter(name="Trainers").first()
    editors = Group.objects.filter(name="Editors").first()
    sections = list(_sections(apps))
    if trainers is not None:
        GroupPagePermission.objects.filter(group=trainers, permission__codename="change_page").delete()
        for page in sections:
            for permission in _page_permissions(apps, TRAINER_SECTION_PERMISSIONS):
                GroupPagePermission.objects.get_or_create(group=trainers, page=page, permission=permission)
    if editors is not None:
        editors.permissions.add(*[_permission(apps, *spec) for spec in EDITOR_PERMISSIONS])
        for page in sections:
            for permission in _page_permissions(apps, EDITOR_SECTION_PERMISSIONS):
                GroupPagePermission.objects.get_or_create(group=editors, page=page, permission=permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    sections = list(_sections(apps))
    trainers = Group.objects.filter(name="Trainers").first()
    editors = Group.objects.filter(name="Editors").first()
    if trainers is not None:
        for page in sections:
            for permission in _page_permissions(apps, ("change_page",)):
                GroupPagePermission.objects.get_or_create(group=trainers, page=page, permission=permission)
    if editors is not None:
        GroupPagePermission.objects.filter(group=editors, page__in=sections).delete()
        editors.permissions.remove(*[_permission(apps, *spec) for spec in EDITOR_PERMISSIONS])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_cache_table"),
        ("training", "0006_assign_trainers_permission"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
