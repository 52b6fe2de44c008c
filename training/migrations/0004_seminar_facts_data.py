"""Step 2: copy each seminar's facts from its original page (the oldest) onto its SeminarState row.

Every translation page then points at that row. Trainers are the union of
the trainers named on any translation, so nobody loses access. Registrations
and translations are untouched.
"""

from django.db import migrations

FACTS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "time_zone",
    "registration_deadline",
    "venue_name",
    "address",
    "online_url",
    "country",
    "language",
    "capacity",
    "is_cancelled",
    "starts_at",
    "ends_at",
    "registration_closes_at",
)


def forwards(apps, schema_editor):
    SeminarPage = apps.get_model("training", "SeminarPage")
    SeminarState = apps.get_model("training", "SeminarState")
    originals = {}
    trainers = {}
    for page in SeminarPage.objects.order_by("pk"):
        originals.setdefault(page.translation_key, page)
        trainers.setdefault(page.translation_key, set()).update(page.trainers.values_list("pk", flat=True))
    for key, page in originals.items():
        state, _created = SeminarState.objects.get_or_create(translation_key=key)
        for name in FACTS:
            setattr(state, name, getattr(page, name))
        state.save()
        state.trainers.set(trainers[key])
        SeminarPage.objects.filter(translation_key=key).update(facts=state.translation_key)
    # Rows of seminars whose pages are all gone held only a SEQUENCE.
    SeminarState.objects.exclude(translation_key__in=list(originals)).delete()


def backwards(apps, schema_editor):
    SeminarPage = apps.get_model("training", "SeminarPage")
    SeminarState = apps.get_model("training", "SeminarState")
    for state in SeminarState.objects.all():
        pages = SeminarPage.objects.filter(translation_key=state.translation_key)
        pages.update(**{name: getattr(state, name) for name in FACTS})
        for page in pages:
            page.trainers.set(state.trainers.all())


class Migration(migrations.Migration):
    dependencies = [("training", "0003_seminar_facts_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
