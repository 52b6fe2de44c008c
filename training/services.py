"""Writes of the training app: seminar facts, registrations, the waiting list, feed tokens.

Every change of a seminar's facts or registrations locks its `SeminarState`
row first (`portal.core.locking`), so places are counted by one writer at a
time per seminar across all its translations, and no seminar is ever
overbooked. E-mails are queued inside the same transaction (see portal.core.emails).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.emails import send_templated_email
from portal.core.locking import lock, lock_first, lock_one
from training import calendars, rules
from training.enums import RegistrationStatus
from training.queries import seminar_in_language
from training.records import CalendarFeedToken, Registration, SeminarState, new_feed_token
from training.selectors import confirmed_count, waiting_position

# What registrants are told about when it changes (a change notice, SEQUENCE + 1).
SCHEDULE_FACTS = ("starts_at", "ends_at", "time_zone", "venue_name", "address", "online_url", "is_cancelled")


def _lock_seminar(*, translation_key):
    """The seminar's facts row, locked until the end of the surrounding transaction."""
    return lock_one(SeminarState.objects, translation_key=translation_key)


def schedule_of(facts):
    return {name: getattr(facts, name) for name in SCHEDULE_FACTS}


def update_seminar_facts(*, translation_key, trainers=None, **facts):
    """Create or change the one set of facts of a seminar, for all its translations at once.

    `facts` are SeminarState fields (start_date, start_time, ..., capacity,
    is_cancelled); `trainers` replaces the trainers when given. Raises
    ValidationError when the facts are invalid or the capacity is below the
    number of confirmed people.

    Side effects: locks the facts row (or creates it); when date, time, time
    zone, venue, online link or the cancelled flag changed, raises the
    calendar SEQUENCE once and queues one change notice (with the updated
    .ics) to every confirmed and waiting registrant in their language; when
    places were added, promotes waiting people in queue order and e-mails
    them the promotion instead of the notice.
    """
    with transaction.atomic():
        state = lock_first(SeminarState.objects, translation_key=translation_key)
        before = schedule_of(state) if state is not None else None
        if state is None:
            state = SeminarState(translation_key=translation_key)
        for name, value in facts.items():
            setattr(state, name, value)
        state.full_clean(exclude=["starts_at", "ends_at", "registration_closes_at"])
        confirmed = confirmed_count(translation_key=translation_key)
        if state.capacity < confirmed:
            raise ValidationError({"capacity": rules.capacity_below_confirmed(confirmed=confirmed)})
        state.derive_instants()
        changed = before is not None and before != schedule_of(state)
        if changed:
            state.sequence += 1
        state.save()
        if trainers is not None:
            state.trainers.set(trainers)
        if before is None:
            return state
        promoted = {registration.pk for registration in _promote_waiting(state=state)}
        if changed:
            for registration in (
                Registration.objects.active()
                .select_related("user")
                .filter(seminar_key=translation_key)
                .exclude(pk__in=promoted)
                .order_by("queued_at", "pk")
            ):
                _notify(registration=registration, template="change", state=state)
    return state


def _notify(*, registration, template, state, position=None):
    """Queue the e-mail `template` to the registrant in their language; all but the waiting-list one carry
    the seminar's .ics. `position` is the place on the waiting list, for that one."""
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
            "position": position,
        },
        attachments=attachments,
    )


def register_for_seminar(*, seminar, user):
    """Register `user` for `seminar` (any translation of it).

    Confirmed while places remain, otherwise on the waiting list. Returns the
    registration with `position`: its place on the waiting list (None when
    confirmed). Raises ValidationError when registration is closed or the
    user is already registered.

    Side effects: locks the seminar's state row; creates or reopens the
    user's Registration; queues a confirmation e-mail with the seminar's .ics
    or a waiting-list e-mail with the position.
    """
    with transaction.atomic():
        state = _lock_seminar(translation_key=seminar.translation_key)
        if not rules.registration_is_open(seminar=state):
            raise ValidationError(_("Registration for this seminar is closed."))
        registration = lock_first(Registration.objects, seminar_key=seminar.translation_key, user=user)
        if registration is not None and registration.status != RegistrationStatus.CANCELLED:
            raise ValidationError(_("You are already registered for this seminar."))
        confirmed = confirmed_count(translation_key=state.translation_key)
        has_place = rules.free_places(capacity=state.capacity, confirmed=confirmed) > 0
        status = RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITING
        if registration is None:
            registration = Registration(seminar_key=seminar.translation_key, user=user)
        else:
            registration.revision += 1
        registration.status = status
        registration.queued_at = timezone.now()
        registration.cancelled_at = None
        registration.full_clean(validate_constraints=False)
        registration.save()
        registration.position = waiting_position(registration=registration)
        _notify(
            registration=registration,
            template="confirmation" if status == RegistrationStatus.CONFIRMED else "waiting",
            state=state,
            position=registration.position,
        )
    return registration


def cancel_registration(*, registration, by):
    """Cancel a registration; a freed place goes to the first person waiting.

    Side effects: locks the seminar's state row; marks the registration
    cancelled (raising its calendar revision); queues a cancellation e-mail
    with an .ics marked CANCELLED; promotes waiting people into free places and
    e-mails each of them with the .ics.
    """
    if not rules.may_manage_registration(registration=registration, user=by):
        raise PermissionDenied
    with transaction.atomic():
        state = _lock_seminar(translation_key=registration.seminar_key)
        registration = Registration.objects.select_related("user").get(pk=registration.pk)
        refusal = rules.why_not_cancellable(registration=registration, seminar=state)
        if refusal:
            raise ValidationError(refusal)
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.revision += 1
        registration.full_clean(validate_constraints=False)
        registration.save()
        _notify(registration=registration, template="cancellation", state=state)
        _promote_waiting(state=state)
    return registration


def _promote_waiting(*, state):
    """Fill free places from the waiting list, first come first served. Caller holds the lock."""
    if state.is_cancelled:
        return []
    free = rules.free_places(capacity=state.capacity, confirmed=confirmed_count(translation_key=state.translation_key))
    promoted = list(
        Registration.objects.select_related("user")
        .filter(seminar_key=state.translation_key, status=RegistrationStatus.WAITING)
        .order_by("queued_at", "pk")[:free]
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.revision += 1
        registration.save(update_fields=["status", "revision", "updated_at"])
        _notify(registration=registration, template="promotion", state=state)
    return promoted


def regenerate_feed_token(*, user):
    """Side effects: replaces the user's personal calendar feed token (the old URL stops working)."""
    with transaction.atomic():
        feed, created = lock(CalendarFeedToken.objects.filter(user=user)).get_or_create(user=user)
        if not created:
            feed.token = new_feed_token()
            feed.full_clean()
            feed.save(update_fields=["token"])
    return feed


def revoke_feed_token(*, user):
    """Side effects: deletes the user's personal calendar feed token."""
    with transaction.atomic():
        CalendarFeedToken.objects.filter(user=user).delete()
