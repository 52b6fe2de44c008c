"""The e-mail outbox (DESIGN 8): store in the caller's transaction, send later.

`store_email` writes one `OutboxMessage` per recipient inside the current
transaction; a crash after the commit never loses it and a rollback never
sends it. `deliver` sends one due message: it claims the row with
`SELECT ... FOR UPDATE SKIP LOCKED` and marks it sent in the same transaction,
so two workers never send the same message. Transient failures (connection
refused, timeouts, SMTP 4xx answers) are retried with exponential backoff for
`EMAIL_RETRY_HOURS`; permanent refusals (SMTP 5xx) are recorded as failed and
never retried.

With the in-process task backend (development, tests) every stored message is
delivered at once after the commit; in production the `send_mail` worker
sends what is due.
"""

import base64
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from portal.core.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_RETRY = datetime.timedelta(hours=1)


def retry_period():
    return datetime.timedelta(hours=settings.EMAIL_RETRY_HOURS)


def _stored_attachment(attachment):
    content = attachment["content"]
    if isinstance(content, bytes):
        return {**attachment, "content": base64.b64encode(content).decode("ascii"), "encoding": "base64"}
    return dict(attachment)


def store_email(*, subject, body, to, html="", attachments=(), language=""):
    """Store one message per recipient in the current transaction.

    Side effects: creates OutboxMessage rows; after the commit, with the
    in-process task backend, delivers them at once.
    """
    stored = [_stored_attachment(attachment) for attachment in attachments]
    messages = [
        OutboxMessage.objects.create(
            recipient=recipient,
            from_email=settings.DEFAULT_FROM_EMAIL,
            subject=subject,
            text=body,
            html=html,
            attachments=stored,
            language=language,
        )
        for recipient in to
    ]
    _nudge([message.pk for message in messages])
    return messages


def _nudge(message_ids):
    if message_ids and isinstance(deliver_outbox_messages.get_backend(), ImmediateBackend):
        transaction.on_commit(lambda: deliver_outbox_messages.enqueue(message_ids=message_ids))


@task()
def deliver_outbox_messages(*, message_ids):
    for message_id in message_ids:
        deliver(message_id=message_id)


def is_permanent(error):
    """True for a refusal that retrying cannot fix: an SMTP 5xx answer about this message."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    # A connection or log-in problem is the relay's or our configuration's, not the message's.
    if isinstance(error, (smtplib.SMTPConnectError, smtplib.SMTPAuthenticationError)):
        return False
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return False


def backoff(attempts):
    """Wait before the next try: 1, 2, 4 ... minutes, at most an hour."""
    doublings = min(max(attempts - 1, 0), 16)
    return min(FIRST_RETRY * 2**doublings, LONGEST_RETRY)


def _email(message, connection):
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=message.from_email,
        to=[message.recipient],
        connection=connection,
        # One Message-ID per stored message: should a crash ever make us send it twice,
        # mail programs still show it once.
        headers={"Message-ID": f"<{message.uuid}@outbox.centramo>"},
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    for attachment in message.attachments:
        content = attachment["content"]
        if attachment.get("encoding") == "base64":
            content = base64.b64decode(content)
        email.attach(attachment["filename"], content, attachment["mimetype"])
    return email


def _record_failure(message, error, now):
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    if is_permanent(error):
        message.status = OutboxStatus.FAILED
    elif now - message.queued_at >= retry_period():
        message.status = OutboxStatus.EXPIRED
    else:
        message.status = OutboxStatus.RETRYING
        message.next_attempt_at = now + backoff(message.attempts)
    logger.warning("E-mail %s to %s: %s (%s)", message.pk, message.recipient, message.last_error, message.status)


def deliver(*, message_id=None, now=None, connection=None):
    """Send one due message (this one, or the longest waiting); None when nothing is due.

    Side effects: one SMTP delivery attempt; updates the message's status,
    attempts, next attempt and last error in the transaction that claimed it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = OutboxMessage.objects.select_for_update(skip_locked=True).filter(
            status__in=OutboxStatus.pending(), next_attempt_at__lte=now
        )
        if message_id is not None:
            due = due.filter(pk=message_id)
        message = due.order_by("next_attempt_at", "pk").first()
        if message is None:
            return None
        message.attempts += 1
        try:
            _email(message, connection or get_connection(fail_silently=False)).send()
        except Exception as error:
            _record_failure(message, error, now)
        else:
            message.status = OutboxStatus.SENT
            message.sent_at = now
            message.last_error = ""
        message.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "sent_at"])
    return message


def send_due(*, now=None, should_stop=lambda: False):
    """Send every message due at `now`, one at a time; returns how many were tried."""
    tried = 0
    while not should_stop():
        if deliver(now=now) is None:
            break
        tried += 1
    return tried


def resend(*, message):
    """Queue a message again at once (an administrator's resend); the retry period starts anew.

    Side effects: resets the message's status, due time and queue time.
    """
    now = timezone.now()
    with transaction.atomic():
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=OutboxStatus.QUEUED, next_attempt_at=now, queued_at=now, sent_at=None
        )
        _nudge([message.pk])


def drop_pending_mail(*, address):
    """Side effects: deletes messages to `address` that are not sent yet; returns how many."""
    deleted, _per_model = OutboxMessage.objects.filter(
        recipient__iexact=address, status__in=OutboxStatus.pending()
    ).delete()
    return deleted
