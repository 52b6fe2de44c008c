"""The seminar's facts move from every translation page onto its one SeminarState row (step 1: columns)."""

import django.db.models.deletion
import django_countries.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_trainers_translate"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The page columns become nullable first, so that the way back (0005 reversed) can re-add them empty.
    operations = [
        migrations.AlterField("seminarpage", "start_date", models.DateField(null=True, verbose_name="first day")),
        migrations.AlterField(
            "seminarpage", "start_time", models.TimeField(null=True, verbose_name="starts at (venue time)")
        ),
        migrations.AlterField("seminarpage", "end_date", models.DateField(null=True, verbose_name="last day")),
        migrations.AlterField(
            "seminarpage", "end_time", models.TimeField(null=True, verbose_name="ends at (venue time)")
        ),
        migrations.AlterField(
            "seminarpage",
            "country",
            django_countries.fields.CountryField(blank=True, max_length=2, verbose_name="country"),
        ),
        migrations.AlterField(
            "seminarpage", "language", models.CharField(blank=True, max_length=10, verbose_name="language of delivery")
        ),
        migrations.AlterField("seminarpage", "capacity", models.PositiveIntegerField(null=True, verbose_name="places")),
        migrations.AlterField("seminarpage", "starts_at", models.DateTimeField(null=True, editable=False)),
        migrations.AlterField("seminarpage", "ends_at", models.DateTimeField(null=True, editable=False)),
        migrations.AlterField("seminarpage", "registration_closes_at", models.DateTimeField(null=True, editable=False)),
        migrations.AddField("seminarstate", "start_date", models.DateField(null=True, verbose_name="first day")),
        migrations.AddField(
            "seminarstate", "start_time", models.TimeField(null=True, verbose_name="starts at (venue time)")
        ),
        migrations.AddField("seminarstate", "end_date", models.DateField(null=True, verbose_name="last day")),
        migrations.AddField(
            "seminarstate", "end_time", models.TimeField(null=True, verbose_name="ends at (venue time)")
        ),
        migrations.AddField(
            "seminarstate",
            "time_zone",
            models.CharField(default="Europe/Prague", max_length=64, verbose_name="venue time zone"),
        ),
        migrations.AddField(
            "seminarstate",
            "registration_deadline",
            models.DateField(blank=True, null=True, verbose_name="registration deadline"),
        ),
        migrations.AddField(
            "seminarstate", "venue_name", models.CharField(blank=True, max_length=200, verbose_name="venue")
        ),
        migrations.AddField(
            "seminarstate", "address", models.CharField(blank=True, max_length=300, verbose_name="address")
        ),
        migrations.AddField("seminarstate", "online_url", models.URLField(blank=True, verbose_name="online link")),
        migrations.AddField(
            "seminarstate",
            "country",
            django_countries.fields.CountryField(blank=True, max_length=2, verbose_name="country"),
        ),
        migrations.AddField(
            "seminarstate",
            "language",
            models.CharField(blank=True, max_length=10, verbose_name="language of delivery"),
        ),
        migrations.AddField("seminarstate", "capacity", models.PositiveIntegerField(null=True, verbose_name="places")),
        migrations.AddField(
            "seminarstate", "is_cancelled", models.BooleanField(default=False, verbose_name="cancelled")
        ),
        migrations.AddField(
            "seminarstate",
            "trainers",
            models.ManyToManyField(blank=True, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="trainers"),
        ),
        migrations.AddField("seminarstate", "starts_at", models.DateTimeField(null=True, editable=False)),
        migrations.AddField("seminarstate", "ends_at", models.DateTimeField(null=True, editable=False)),
        migrations.AddField("seminarstate", "registration_closes_at", models.DateTimeField(null=True, editable=False)),
        migrations.AddField(
            "seminarpage",
            "facts",
            models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="training.seminarstate",
                to_field="translation_key",
                verbose_name="seminar facts",
            ),
        ),
    ]
