"""Background imports: the job's states and progress, its page, and the one e-mail that reports the outcome."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends
from wagtail.users.models import UserProfile

from mobility.importing import import_benchmark_file
from mobility.models import BenchmarkEdition, Cluster, ImportJob, ImportStatus, Score
from tests.mobility import factories
from tests.mobility.importing.files import many_rows, rows_for, to_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def analyst(client):
    user = factories.UserFactory(role="analyst")
    client.force_login(user)
    return user


@pytest.fixture
def queued(settings):
    """Tasks wait in a queue, as with the database backend, until the test runs them like a worker would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]

    def run_next():
        result = backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)
        return result.task.name

    return run_next


def stored_files(media):
    folder = media / "benchmark-imports"
    return sorted(folder.iterdir()) if folder.exists() else []


def upload(client, data, name="results.csv"):
    return client.post(reverse("mobility_import"), {"file": SimpleUploadedFile(name, data)})


def confirm(client, page, **extra):
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    return client.post(reverse("mobility_import_confirm"), {"token": token, **extra})


def page_of(client, job):
    return client.get(reverse("mobility_import_job", args=[job.pk]))


def test_large_import_runs_as_tasks_and_reports_exact_counts_with_one_email(
    client, analyst, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, to_csv(many_rows(2000)), name="large.csv")
        job = ImportJob.objects.get(created_by=analyst)
        assert response["Location"] == reverse("mobility_import_job", args=[job.pk])
        preview = page_of(client, job)
        assert "large.csv is valid (2000 lines). Nothing has been written yet." in preview.content.decode()
        assert "<li>Clusters created: 56</li>" in preview.content.decode()
        assert not Cluster.objects.filter(code__startswith="BIG-").exists()
        response = confirm(client, preview, confirm="")
    assert response["Location"] == reverse("mobility_import_job", args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.rows_total, job.error_count) == (ImportStatus.DONE, 2000, 2000, 0)
    html = page_of(client, job).content.decode()
    assert "large.csv was imported (2000 lines)." in html
    assert re.search(r'<ul id="import-result">(.*?)</ul>', html).group(1) == (
        "<li>Clusters created: 56</li><li>Clusters updated: 0</li><li>Editions created: 1</li>"
        "<li>Results created: 56, updated: 0</li><li>Scores created: 2000, updated: 0, unchanged: 0</li>"
        "<li>Labels created: 0, updated: 0</li>"
    )
    assert 'http-equiv="refresh"' not in html
    assert Score.objects.filter(result__cluster__code__startswith="BIG-").count() == 2000
    assert [message.to for message in mail.outbox] == [[analyst.email]]
    assert mail.outbox[0].subject == "large.csv was imported"
    assert "Scores created: 2000, updated: 0, unchanged: 0" in mail.outbox[0].body
    assert f"/admin/benchmark-import/{job.pk}/" in mail.outbox[0].body
    assert stored_files(media) == []


def test_failing_import_shows_its_errors_writes_nothing_and_mails_them_once(
    client, analyst, media, django_capture_on_commit_callbacks
):
    rows = rows_for()
    rows[0]["rating"] = "purple"
    rows[3]["indicator"] = "NOPE"
    with django_capture_on_commit_callbacks(execute=True):
        job_page = client.get(upload(client, to_csv(rows), name="bad.csv")["Location"])
    html = job_page.content.decode()
    assert "bad.csv has 2 errors. Nothing was imported." in html
    assert "<td>2</td><td>rating</td>" in html
    assert "<td>5</td><td>indicator</td>" in html
    job = ImportJob.objects.get(created_by=analyst)
    assert (job.status, job.error_count) == (ImportStatus.FAILED, 2)
    assert not Cluster.objects.filter(code="TST-001").exists()
    assert not BenchmarkEdition.objects.filter(name="T2020").exists()
    assert stored_files(media) == []
    assert [message.subject for message in mail.outbox] == ["bad.csv was not imported"]
    assert "bad.csv was not imported because of 2 errors. Nothing was written." in mail.outbox[0].body
    assert f"/admin/benchmark-import/{job.pk}/" in mail.outbox[0].body


def test_change_between_preview_and_confirm_fails_the_job_and_writes_nothing(
    client, analyst, django_capture_on_commit_callbacks
):
    preview = client.get(upload(client, to_csv(rows_for()))["Location"])
    # Another import creates the cluster the preview was going to create.
    import_benchmark_file(to_csv(rows_for(edition="T2019", day="2019-05-04")))
    with django_capture_on_commit_callbacks(execute=True):
        job_page = client.get(confirm(client, preview, confirm="")["Location"])
    html = job_page.content.decode()
    assert "results.csv has 1 error. Nothing was imported." in html
    assert "The data changed after the preview" in html
    assert ImportJob.objects.get(created_by=analyst).status == ImportStatus.FAILED
    assert not BenchmarkEdition.objects.filter(name="T2020").exists()
    assert Score.objects.filter(result__cluster__code="TST-001").count() == 36
    assert [message.subject for message in mail.outbox] == ["results.csv was not imported"]


def test_job_states_and_progress_page_while_queued(client, analyst, queued):
    job_page = client.get(upload(client, to_csv(many_rows(40)))["Location"])
    job = ImportJob.objects.get(created_by=analyst)
    assert (job.status, job.rows_done, job.rows_total) == (ImportStatus.CHECKING, 0, None)
    html = job_page.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert "0 lines checked so far." in html

    assert queued() == "check_import"
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.rows_total) == (ImportStatus.READY, 40, 40)
    preview = page_of(client, job)
    assert 'http-equiv="refresh"' not in preview.content.decode()

    job_page = client.get(confirm(client, preview, confirm="")["Location"])
    job.refresh_from_db()
    assert (job.status, job.rows_done) == (ImportStatus.IMPORTING, 0)
    assert '<meta http-equiv="refresh" content="2">' in job_page.content.decode()
    assert "0 of 40 lines checked again." in job_page.content.decode()
    assert not Cluster.objects.filter(code="BIG-000").exists()

    assert queued() == "run_import"
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.result["scores_created"]) == (ImportStatus.DONE, 40, 40)
    assert job.finished_at is not None


def test_confirming_twice_imports_once(client, analyst, queued):
    preview = client.get(upload(client, to_csv(rows_for()))["Location"])
    queued()
    preview = page_of(client, ImportJob.objects.get(created_by=analyst))
    confirm(client, preview, confirm="")
    second = client.get(confirm(client, preview, confirm="")["Location"])
    assert "has expired or is unknown" in second.content.decode()
    assert queued() == "run_import"
    assert task_backends["default"].results == []
    assert ImportJob.objects.get(created_by=analyst).status == ImportStatus.DONE


def test_cancel_ends_the_job_without_writing_or_mailing(client, analyst, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        preview = client.get(upload(client, to_csv(rows_for()))["Location"])
        response = confirm(client, preview, cancel="")
    assert response["Location"] == reverse("mobility_import")
    assert ImportJob.objects.get(created_by=analyst).status == ImportStatus.CANCELLED
    assert confirm(client, preview, confirm="")["Location"] == reverse("mobility_import")
    assert not Cluster.objects.filter(code="TST-001").exists()
    assert stored_files(media) == []
    assert mail.outbox == []


def test_job_page_only_for_the_analyst_who_uploaded(client, analyst):
    job_url = upload(client, to_csv(rows_for()))["Location"]
    client.force_login(factories.UserFactory(role="analyst"))
    assert client.get(job_url, follow=True).status_code == 404
    client.force_login(factories.UserFactory(role="trainer"))
    assert client.get(job_url)["Location"] == "/admin/"


def test_errors_and_email_in_the_analysts_language(client, django_capture_on_commit_callbacks):
    analyst = factories.UserFactory(role="analyst", language="cs")
    UserProfile.objects.update_or_create(user=analyst, defaults={"preferred_language": "cs"})
    client.force_login(analyst)
    rows = rows_for()
    rows[0]["rating"] = "purple"
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, to_csv(rows), name="spatne.csv")
    job = ImportJob.objects.get(created_by=analyst)
    assert job.errors[0]["message"].startswith("„purple“")
    assert "Řádek" in page_of(client, job).content.decode()
    assert mail.outbox[0].subject == "spatne.csv nebyl importován"


def test_expired_preview_cannot_be_confirmed(client, analyst):
    preview = client.get(upload(client, to_csv(rows_for()))["Location"])
    ImportJob.objects.filter(created_by=analyst).update(created_at=timezone.now() - datetime.timedelta(hours=7))
    response = client.get(confirm(client, preview, confirm="")["Location"])
    assert "has expired or is unknown" in response.content.decode()
    assert ImportJob.objects.get(created_by=analyst).status == ImportStatus.READY
    assert not Cluster.objects.filter(code="TST-001").exists()


def test_unexpected_error_fails_the_job_instead_of_leaving_it_running(
    client, analyst, settings, django_capture_on_commit_callbacks
):
    # A broken setting makes the check itself fail, as a bug would.
    settings.BENCHMARK_IMPORT_MAX_ROWS = None
    with django_capture_on_commit_callbacks(execute=True):
        job_page = client.get(upload(client, to_csv(rows_for()))["Location"])
    job = ImportJob.objects.get(created_by=analyst)
    assert (job.status, job.error_count) == (ImportStatus.FAILED, 1)
    assert "The import stopped because of an unexpected error; nothing was written." in job_page.content.decode()
    assert not Cluster.objects.filter(code="TST-001").exists()
    assert [message.subject for message in mail.outbox] == ["results.csv was not imported"]
