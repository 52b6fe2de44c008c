from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.images.fields import WagtailImageField

from mobility.importing import max_bytes
from mobility.models import Cluster, LabelLevel


class DirectoryFilterForm(forms.Form):
    """Search and filters of the public cluster directory; invalid values are simply ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    label = forms.ChoiceField(label=_("Label"), required=False, choices=[("", _("Any label")), *LabelLevel.choices])
    valid = forms.BooleanField(label=_("Only clusters with a valid label"), required=False)

    def __init__(self, *args, country_codes=(), sectors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (code, countries.name(code)) for code in country_codes
        ]
        self.fields["sector"].choices = [("", _("All sectors"))] + [(sector, sector) for sector in sectors]

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data["q"].strip(),
            "country": data["country"],
            "sector": data["sector"],
            "label": data["label"],
            "valid_only": data["valid"],
        }


class MembershipRequestForm(forms.Form):
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.filter(is_public=True).order_by("name", "code"),
        empty_label=_("Choose the cluster you manage"),
    )
    message = forms.CharField(
        label=_("Message to the cluster's managers"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: say who you are and what your role in the cluster is."),
    )


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Benchmark file"),
        help_text=_(
            "CSV (UTF-8, comma or semicolon) or XLSX (first sheet), one line per cluster and indicator. "
            "Nothing is written before you confirm the preview."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB. Split it into smaller files and import them one by one."),
                params={"limit": round(max_bytes() / (1024 * 1024), 1)},
            )
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


class AssignManagerForm(forms.Form):
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.order_by("name", "code"))
    email = forms.EmailField(label=_("E-mail address of the manager"))

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No active account uses this e-mail address. Ask the person to sign up first.")
            )
        self.user = user
        return email


class MatchingConsentForm(forms.Form):
    """A manager gives or withdraws the cluster's consent to be matched as a host."""

    consent = forms.TypedChoiceField(
        choices=[("1", _("Agree to be matched")), ("0", _("Withdraw the consent"))],
        coerce=lambda value: value == "1",
    )


class WrittenConsentForm(forms.Form):
    """An analyst records a cluster's written consent to be matched, or its withdrawal."""

    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.order_by("code"))
    consent = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("The cluster agreed in writing to be matched")), ("0", _("The cluster withdrew its consent"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Reference"),
        required=False,
        max_length=200,
        help_text=_("Where the written consent is kept, e.g. a letter's date or file number."),
    )


class ClusterLogoForm(forms.Form):
    """A manager's upload of the cluster's logo (checked as an image: format, size and dimensions)."""

    # Wagtail's own help text names the accepted formats and the size limit.
    logo = WagtailImageField(label=_("Logo"))
