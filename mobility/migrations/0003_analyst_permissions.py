"""Benchmark analysts manage clusters, the indicator set, editions, labels and
memberships in the Wagtail admin, and may view results and scores."""

from django.db import migrations

MANAGED = ("cluster", "dimension", "indicator", "benchmarkedition", "label", "clustermembership")
VIEWED = ("benchmarkresult", "score")


def _permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="mobility", model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
    )
    return permission


def _permissions(apps):
    return [_permission(apps, model, action) for model in MANAGED for action in ("add", "change", "delete", "view")] + [
        _permission(apps, model, "view") for model in VIEWED
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name="Benchmark analysts")
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Benchmark analysts").first()
    if group:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("mobility", "0002_default_indicator_set"),
        ("portal", "0002_groups_and_locales"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
