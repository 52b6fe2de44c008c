"""Per page and per language: is the translation missing, a draft, out of date or up to date?

One query over the page tree; a translation counts as out of date when its
source was published after the translation was last published.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

MISSING = "missing"
DRAFT = "draft"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
ORIGINAL = "original"

STATUS_LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
    # Translators: in the translation overview, the language the page was written in.
    ORIGINAL: _("Original"),
}


@dataclass
class OverviewRow:
    page_id: int
    title: str
    type_name: str
    language: str
    statuses: dict = field(default_factory=dict)

    def __getattr__(self, name):
        # Columns and exports read one language's status as `status_<code>`.
        if name.startswith("status_") and name[len("status_") :] in self.__dict__.get("statuses", {}):
            return STATUS_LABELS[self.statuses[name[len("status_") :]]]
        raise AttributeError(name)


def _status(version, source):
    if version is None or version["alias_of_id"] is not None:
        return MISSING
    if not version["live"]:
        return DRAFT
    if (source["last_published_at"] and version["last_published_at"]) and (
        source["last_published_at"] > version["last_published_at"]
    ):
        return OUT_OF_DATE
    return UP_TO_DATE


def translation_overview(*, status=None, language=None):
    """One row per original page (the first version created), ordered by tree position.

    `status` and `language` keep the rows where that language (or any, without
    `language`) has that status.
    """
    versions = {}
    for version in Page.objects.filter(depth__gt=1).values(
        "pk",
        "title",
        "path",
        "translation_key",
        "locale__language_code",
        "live",
        "alias_of_id",
        "last_published_at",
        "content_type_id",
    ):
        versions.setdefault(version["translation_key"], []).append(version)
    codes = [code for code, _name in settings.LANGUAGES]
    rows = []
    for group in versions.values():
        source = min(group, key=lambda version: version["pk"])
        by_language = {version["locale__language_code"]: version for version in group}
        statuses = {
            code: ORIGINAL if code == source["locale__language_code"] else _status(by_language.get(code), source)
            for code in codes
        }
        if status and not any(value == status for code, value in statuses.items() if language in (None, "", code)):
            continue
        model = ContentType.objects.get_for_id(source["content_type_id"]).model_class()
        rows.append(
            (
                source["path"],
                OverviewRow(
                    page_id=source["pk"],
                    title=source["title"],
                    type_name=str(model._meta.verbose_name) if model else "",
                    language=source["locale__language_code"],
                    statuses=statuses,
                ),
            )
        )
    return [row for _path, row in sorted(rows, key=lambda pair: pair[0])]
