"""Writing a benchmark import: a confirmed plan in one transaction, or an error report.

The preview may be minutes old when the analyst confirms it. `apply_plan`
therefore locks the file's clusters, checks the file again against the
database as it is inside that transaction, and writes only if the changes are
still the ones the analyst was shown. Writes are bulk
writes, so the number of queries does not grow with the number of lines.
Applying the same file twice changes nothing.
"""

import dataclasses
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mobility.importing.planning import changes_for, cluster_values, plan_import
from mobility.importing.validation import Issue, known_now, recheck, validate_benchmark_file
from mobility.models import BenchmarkEdition, BenchmarkResult, Cluster, Indicator, Label, Score
from mobility.network_cache import invalidate_network
from portal.core.locking import lock

BATCH_SIZE = 2000


@dataclass(frozen=True)
class ImportOutcome:
    """What confirming a plan did: the summary of what was written, or the errors and nothing written."""

    errors: list = field(default_factory=list)
    summary: object = None

    @property
    def succeeded(self):
        return not self.errors


def changed_since_preview():
    return Issue(
        None,
        "",
        _(
            "The data changed after the preview (another import or an edit in the admin), so importing the file "
            "now would make other changes than the ones you confirmed. Nothing was written. "
            "Upload the file again to see a new preview."
        ),
    )


def apply_plan(plan):
    """Write a previewed ImportPlan in one transaction and return the ImportOutcome.

    Inside the transaction the file's existing clusters are locked (so two
    imports of one cluster write one after the other) and the file is checked
    again: an indicator removed, a cluster registered in another country, or
    changes other than the preview's make an outcome with errors, and nothing
    is written. The indicator set is not locked, which would hold up every
    offer, report and material that names an indicator; one removed after
    the check fails the write, and gives the same error report.

    Side effects: creates editions, clusters, results, scores and labels and
    updates the ones the file changes; nothing is deleted. Drops the shared
    matching network and the public pages built from it.
    """
    try:
        with transaction.atomic():
            list(lock(Cluster.objects.filter(code__in=list(plan.validation.clusters))))
            errors = recheck(plan.validation, known_now())
            if errors:
                return ImportOutcome(errors=errors)
            changes = changes_for(plan.validation)
            if changes.summary != plan.summary:
                return ImportOutcome(errors=[changed_since_preview()])
            _write(changes)
            # Bulk writes send no signals, so the shared network and pages are dropped here.
            invalidate_network()
            return ImportOutcome(summary=changes.summary)
    except IntegrityError:
        # Written meanwhile by someone not holding the cluster locks: a cluster created (in the admin or by
        # another import), an indicator deleted. The unique and foreign keys stop the write; it all rolls back.
        return ImportOutcome(errors=[changed_since_preview()])


def import_benchmark_file(source, *, filename="", dry_run=False):
    """Validate, then (unless dry_run or invalid) write. Returns (validation, summary or None).

    Side effects: those of `apply_plan`, unless dry_run.
    """
    validation = validate_benchmark_file(source, filename=filename)
    if not validation.is_valid:
        return validation, None
    plan = plan_import(validation)
    if dry_run:
        return validation, plan.summary
    outcome = apply_plan(plan)
    if not outcome.succeeded:
        return dataclasses.replace(validation, errors=outcome.errors, clusters={}, results={}), None
    return validation, outcome.summary


def _write(changes):
    if changes.new_editions:
        created = [BenchmarkEdition(name=name, date=date) for name, date in changes.new_editions.items()]
        for edition in created:
            edition.full_clean()
        BenchmarkEdition.objects.bulk_create(created)
    Cluster.objects.bulk_create(
        [
            Cluster(code=code, country=row.country, languages=[], **cluster_values(row))
            for code, row in changes.new_clusters.items()
        ],
        batch_size=BATCH_SIZE,
    )
    _update_clusters(changes.changed_clusters)

    codes = {code for code, _edition, _date in changes.new_results} | {label[0] for label in changes.new_labels}
    cluster_ids = dict(Cluster.objects.filter(code__in=codes).values_list("code", "id"))
    editions = {edition for _code, edition, _date in changes.new_results}
    edition_ids = dict(BenchmarkEdition.objects.filter(name__in=editions).values_list("name", "id"))
    BenchmarkResult.objects.bulk_create(
        [
            BenchmarkResult(cluster_id=cluster_ids[code], edition_id=edition_ids[edition], benchmarked_on=date)
            for code, edition, date in changes.new_results
        ],
        batch_size=BATCH_SIZE,
    )
    BenchmarkResult.objects.bulk_update(
        [BenchmarkResult(pk=pk, benchmarked_on=date) for pk, date in changes.changed_results],
        ["benchmarked_on"],
        batch_size=BATCH_SIZE,
    )

    _create_scores(changes.new_scores)
    Score.objects.bulk_update(
        [Score(pk=pk, rating=rating, value=value) for pk, rating, value in changes.changed_scores],
        ["rating", "value"],
        batch_size=BATCH_SIZE,
    )

    Label.objects.bulk_create(
        [
            Label(cluster_id=cluster_ids[code], level=level, awarded_on=awarded_on, valid_until=valid_until)
            for code, level, awarded_on, valid_until in changes.new_labels
        ],
        batch_size=BATCH_SIZE,
    )
    Label.objects.bulk_update(
        [Label(pk=pk, valid_until=valid_until) for pk, valid_until in changes.changed_labels],
        ["valid_until"],
        batch_size=BATCH_SIZE,
    )


def _update_clusters(changed):
    if not changed:
        return
    updates = {pk: values for pk, _code, values in changed}
    fields = sorted({field_name for values in updates.values() for field_name, _old, _new in values})
    clusters = list(Cluster.objects.filter(pk__in=list(updates)))
    for cluster in clusters:
        for field_name, _old, new in updates[cluster.pk]:
            setattr(cluster, field_name, new)
    Cluster.objects.bulk_update(clusters, fields, batch_size=BATCH_SIZE)


def _create_scores(new_scores):
    if not new_scores:
        return
    keys = {(code, edition) for code, edition, *_score in new_scores}
    result_ids = {
        (code, edition): pk
        for code, edition, pk in BenchmarkResult.objects.filter(
            cluster__code__in={code for code, _edition in keys}, edition__name__in={edition for _code, edition in keys}
        ).values_list("cluster__code", "edition__name", "id")
    }
    indicator_ids = {code.upper(): pk for code, pk in Indicator.objects.values_list("code", "id")}
    # Built and written a batch at a time, so a large file never holds all its Score objects at once.
    for start in range(0, len(new_scores), BATCH_SIZE):
        Score.objects.bulk_create(
            [
                Score(
                    result_id=result_ids[(code, edition)],
                    indicator_id=indicator_ids[indicator],
                    rating=rating,
                    value=value,
                )
                for code, edition, indicator, rating, value in new_scores[start : start + BATCH_SIZE]
            ]
        )
