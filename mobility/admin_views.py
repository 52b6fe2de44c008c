"""Wagtail admin views for benchmark analysts: import (upload, progress and preview,
confirm), labels expiring soon, direct assignment of cluster managers and
clusters' written consent to peer matching."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from mobility.forms import AssignManagerForm, ImportConfirmForm, ImportUploadForm, WrittenConsentForm
from mobility.importing import (
    ImportNotReady,
    ImportSummary,
    Issue,
    cancel_import,
    confirm_import,
    import_job_for,
    start_import,
)
from mobility.importing.jobs import MAX_AGE
from mobility.models import ImportJob, ImportStatus
from mobility.queries import labels_expiring, matching_consents
from mobility.rules import is_analyst
from mobility.services import assign_manager, set_matching_consent

# The confirmation form names its job with a token that is signed, bound to the
# analyst and expires with the preview.
TOKEN_SALT = "mobility.import"
# Seconds between two looks of the progress page at a running import.
REFRESH_SECONDS = 2


def _require_analyst(request):
    if not is_analyst(request.user):
        raise PermissionDenied


def _render(request, template, context):
    return TemplateResponse(request, f"mobility/admin/{template}", context)


def _import_context(**context):
    return {"page_title": _("Import benchmark results"), "header_icon": "upload", **context}


def _token(request, job):
    return signing.dumps({"job": job.pk, "user": request.user.pk}, salt=TOKEN_SALT)


def _job_of_token(request, token):
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=MAX_AGE)
        if data.get("user") != request.user.pk:
            return None
        return import_job_for(pk=data.get("job"), user=request.user)
    except (signing.BadSignature, ImportJob.DoesNotExist, TypeError, ValueError):
        return None


def import_upload(request):
    """Step 1: upload; the file is checked in the background and the progress page follows it."""
    _require_analyst(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _render(request, "import.html", _import_context(form=form))
    job = start_import(upload=form.cleaned_data["file"], by=request.user)
    return redirect("mobility_import_job", job.pk)


def import_job(request, job_id):
    """Step 2 and 4: the progress of an import, then its errors, its preview or its result."""
    _require_analyst(request)
    try:
        job = import_job_for(pk=job_id, user=request.user)
    except ImportJob.DoesNotExist:
        raise Http404 from None
    context = _import_context(
        job=job,
        refresh=REFRESH_SECONDS if job.is_running else None,
        errors=[Issue.from_json(error) for error in job.errors],
        hidden_errors=max(0, job.error_count - len(job.errors)),
        warnings=[Issue.from_json(warning) for warning in job.warnings],
    )
    if job.status == ImportStatus.READY:
        context["summary"] = ImportSummary.from_json(job.preview)
        context["confirm_form"] = ImportConfirmForm(initial={"token": _token(request, job)})
    elif job.status == ImportStatus.DONE:
        context["summary"] = ImportSummary.from_json(job.result)
    return _render(request, "import_job.html", context)


def import_confirm(request):
    """Step 3: confirm (or cancel) a preview; the import itself runs, and is checked again, in the background."""
    _require_analyst(request)
    if request.method != "POST":
        return redirect("mobility_import")
    form = ImportConfirmForm(request.POST)
    job = _job_of_token(request, form.data.get("token", "")) if form.is_valid() else None
    try:
        if job is None:
            raise ImportNotReady
        if "cancel" in request.POST:
            cancel_import(job=job, by=request.user)
            messages.info(request, _("The import was cancelled; nothing was written."))
            return redirect("mobility_import")
        confirm_import(job=job, by=request.user)
    except ImportNotReady:
        messages.error(request, _("The uploaded file has expired or is unknown. Upload it again."))
        return redirect("mobility_import")
    return redirect("mobility_import_job", job.pk)


def expiring_labels(request):
    _require_analyst(request)
    return _render(
        request,
        "expiring_labels.html",
        {"page_title": _("Labels expiring within six months"), "header_icon": "date", "labels": labels_expiring()},
    )


def assign_manager_view(request):
    _require_analyst(request)
    form = AssignManagerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership = assign_manager(cluster=form.cleaned_data["cluster"], user=form.user, by=request.user)
        messages.success(
            request,
            _("%(user)s is now a manager of %(cluster)s.")
            % {"user": membership.user.email, "cluster": membership.cluster.name},
        )
        return redirect(reverse("mobility_assign_manager"))
    return _render(
        request,
        "assign_manager.html",
        {"page_title": _("Assign a cluster manager"), "header_icon": "user", "form": form},
    )


def matching_consent_view(request):
    """Record a cluster's written consent to be matched (or its withdrawal); list the consents in force."""
    _require_analyst(request)
    form = WrittenConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cluster = form.cleaned_data["cluster"]
        consent = form.cleaned_data["consent"]
        set_matching_consent(
            cluster=cluster, by=request.user, consent=consent, written=consent, note=form.cleaned_data["note"]
        )
        if consent:
            messages.success(request, _("%(cluster)s is now offered as a peer.") % {"cluster": cluster.name})
        else:
            messages.success(request, _("%(cluster)s is no longer offered as a peer.") % {"cluster": cluster.name})
        return redirect(reverse("mobility_matching_consent"))
    return _render(
        request,
        "matching_consent.html",
        {
            "page_title": _("Consent to peer matching"),
            "header_icon": "tick",
            "form": form,
            "consents": matching_consents(),
        },
    )
