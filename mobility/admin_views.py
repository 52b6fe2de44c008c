"""Wagtail admin views for benchmark analysts: import (upload, preview, confirm),
labels expiring soon, direct assignment of cluster managers and clusters'
written consent to peer matching."""

import datetime
import secrets
from pathlib import PurePath

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mobility.forms import AssignManagerForm, ImportConfirmForm, ImportUploadForm, WrittenConsentForm
from mobility.importing import ImportPlan, ImportSummary, apply_plan, plan_import, validate_benchmark_file
from mobility.queries import labels_expiring, matching_consents
from mobility.rules import is_analyst
from mobility.services import assign_manager, set_matching_consent

# Uploaded files wait for confirmation in the default storage (shared by every
# web process, S3 in production) under an unguessable name; the token that names
# them is signed and bound to the user, and expires.
UPLOAD_DIR = "benchmark-imports"
TOKEN_SALT = "mobility.import"
TOKEN_MAX_AGE = 6 * 60 * 60
MAX_ERRORS_SHOWN = 500


def _require_analyst(request):
    if not is_analyst(request.user):
        raise PermissionDenied


def _render(request, template, context):
    return TemplateResponse(request, f"mobility/admin/{template}", context)


def _import_context(**context):
    return {"page_title": _("Import benchmark results"), "header_icon": "upload", **context}


def _forget_stale_uploads():
    """Remove uploads whose confirmation token has expired (previews nobody confirmed)."""
    limit = timezone.now() - datetime.timedelta(seconds=TOKEN_MAX_AGE)
    try:
        _folders, names = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    for name in names:
        path = f"{UPLOAD_DIR}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)


def _store_upload(upload):
    _forget_stale_uploads()
    suffix = ".xlsx" if PurePath(upload.name).suffix.lower() in {".xlsx", ".xlsm"} else ".csv"
    name = default_storage.save(f"{UPLOAD_DIR}/{secrets.token_urlsafe(24)}{suffix}", ContentFile(upload.read()))
    return name


def _token(request, stored, filename, summary):
    return signing.dumps(
        {"file": stored, "name": filename, "user": request.user.pk, "summary": summary.to_json()},
        salt=TOKEN_SALT,
        compress=True,
    )


def _unsign(request, token):
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("user") != request.user.pk or not str(data.get("file", "")).startswith(f"{UPLOAD_DIR}/"):
        return None
    if not default_storage.exists(data["file"]):
        return None
    return data


def import_upload(request):
    """Step 1 and 2: upload, then validate and show the errors or the preview."""
    _require_analyst(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _render(request, "import.html", _import_context(form=form))
    upload = form.cleaned_data["file"]
    plan = validate_benchmark_file(upload.file, filename=upload.name)
    if not plan.is_valid:
        return _render(
            request,
            "import.html",
            _import_context(
                form=ImportUploadForm(),
                plan=plan,
                filename=upload.name,
                errors=plan.errors[:MAX_ERRORS_SHOWN],
                hidden_errors=max(0, len(plan.errors) - MAX_ERRORS_SHOWN),
            ),
        )
    preview = plan_import(plan)
    upload.seek(0)
    stored = _store_upload(upload)
    return _render(
        request,
        "import_preview.html",
        _import_context(
            plan=plan,
            filename=upload.name,
            summary=preview.summary,
            confirm_form=ImportConfirmForm(initial={"token": _token(request, stored, upload.name, preview.summary)}),
        ),
    )


def import_confirm(request):
    """Step 3: write the stored file (validated again: the data may have changed meanwhile)."""
    _require_analyst(request)
    if request.method != "POST":
        return redirect("mobility_import")
    form = ImportConfirmForm(request.POST)
    data = _unsign(request, form.data.get("token", "")) if form.is_valid() else None
    if data is None:
        messages.error(request, _("The uploaded file has expired or is unknown. Upload it again."))
        return redirect("mobility_import")
    if "cancel" in request.POST:
        default_storage.delete(data["file"])
        messages.info(request, _("The import was cancelled; nothing was written."))
        return redirect("mobility_import")
    with default_storage.open(data["file"], "rb") as handle:
        plan = validate_benchmark_file(handle, filename=data["name"])
    outcome = apply_plan(ImportPlan(validation=plan, summary=ImportSummary.from_json(data["summary"])))
    default_storage.delete(data["file"])
    if not outcome.succeeded:
        return _render(
            request,
            "import.html",
            _import_context(
                form=ImportUploadForm(),
                plan=plan,
                filename=data["name"],
                errors=outcome.errors[:MAX_ERRORS_SHOWN],
                hidden_errors=max(0, len(outcome.errors) - MAX_ERRORS_SHOWN),
            ),
        )
    summary = outcome.summary
    messages.success(
        request,
        _("%(file)s was imported: %(summary)s")
        % {"file": data["name"], "summary": "; ".join(str(line) for line in summary.lines())},
    )
    return redirect("mobility_import")


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
