"""Create the role groups and one Wagtail locale per configured language."""

from django.conf import settings
from django.db import migrations

GROUPS = ("Trainers", "Benchmark analysts", "Editors")
# Everyone in a role works in the Wagtail admin; Editors also manage images,
# documents and the translatable footer.
ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]
# Image and document permissions are granted per collection (the root one).
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]
EDITOR_EXTRA = [
    ("content", "footertext", "add_footertext"),
    ("content", "footertext", "change_footertext"),
    ("wagtail_localize", "translation", "submit_translation"),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root_collection = Collection.objects.get(depth=1)
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        specs = ADMIN_ACCESS + (EDITOR_EXTRA if name == "Editors" else [])
        group.permissions.add(*[_permission(apps, *spec) for spec in specs])
        # Wagtail's installer gives its own "Editors" group the whole tree;
        # ours get their sections only (granted when a section is created).
        GroupPagePermission.objects.filter(group=group).delete()
        if name != "Benchmark analysts":
            for spec in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, *spec)
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("content", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0003_admin_managed"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
