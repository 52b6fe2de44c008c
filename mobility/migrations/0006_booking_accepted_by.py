import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

WAS_ACCEPTED = ("accepted", "completed", "cancelled")


def organizers_for_existing_visits(apps, schema_editor):
    """Visits accepted before the field existed: the host's first approved manager (by e-mail) organised them."""
    Booking = apps.get_model("mobility", "StudyVisitBooking")
    Membership = apps.get_model("mobility", "ClusterMembership")
    for booking in Booking.objects.filter(status__in=WAS_ACCEPTED, accepted_by__isnull=True).select_related("offer"):
        if booking.status == "cancelled" and booking.sequence == 0:
            continue  # cancelled while still a request: there was never an invitation
        membership = (
            Membership.objects.filter(
                cluster_id=booking.offer.cluster_id, role="manager", status="approved", user__is_active=True
            )
            .order_by("user__email")
            .first()
        )
        if membership is not None:
            Booking.objects.filter(pk=booking.pk).update(accepted_by_id=membership.user_id)


class Migration(migrations.Migration):
    dependencies = [
        ("mobility", "0005_booking_requester_may_leave"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="studyvisitbooking",
            name="accepted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="accepted by",
            ),
        ),
        migrations.RunPython(organizers_for_existing_visits, migrations.RunPython.noop),
    ]
