"""PostgreSQL's unaccent extension for the site search (content/search.py).

unaccent is a trusted extension (PostgreSQL 13+), so the database owner may
create it without superuser rights. SQLite gets the same function from Python.
"""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = [("content", "0002_best_practice_topics")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
