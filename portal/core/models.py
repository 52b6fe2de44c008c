import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RETRYING = "retrying", _("Waiting to retry")
    SENT = "sent", _("Sent")
    # Translators: the mail server refused the message for good (an SMTP 5xx answer).
    FAILED = "failed", _("Refused")
    # Translators: the mail server stayed unreachable for the whole retry period.
    EXPIRED = "expired", _("Gave up")

    @classmethod
    def pending(cls):
        """States the worker still sends."""
        return (cls.QUEUED, cls.RETRYING)


class OutboxMessage(models.Model):
    """One rendered e-mail to one recipient, stored with the change it reports.

    Written in the caller's transaction (so a rolled-back change leaves no
    message) and sent by `portal.core.outbox`.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient = models.EmailField(_("recipient"), db_index=True)
    from_email = models.CharField(_("from"), max_length=254)
    subject = models.CharField(_("subject"), max_length=998)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-queued_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"
