"""The outbox against a real SMTP server (aiosmtpd) started by each test."""

import datetime
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from portal.core import outbox
from portal.core.emails import enqueue_email
from portal.core.models import OutboxMessage, OutboxStatus
from tests.core.smtp import Recorder, SilentServer, free_port, start_server
from tests.training import factories
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def smtp(settings):
    """The SMTP backend pointed at a free local port (nothing listens there yet)."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    servers = []
    yield type("Smtp", (), {"port": port, "servers": servers})
    for server in servers:
        server.stop()


def _serve(smtp, handler):
    server = start_server(smtp.port, handler)
    smtp.servers.append(server)
    return server


def _stored(count):
    """Messages stored without the at-commit delivery (transactional tests have no surrounding commit)."""
    return [
        OutboxMessage.objects.create(
            recipient=f"person{number}@example.org",
            from_email="noreply@example.org",
            subject=f"Hello {number}",
            text="Text",
        )
        for number in range(1, count + 1)
    ]


def _queue(count, subject="Hello"):
    for number in range(1, count + 1):
        enqueue_email(subject=f"{subject} {number}", body="Text", to=[f"person{number}@example.org"])


def test_smtp_down_then_up_every_message_arrives_exactly_once(smtp, django_capture_on_commit_callbacks):
    seminar = factories.seminar(capacity=10)
    people = [factories.UserFactory() for _number in range(5)]
    with django_capture_on_commit_callbacks(execute=True):
        for person in people:
            register_for_seminar(seminar=seminar, user=person)
        enqueue_email(subject="Password reset", body="Link", to=["reset@example.org"])

    waiting = list(OutboxMessage.objects.order_by("pk"))
    assert [(message.status, message.attempts) for message in waiting] == [(OutboxStatus.RETRYING, 1)] * 6
    assert all(message.last_error.startswith("ConnectionRefusedError") for message in waiting)
    assert all(message.next_attempt_at - message.queued_at >= datetime.timedelta(minutes=1) for message in waiting)
    # Not due yet: nothing is tried before the backoff has passed.
    assert outbox.send_due() == 0

    recorder = Recorder()
    _serve(smtp, recorder)
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert outbox.send_due(now=later) == 6
    assert outbox.send_due(now=later + datetime.timedelta(hours=1)) == 0

    received = sorted(message["To"] for message in recorder.messages)
    assert received == sorted([person.email for person in people] + ["reset@example.org"])
    ids = {message["Message-ID"] for message in recorder.messages}
    assert len(ids) == 6
    assert [message.status for message in OutboxMessage.objects.order_by("pk")] == [OutboxStatus.SENT] * 6
    assert [message.attempts for message in OutboxMessage.objects.order_by("pk")] == [2] * 6


def test_retries_back_off_and_keep_going_for_a_day_then_give_up(smtp):
    _queue(1)
    message = OutboxMessage.objects.get()
    start = message.queued_at
    now = start
    delays = []
    while message.status in OutboxStatus.pending():
        now = message.next_attempt_at
        outbox.deliver(now=now)
        message.refresh_from_db()
        if message.status == OutboxStatus.RETRYING:
            delays.append(message.next_attempt_at - now)
    assert [delay.total_seconds() for delay in delays[:8]] == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert message.status == OutboxStatus.EXPIRED
    assert now - start >= datetime.timedelta(hours=48)
    assert message.attempts == 54


def test_a_relay_that_never_answers_times_out(smtp):
    silent = SilentServer(smtp.port)
    try:
        _queue(1)
        tried = outbox.deliver()
    finally:
        silent.close()
    assert tried.status == OutboxStatus.RETRYING
    assert tried.last_error == "SMTPServerDisconnected: Connection unexpectedly closed: timed out"


def test_permanent_refusal_is_failed_and_not_retried(smtp):
    _serve(smtp, Recorder(rcpt_answer="550 5.1.1 No such mailbox"))
    _queue(1)
    message = outbox.deliver()
    assert (message.status, message.attempts) == (OutboxStatus.FAILED, 1)
    assert "550" in message.last_error
    assert outbox.send_due(now=timezone.now() + datetime.timedelta(days=3)) == 0
    message.refresh_from_db()
    assert message.attempts == 1


def test_temporary_refusal_is_retried(smtp):
    _serve(smtp, Recorder(data_answer="451 4.3.0 Try again later"))
    _queue(1)
    message = outbox.deliver()
    assert (message.status, message.attempts) == (OutboxStatus.RETRYING, 1)
    assert message.last_error.startswith("SMTPDataError: (451")


def test_rolled_back_change_stores_and_sends_nothing(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _queue(2)
        raise RuntimeError
    assert OutboxMessage.objects.count() == 0
    assert mailoutbox == []


def test_in_process_backend_delivers_at_commit(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _queue(2)
        assert mailoutbox == []
    assert [message.subject for message in mailoutbox] == ["Hello 1", "Hello 2"]
    assert list(OutboxMessage.objects.values_list("status", flat=True)) == [OutboxStatus.SENT] * 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_never_claim_the_same_message(smtp):
    """A row claimed by one worker (locked) is skipped by the other."""
    first, second = _stored(2)
    recorder = Recorder()
    _serve(smtp, recorder)
    with transaction.atomic():
        locked = OutboxMessage.objects.select_for_update().get(pk=first.pk)
        results = []

        def other_worker():
            results.append(outbox.deliver())
            connections.close_all()

        worker = threading.Thread(target=other_worker)
        worker.start()
        worker.join(60)
        assert locked.status == OutboxStatus.QUEUED
    assert [message.pk for message in results] == [second.pk]
    assert [message["To"] for message in recorder.messages] == [second.recipient]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_worker_finishes_the_current_message_and_exits_on_sigterm(smtp):
    _stored(3)
    recorder = Recorder(hold=True)
    _serve(smtp, recorder)
    database = connection.settings_dict
    host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{host}/{database['NAME']}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_TIMEOUT": "30",
        "DJANGO_SECRET_KEY": "outbox-worker-test-key",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "send_mail", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert recorder.receiving.wait(120)
        worker.send_signal(signal.SIGTERM)
        recorder.release.set()
        stdout, stderr = worker.communicate(timeout=120)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, stderr
    assert stdout.splitlines()[-1] == "Outbox worker stopped."
    assert [message["Subject"] for message in recorder.messages] == ["Hello 1"]
    assert list(OutboxMessage.objects.order_by("pk").values_list("status", flat=True)) == [
        OutboxStatus.SENT,
        OutboxStatus.QUEUED,
        OutboxStatus.QUEUED,
    ]
