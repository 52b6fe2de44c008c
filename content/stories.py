"""Best-practice stories started from study-visit reports (DESIGN.md 4.4).

An editor picks a report a visitor shared with its host and gets an
unpublished draft under the English best-practice section, prefilled from the
report. Who may is Wagtail's to say: whoever may add a page under that section.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext_lazy as _

from content.models import BestPracticeIndexPage, BestPracticePage


def story_slug(report):
    return f"study-visit-report-{report.pk}"


def best_practice_index():
    """The best-practice section in the default language (English), or None."""
    return BestPracticeIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path").first()


def may_start_stories(user):
    """Whether `user` may add a page to the English best-practice section (Wagtail page permissions)."""
    index = best_practice_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def start_story_from_report(*, report, by):
    """Start a best-practice story (an unpublished draft) from a report shared with the host.

    The draft goes under the English best-practice index and tells the host's
    practice, prefilled from the report (the report's booking, both clusters and
    focus indicators loaded, as `mobility.visits.queries.shared_report` does).
    Starting twice returns the first draft. Side effects: a page and its first revision.
    """
    if not may_start_stories(by):
        raise PermissionDenied(_("Only editors may start best-practice stories."))
    if not report.shared_with_host:
        raise ValidationError(_("Only reports shared with the host can become stories."))
    index = best_practice_index()
    booking = report.booking
    host, offer = booking.offer.cluster, booking.offer
    actions = list(report.actions.all())
    focus_indicators = list(booking.focus_indicators.all())
    topics = list({action.indicator_id: action.indicator for action in actions}.values())
    topics += [indicator for indicator in focus_indicators if indicator not in topics]
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        existing = BestPracticePage.objects.filter(slug=story_slug(report)).first()
        if existing is not None:
            return existing
        focus = ", ".join(str(indicator.name) for indicator in focus_indicators)
        page = BestPracticePage(
            title=str(
                _("What %(visitor)s learned from %(host)s") % {"visitor": booking.cluster.name, "host": host.name}
            ),
            slug=story_slug(report),
            live=False,
            cluster_name=host.name,
            cluster=host,
            country=host.country,
            sector=str(host.sector or ""),
            date=offer.ends_on,
            summary=report.learned[:500],
            challenge=linebreaks(
                escape(
                    _("%(visitor)s came to learn about: %(focus)s.") % {"visitor": booking.cluster.name, "focus": focus}
                )
            ),
            approach=linebreaks(escape(report.learned)),
            results="<ul>"
            + "".join(f"<li>{escape(action.indicator.name)}: {escape(action.description)}</li>" for action in actions)
            + "</ul>",
            topics=topics,
        )
        index.add_child(instance=page)
        page.save_revision(user=by, log_action=True)
    return page
