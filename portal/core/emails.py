"""Outgoing e-mail.

Messages are rendered at once, in the recipient's language, and stored in the
outbox (`portal.core.outbox`) within the caller's transaction: a crash after
the commit never loses one and a rolled-back change never sends one. The
outbox worker (`manage.py send_mail`) sends them, retrying when the mail
server is unreachable; in development and tests they go out right after the
commit.

Plain-text bodies are rendered with autoescaping off (an apostrophe stays an
apostrophe); links in them start with `PORTAL_BASE_URL` (`portal.core.urls`).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from portal.core.outbox import store_email


def enqueue_email(*, subject, body, to, html="", attachments=(), language=""):
    """Store a rendered message for delivery together with the current transaction."""
    store_email(
        subject=subject,
        body=body,
        to=list(to),
        html=html,
        attachments=[dict(attachment) for attachment in attachments],
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )


def language_for(email):
    """The preferred language of the account with this address, else the active one."""
    preferred = (
        get_user_model().objects.filter(email__iexact=email).values_list("preferred_language", flat=True).first()
    )
    return preferred or translation.get_language() or settings.LANGUAGE_CODE


def render_text(template_name, context):
    """Render a plain-text template without HTML escaping."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def send_templated_email(*, to_user, template, context, attachments=()):
    """Render `<template>_subject.txt` and `<template>_message.txt` for one user.

    Side effects: stores one e-mail in the outbox (see `enqueue_email`).
    """
    with translation.override(to_user.preferred_language):
        context = {"user": to_user, **context}
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        body = render_text(f"{template}_message.txt", context)
    enqueue_email(
        subject=subject,
        body=body,
        to=[to_user.email],
        attachments=attachments,
        language=to_user.preferred_language,
    )
