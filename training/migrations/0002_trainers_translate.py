"""Trainers translate their seminars and materials with wagtail-localize."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Trainers").first()
    if group is None:
        return
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Trainers").first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("portal", "0002_groups_and_locales"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
