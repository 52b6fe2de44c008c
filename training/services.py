"""Writes of the training app: registrations, the waiting list, schedule changes, feed tokens.

Every registration change locks the seminar's `SeminarState` row first
(`select_for_update`), so places are counted by one writer at a time per
seminar across all its translations, and no seminar is ever overbooked.
E-mails are queued inside the same transaction (see portal.emails).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.emails import send_templated_email
from training import calendars
from training.models import (
    CalendarFeedToken,
    Registration,
    RegistrationStatus,
    SeminarPage,
    SeminarState,
    new_feed_token,
)
from training.queries import seminar_in_language


def lock_seminar(*, translation_key):
    """The seminar's state row, locked until the end of the surrounding transaction."""
    SeminarState.objects.get_or_create(translation_key=translation_key)
    return SeminarState.objects.select_for_update().get(translation_key=translation_key)


def _current(seminar):
    """The seminar as stored now (capacity and dates may have changed since it was loaded)."""
    return SeminarPage.objects.get(pk=seminar.pk)


def registration_is_open(*, seminar, now=None):
    now = now or timezone.now()
    return not seminar.is_cancelled and now < seminar.registration_closes_at


def _notify(*, registration, template, state, seminar_status=None):
    user = registration.user
    seminar = seminar_in_language(translation_key=registration.seminar_key, language=user.preferred_language)
    attachments = []
    if template != "waiting":
        ics = calendars.registration_calendar(registration=registration, seminar=seminar, state=state)
        attachments = [{"filename": "seminar.ics", "content": ics, "mimetype": "text/calendar"}]
    send_templated_email(
        to_user=user,
        template=f"training/email/{template}",
        context={
            "seminar": seminar,
            "registration": registration,
            "position": waiting_position(registration=registration) if template == "waiting" else None,
        },
        attachments=attachments,
    )


def waiting_position(*, registration):
    """1 for the first person waiting; None when not on the waiting list."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(
        seminar_key=registration.seminar_key, status=RegistrationStatus.WAITING, queued_at__lt=registration.queued_at
    ).count()
    same_time = Registration.objects.filter(
        seminar_key=registration.seminar_key,
        status=RegistrationStatus.WAITING,
        queued_at=registration.queued_at,
        pk__lt=registration.pk,
    ).count()
    return ahead + same_time + 1


def register_for_seminar(*, seminar, user):
    """Register `user` for `seminar` (any translation of it).

    Confirmed while places remain, otherwise on the waiting list. Raises
    ValidationError when registration is closed or the user is already
    registered.

    Side effects: locks the seminar's state row; creates or reopens the
    user's Registration; queues a confirmation e-mail with the seminar's .ics
    or a waiting-list e-mail with the position.
    """
    with transaction.atomic():
        state = lock_seminar(translation_key=seminar.translation_key)
        seminar = _current(seminar)
        if not registration_is_open(seminar=seminar):
            raise ValidationError(_("Registration for this seminar is closed."))
        registration = (
            Registration.objects.select_for_update().filter(seminar_key=seminar.translation_key, user=user).first()
        )
        if registration is not None and registration.status != RegistrationStatus.CANCELLED:
            raise ValidationError(_("You are already registered for this seminar."))
        confirmed = Registration.objects.filter(
            seminar_key=seminar.translation_key, status=RegistrationStatus.CONFIRMED
        ).count()
        status = RegistrationStatus.CONFIRMED if confirmed < seminar.capacity else RegistrationStatus.WAITING
        if registration is None:
            registration = Registration(seminar_key=seminar.translation_key, user=user)
        else:
            registration.revision += 1
        registration.status = status
        registration.queued_at = timezone.now()
        registration.cancelled_at = None
        registration.full_clean(validate_constraints=False)
        registration.save()
        _notify(
            registration=registration,
            template="confirmation" if status == RegistrationStatus.CONFIRMED else "waiting",
            state=state,
        )
    return registration


def may_manage_registration(*, registration, user):
    return user.is_authenticated and (user.is_superuser or registration.user_id == user.pk)


def cancel_registration(*, registration, by):
    """Cancel a registration; a freed place goes to the first person waiting.

    Side effects: locks the seminar's state row; marks the registration
    cancelled (raising its calendar revision); queues a cancellation e-mail
    with an .ics marked CANCELLED; promotes waiting people into free places and
    e-mails each of them with the .ics.
    """
    if not may_manage_registration(registration=registration, user=by):
        raise PermissionDenied
    with transaction.atomic():
        state = lock_seminar(translation_key=registration.seminar_key)
        registration = Registration.objects.select_related("user").get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise ValidationError(_("This registration has already been cancelled."))
        seminar = SeminarPage.objects.filter(translation_key=registration.seminar_key).first()
        if seminar is not None and timezone.now() >= seminar.starts_at:
            raise ValidationError(_("The seminar has already started, so the registration can no longer be cancelled."))
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.revision += 1
        registration.full_clean(validate_constraints=False)
        registration.save()
        _notify(registration=registration, template="cancellation", state=state)
        if seminar is not None:
            _promote_waiting(seminar=seminar, state=state)
    return registration


def _promote_waiting(*, seminar, state):
    """Fill free places from the waiting list, first come first served. Caller holds the lock."""
    if seminar.is_cancelled:
        return []
    confirmed = Registration.objects.filter(
        seminar_key=seminar.translation_key, status=RegistrationStatus.CONFIRMED
    ).count()
    free = max(0, seminar.capacity - confirmed)
    promoted = list(
        Registration.objects.select_related("user")
        .filter(seminar_key=seminar.translation_key, status=RegistrationStatus.WAITING)
        .order_by("queued_at", "pk")[:free]
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.revision += 1
        registration.save(update_fields=["status", "revision", "updated_at"])
        _notify(registration=registration, template="promotion", state=state)
    return promoted


def schedule_of(seminar):
    """What participants must be told about when it changes."""
    return {
        "starts_at": seminar.starts_at.isoformat(),
        "ends_at": seminar.ends_at.isoformat(),
        "time_zone": seminar.time_zone,
        "venue_name": seminar.venue_name,
        "online_url": seminar.online_url,
        "is_cancelled": seminar.is_cancelled,
    }


def record_seminar_publication(*, seminar):
    """Bring the seminar's shared state in line with a just-published translation.

    Called on every publish of any translation; since synchronised fields are
    identical across translations, only the first publish of a change acts.

    Side effects: locks the seminar's state row; on a changed date, time,
    venue, online link or cancellation raises the calendar SEQUENCE and queues
    a change notice with the updated .ics to every confirmed participant; when
    places were added, promotes waiting people (with e-mails).
    """
    with transaction.atomic():
        state = lock_seminar(translation_key=seminar.translation_key)
        schedule = schedule_of(seminar)
        notified = []
        if state.schedule and state.schedule != schedule:
            state.sequence += 1
            notified = list(
                Registration.objects.select_related("user").filter(
                    seminar_key=seminar.translation_key, status=RegistrationStatus.CONFIRMED
                )
            )
        if state.schedule != schedule:
            state.schedule = schedule
            state.save(update_fields=["schedule", "sequence"])
        for registration in notified:
            _notify(registration=registration, template="change", state=state)
        _promote_waiting(seminar=seminar, state=state)
    return notified


def regenerate_feed_token(*, user):
    """Side effects: replaces the user's personal calendar feed token (the old URL stops working)."""
    with transaction.atomic():
        feed, created = CalendarFeedToken.objects.select_for_update().get_or_create(user=user)
        if not created:
            feed.token = new_feed_token()
            feed.full_clean()
            feed.save(update_fields=["token"])
    return feed


def revoke_feed_token(*, user):
    """Side effects: deletes the user's personal calendar feed token."""
    with transaction.atomic():
        CalendarFeedToken.objects.filter(user=user).delete()
