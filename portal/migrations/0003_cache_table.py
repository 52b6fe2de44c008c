"""The table of a database cache, for deployments that set CACHES["default"] to Django's DatabaseCache.

Created here, whatever the cache configuration at migration time, so that
`migrate` is the only set-up step and switching from Redis back to the
database cache needs none.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "centramo_cache"


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_groups_and_locales")]

    operations = [migrations.RunPython(create_table, drop_table)]
