"""Outgoing e-mail.

Messages are rendered at once, in the recipient's language, and handed to the
task queue within the caller's transaction: with the database task backend
(production) the queued task commits or rolls back together with the change it
reports; with the in-process backend (development, tests) it is sent only after
the commit, so a rolled-back change never sends mail.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend


@task()
def deliver_email(*, subject, body, to, html="", attachments=()):
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    message.send()


def enqueue_email(*, subject, body, to, html="", attachments=()):
    """Queue a rendered message for delivery together with the current transaction."""
    kwargs = {
        "subject": subject,
        "body": body,
        "to": list(to),
        "html": html,
        "attachments": [dict(attachment) for attachment in attachments],
    }
    if isinstance(deliver_email.get_backend(), ImmediateBackend):
        transaction.on_commit(lambda: deliver_email.enqueue(**kwargs))
    else:
        deliver_email.enqueue(**kwargs)


def language_for(email):
    """The preferred language of the account with this address, else the active one."""
    from portal.models import User

    preferred = User.objects.filter(email__iexact=email).values_list("preferred_language", flat=True).first()
    return preferred or translation.get_language() or settings.LANGUAGE_CODE


def send_templated_email(*, to_user, template, context, attachments=()):
    """Render `<template>_subject.txt` and `<template>_message.txt` for one user.

    Side effects: queues one e-mail (see `enqueue_email`).
    """
    with translation.override(to_user.preferred_language):
        context = {"user": to_user, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context)
    enqueue_email(subject=subject, body=body, to=[to_user.email], attachments=attachments)
