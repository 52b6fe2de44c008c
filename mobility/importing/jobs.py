"""Benchmark imports in the background (django-tasks), with their progress in the database.

An analyst's upload becomes an `ImportJob`. `check_import` reads and checks
the file and stores the preview (or the errors); the analyst confirms, and
`run_import` checks the file again and writes it in one transaction with the
job's result and the e-mail that reports it. Each task is enqueued in the
same transaction as the job's change, so the database backend never loses
one; the in-process backend (development, tests) runs it there and then.
The progress page reads the job; the uploaded file is deleted when the job
ends.
"""

import contextlib
import datetime
import logging
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from mobility.importing.planning import ImportPlan, ImportSummary, plan_import
from mobility.importing.validation import Issue, Validation, validate_benchmark_file
from mobility.importing.writing import ImportOutcome, apply_plan
from mobility.models import ImportJob, ImportStatus
from portal.core.emails import send_templated_email
from portal.core.locking import lock_one
from portal.core.urls import absolute_url

logger = logging.getLogger(__name__)

# Uploaded files wait in the default storage (shared by every web process, S3
# in production) under an unguessable name.
UPLOAD_DIR = "benchmark-imports"
# A preview nobody confirmed within this time is forgotten, with its file.
MAX_AGE = datetime.timedelta(hours=6)
# Errors kept with a job (and shown); the job counts all of them.
MAX_ERRORS_KEPT = 500


class ImportNotReady(Exception):
    """The job is not waiting for confirmation (already confirmed, cancelled or finished)."""


def import_job_for(*, pk, user):
    """The import job `pk` if `user` uploaded it; raises ImportJob.DoesNotExist otherwise."""
    return ImportJob.objects.get(pk=pk, created_by=user)


def start_import(*, upload, by):
    """Store an uploaded benchmark file and check it in the background; returns the ImportJob.

    Side effects: deletes stored uploads older than MAX_AGE; saves the file in
    the default storage; creates the job (status checking, in the active
    language) and enqueues `check_import` in the same transaction.
    """
    _forget_stale_uploads()
    suffix = ".xlsx" if PurePath(upload.name).suffix.lower() in {".xlsx", ".xlsm"} else ".csv"
    stored = default_storage.save(f"{UPLOAD_DIR}/{secrets.token_urlsafe(24)}{suffix}", ContentFile(upload.read()))
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=by,
            filename=PurePath(upload.name).name[:255],
            stored_file=stored,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        check_import.enqueue(job_id=job.pk)
    job.refresh_from_db()
    return job


def _forget_stale_uploads():
    """Remove stored uploads older than MAX_AGE (previews nobody confirmed)."""
    limit = timezone.now() - MAX_AGE
    try:
        _folders, names = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    for name in names:
        path = f"{UPLOAD_DIR}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)


def confirm_import(*, job, by):
    """Import a previewed file in the background; raises ImportNotReady unless the job awaits confirmation.

    Side effects: the job's status becomes importing and `run_import` is
    enqueued in the same transaction.
    """
    with transaction.atomic():
        job = lock_one(ImportJob.objects.all(), pk=job.pk, created_by=by)
        if job.status != ImportStatus.READY or job.created_at < timezone.now() - MAX_AGE:
            raise ImportNotReady
        job.status, job.rows_done = ImportStatus.IMPORTING, 0
        job.save(update_fields=["status", "rows_done", "updated_at"])
        run_import.enqueue(job_id=job.pk)
    job.refresh_from_db()
    return job


def cancel_import(*, job, by):
    """Drop a previewed file without importing it; raises ImportNotReady unless the job awaits confirmation.

    Side effects: the job's status becomes cancelled; the stored file is deleted.
    """
    with transaction.atomic():
        job = lock_one(ImportJob.objects.all(), pk=job.pk, created_by=by)
        if job.status != ImportStatus.READY:
            raise ImportNotReady
        job.status, job.finished_at = ImportStatus.CANCELLED, timezone.now()
        job.save(update_fields=["status", "finished_at", "updated_at"])
    default_storage.delete(job.stored_file)
    return job


@task()
def check_import(*, job_id):
    """Check an uploaded file and store the preview, or the errors (the job then ends, and is mailed)."""
    job = _job_in(ImportStatus.CHECKING, pk=job_id)
    if job is None:
        return
    with translation.override(job.language), _failing_on_crash(job):
        validation = _validation(job)
        if not validation.is_valid:
            outcome = ImportOutcome(errors=validation.errors)
            _end(job, lambda: outcome, rows=validation.rows, warnings=validation.warnings)
            return
        summary = plan_import(validation).summary
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.CHECKING).update(
            status=ImportStatus.READY,
            rows_done=validation.rows,
            rows_total=validation.rows,
            preview=summary.to_json(),
            warnings=[warning.to_json() for warning in validation.warnings],
            updated_at=timezone.now(),
        )


@task()
def run_import(*, job_id):
    """Check a confirmed file again and write it, or record why not; mail the analyst the outcome."""
    job = _job_in(ImportStatus.IMPORTING, pk=job_id)
    if job is None:
        return
    with translation.override(job.language), _failing_on_crash(job):
        validation = _validation(job)
        if validation.is_valid:
            plan = ImportPlan(validation=validation, summary=ImportSummary.from_json(job.preview))
            _end(job, lambda: apply_plan(plan), rows=validation.rows)
        else:
            _end(job, lambda: ImportOutcome(errors=validation.errors), rows=validation.rows)


def _job_in(status, *, pk):
    """The job if it is (still) in `status`: a task delivered twice, or late, does nothing."""
    return ImportJob.objects.filter(pk=pk, status=status).first()


def _validation(job):
    def progress(rows):
        ImportJob.objects.filter(pk=job.pk).update(rows_done=rows, updated_at=timezone.now())

    if not default_storage.exists(job.stored_file):
        return Validation(errors=[Issue(None, "", _("The uploaded file has expired or is unknown. Upload it again."))])
    with default_storage.open(job.stored_file, "rb") as handle:
        return validate_benchmark_file(handle, filename=job.filename, progress=progress)


@contextlib.contextmanager
def _failing_on_crash(job):
    """An unexpected error ends the job as failed, with a message saying so, instead of leaving it running."""
    try:
        yield
    except Exception:
        logger.exception("Benchmark import %s stopped", job.pk)
        crash = _(
            "The import stopped because of an unexpected error; nothing was written. "
            "Try again later, or tell the administrators if it happens again."
        )
        _end(job, lambda: ImportOutcome(errors=[Issue(None, "", crash)]), rows=job.rows_done)
        raise


def _end(job, outcome_now, *, rows, warnings=()):
    """End a running job with the ImportOutcome `outcome_now()` gives, and mail it, in one transaction.

    `outcome_now` runs with the job locked, so the import it may write, the
    job's result and the e-mail commit (or roll back) together.
    """
    with transaction.atomic():
        job = lock_one(ImportJob.objects.select_related("created_by"), pk=job.pk)
        if not job.is_running:
            return
        outcome = outcome_now()
        job.status = ImportStatus.DONE if outcome.succeeded else ImportStatus.FAILED
        job.rows_done = rows
        job.result = outcome.summary.to_json() if outcome.succeeded else {}
        job.errors = [error.to_json() for error in outcome.errors[:MAX_ERRORS_KEPT]]
        job.error_count = len(outcome.errors)
        if warnings:
            job.warnings = [warning.to_json() for warning in warnings]
        job.finished_at = timezone.now()
        job.save()
        send_templated_email(
            to_user=job.created_by,
            template="mobility/email/import_finished",
            context={
                "job": job,
                "summary": outcome.summary,
                "link": absolute_url(reverse("mobility_import_job", args=[job.pk])),
            },
        )
    default_storage.delete(job.stored_file)
