"""Sectors and regions become records named in every language.

Each distinct sector text of the clusters becomes one Sector, each distinct
(country, region text) one Region, named in English with the text as it was;
texts that differ only in case or spacing become one record (as peer matching
already treated them). Every cluster keeps its sector and region. The text columns go in the next
migration: PostgreSQL can't alter a table in the transaction that just updated
rows with deferred foreign-key checks.
"""

import hashlib

import django.db.models.deletion
import django_countries.fields
from django.db import migrations, models
from django.utils.text import slugify


def _code(text):
    text = " ".join(text.split())
    return (slugify(text) or slugify(text, allow_unicode=True) or hashlib.sha256(text.casefold().encode()).hexdigest())[
        :120
    ]


def texts_to_records(apps, schema_editor):
    Cluster = apps.get_model("mobility", "Cluster")
    Sector = apps.get_model("mobility", "Sector")
    Region = apps.get_model("mobility", "Region")
    sectors, regions = {}, {}
    for cluster in Cluster.objects.order_by("pk"):
        sector_text, region_text = cluster.sector_text.strip(), cluster.region_text.strip()
        if sector_text:
            code = _code(sector_text)
            if code not in sectors:
                sectors[code] = Sector.objects.create(code=code, name=sector_text, name_en=sector_text)
            cluster.sector = sectors[code]
        if region_text:
            key = (str(cluster.country), _code(region_text))
            if key not in regions:
                regions[key] = Region.objects.create(
                    country=key[0], code=key[1], name=region_text, name_en=region_text
                )
            cluster.region = regions[key]
        cluster.save(update_fields=["sector", "region"])


def records_to_texts(apps, schema_editor):
    Cluster = apps.get_model("mobility", "Cluster")
    for cluster in Cluster.objects.select_related("sector", "region"):
        cluster.sector_text = cluster.sector.name_en or cluster.sector.name if cluster.sector else ""
        cluster.region_text = cluster.region.name_en or cluster.region.name if cluster.region else ""
        cluster.save(update_fields=["sector_text", "region_text"])


def _translated_name(language):
    return (f"name_{language}", models.CharField(max_length=120, null=True, verbose_name="name"))


LANGUAGES = ("en", "cs", "sk", "pl", "hu", "hr", "tr")


class Migration(migrations.Migration):
    dependencies = [
        ("mobility", "0012_cluster_logo"),
    ]

    operations = [
        migrations.CreateModel(
            name="Sector",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=120, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=120, verbose_name="name")),
                *(_translated_name(language) for language in LANGUAGES),
            ],
            options={"verbose_name": "sector", "verbose_name_plural": "sectors", "ordering": ["code"]},
        ),
        migrations.CreateModel(
            name="Region",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("country", django_countries.fields.CountryField(max_length=2, verbose_name="country")),
                ("code", models.SlugField(max_length=120, verbose_name="code")),
                ("name", models.CharField(max_length=120, verbose_name="name")),
                *(_translated_name(language) for language in LANGUAGES),
            ],
            options={"verbose_name": "region", "verbose_name_plural": "regions", "ordering": ["country", "code"]},
        ),
        migrations.AddConstraint(
            model_name="region",
            constraint=models.UniqueConstraint(fields=("country", "code"), name="region_code_unique_per_country"),
        ),
        migrations.RemoveIndex(model_name="cluster", name="mobility_cl_country_be5bcf_idx"),
        migrations.RenameField(model_name="cluster", old_name="sector", new_name="sector_text"),
        migrations.RenameField(model_name="cluster", old_name="region", new_name="region_text"),
        migrations.AddField(
            model_name="cluster",
            name="region",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="clusters",
                to="mobility.region",
                verbose_name="region",
            ),
        ),
        migrations.AddField(
            model_name="cluster",
            name="sector",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="clusters",
                to="mobility.sector",
                verbose_name="sector",
            ),
        ),
        migrations.RunPython(texts_to_records, records_to_texts),
    ]
