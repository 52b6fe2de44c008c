"""The clusters' sector and region texts, now records (see 0010), are dropped;
benchmark analysts manage and translate the sectors and regions in the admin."""

from django.db import migrations, models

MANAGED = ("sector", "region")
ACTIONS = ("add", "change", "delete", "view")


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for model in MANAGED:
        content_type, _created = ContentType.objects.get_or_create(app_label="mobility", model=model)
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            permissions.append(permission)
    return permissions


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
        ("mobility", "0013_sector_and_region_vocabulary"),
    ]

    operations = [
        migrations.RemoveField(model_name="cluster", name="sector_text"),
        migrations.RemoveField(model_name="cluster", name="region_text"),
        migrations.AddIndex(
            model_name="cluster",
            index=models.Index(fields=["country", "sector"], name="mobility_cl_country_e3c33f_idx"),
        ),
        migrations.RunPython(grant, revoke),
    ]
