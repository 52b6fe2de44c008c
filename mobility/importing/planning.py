"""Planning a benchmark import: what a valid file would create and change (the preview).

`plan_import` compares a valid file with the database and writes nothing.
The `ImportPlan` it returns is what the analyst sees and confirms: the file's
content and the `ImportSummary` of its changes. `changes_for` lists the
changes themselves; the writer asks for them again inside its transaction.
Every query here reads whole sets at once, so the number of queries does not
grow with the number of lines.
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from mobility.importing.validation import Validation, edition_dates, label_dates
from mobility.models import BenchmarkEdition, BenchmarkResult, Cluster, Indicator, Label, Score


@dataclass
class ImportSummary:
    clusters_created: list = field(default_factory=list)
    # (code, [(field, old, new)])
    clusters_updated: list = field(default_factory=list)
    editions_created: list = field(default_factory=list)
    results_created: int = 0
    results_updated: int = 0
    scores_created: int = 0
    scores_updated: int = 0
    scores_unchanged: int = 0
    labels_created: int = 0
    labels_updated: int = 0

    @property
    def changes_anything(self):
        return bool(
            self.clusters_created
            or self.clusters_updated
            or self.editions_created
            or self.results_created
            or self.results_updated
            or self.scores_created
            or self.scores_updated
            or self.labels_created
            or self.labels_updated
        )

    def lines(self):
        """The summary as translated sentences (for the command, the admin and the e-mail)."""
        return [
            _("Clusters created: %(count)s") % {"count": len(self.clusters_created)},
            _("Clusters updated: %(count)s") % {"count": len(self.clusters_updated)},
            _("Editions created: %(count)s") % {"count": len(self.editions_created)},
            _("Results created: %(created)s, updated: %(updated)s")
            % {"created": self.results_created, "updated": self.results_updated},
            _("Scores created: %(created)s, updated: %(updated)s, unchanged: %(unchanged)s")
            % {"created": self.scores_created, "updated": self.scores_updated, "unchanged": self.scores_unchanged},
            _("Labels created: %(created)s, updated: %(updated)s")
            % {"created": self.labels_created, "updated": self.labels_updated},
        ]

    def to_json(self):
        return asdict(self)

    @classmethod
    def from_json(cls, data):
        """The summary `to_json` stored (JSON turns the tuples of `clusters_updated` into lists)."""
        updated = [(code, [tuple(change) for change in changes]) for code, changes in data.get("clusters_updated", [])]
        return cls(**{**data, "clusters_updated": updated})


@dataclass(frozen=True)
class ImportPlan:
    """A valid file and the changes the analyst was shown for it."""

    validation: Validation
    summary: ImportSummary


@dataclass
class Changes:
    """What writing a valid file does; new rows are named by codes, existing ones by primary key."""

    # edition name -> date
    new_editions: dict = field(default_factory=dict)
    # code -> ClusterRow
    new_clusters: dict = field(default_factory=dict)
    # (pk, code, [(field, old, new)])
    changed_clusters: list = field(default_factory=list)
    # (code, edition name, benchmarked_on)
    new_results: list = field(default_factory=list)
    # (pk, benchmarked_on)
    changed_results: list = field(default_factory=list)
    # (code, edition name, indicator code, rating, value)
    new_scores: list = field(default_factory=list)
    # (pk, rating, value)
    changed_scores: list = field(default_factory=list)
    scores_unchanged: int = 0
    # (code, level, awarded_on, valid_until)
    new_labels: list = field(default_factory=list)
    # (pk, valid_until)
    changed_labels: list = field(default_factory=list)

    @property
    def summary(self):
        return ImportSummary(
            clusters_created=list(self.new_clusters),
            clusters_updated=[(code, changes) for _pk, code, changes in self.changed_clusters],
            editions_created=sorted(self.new_editions),
            results_created=len(self.new_results),
            results_updated=len(self.changed_results),
            scores_created=len(self.new_scores),
            scores_updated=len(self.changed_scores),
            scores_unchanged=self.scores_unchanged,
            labels_created=len(self.new_labels),
            labels_updated=len(self.changed_labels),
        )


def cluster_values(row):
    """The cluster fields a file sets, by field name; an empty value leaves the cluster's as it is.

    The one place that says which columns land in which Cluster fields.
    """
    return {"name": row.name, "sector": row.sector, "region": row.region}


def plan_import(validation):
    """The preview of a valid file: what importing it now would create and change; writes nothing."""
    if not validation.is_valid:
        raise ValueError("A file with errors cannot be imported.")
    return ImportPlan(validation=validation, summary=changes_for(validation).summary)


def changes_for(validation):
    """The Changes importing a valid file makes to the database as it is now."""
    changes = Changes()
    dates = edition_dates(validation.results)
    editions, edition_days = {}, dict(dates)
    for pk, name, day in BenchmarkEdition.objects.filter(name__in=list(dates)).values_list("id", "name", "date"):
        # A label's award date falls back on the date of the edition, which an existing edition already has.
        editions[name], edition_days[name] = pk, day
    changes.new_editions = {name: dates[name] for name in sorted(set(dates) - set(editions))}
    clusters = _plan_clusters(changes, validation)
    results = _plan_results(changes, validation, clusters, editions)
    _plan_scores(changes, validation, results)
    _plan_labels(changes, validation, edition_days)
    return changes


def _plan_clusters(changes, validation):
    """Cluster code -> pk of the clusters that exist; fills in the new and changed ones."""
    existing = {cluster.code: cluster for cluster in Cluster.objects.filter(code__in=list(validation.clusters))}
    for code, row in validation.clusters.items():
        cluster = existing.get(code)
        if cluster is None:
            changes.new_clusters[code] = row
            continue
        changed = [
            (field_name, getattr(cluster, field_name), value)
            for field_name, value in cluster_values(row).items()
            if value and value != getattr(cluster, field_name)
        ]
        if changed:
            changes.changed_clusters.append((cluster.pk, code, changed))
    return {code: cluster.pk for code, cluster in existing.items()}


def _plan_results(changes, validation, clusters, editions):
    """(code, edition name) -> pk of the results that exist; fills in the new and changed ones."""
    current = {
        (cluster_id, edition_id): (pk, benchmarked_on)
        for pk, cluster_id, edition_id, benchmarked_on in BenchmarkResult.objects.filter(
            edition_id__in=list(editions.values()), cluster_id__in=list(clusters.values())
        ).values_list("id", "cluster_id", "edition_id", "benchmarked_on")
    }
    existing = {}
    for (code, edition_name), row in validation.results.items():
        before = current.get((clusters.get(code), editions.get(edition_name)))
        if before is None:
            changes.new_results.append((code, edition_name, row.benchmarked_on))
            continue
        existing[(code, edition_name)] = before[0]
        if row.benchmarked_on and before[1] != row.benchmarked_on:
            changes.changed_results.append((before[0], row.benchmarked_on))
    return existing


def _plan_scores(changes, validation, results):
    indicator_ids = {code.upper(): pk for code, pk in Indicator.objects.values_list("code", "id")}
    current = {
        (result_id, indicator_id): (pk, rating, value)
        for pk, result_id, indicator_id, rating, value in Score.objects.filter(
            result_id__in=list(results.values())
        ).values_list("id", "result_id", "indicator_id", "rating", "value")
    }
    for key, row in validation.results.items():
        result_id = results.get(key)
        for indicator_code, (rating, value, _line) in row.scores.items():
            before = current.get((result_id, indicator_ids[indicator_code])) if result_id else None
            if before is None:
                changes.new_scores.append((*key, indicator_code, rating, value))
            elif before[1:] != (rating, value):
                changes.changed_scores.append((before[0], rating, value))
            else:
                changes.scores_unchanged += 1


def _plan_labels(changes, validation, dates):
    wanted = {}
    for (code, edition_name), row in validation.results.items():
        if row.label:
            awarded_on, valid_until = label_dates(row, dates[edition_name])
            wanted[(code, row.label, awarded_on)] = valid_until
    if not wanted:
        return
    current = {
        (code, level, awarded_on): (pk, valid_until)
        for pk, code, level, awarded_on, valid_until in Label.objects.filter(
            cluster__code__in={key[0] for key in wanted}
        ).values_list("id", "cluster__code", "level", "awarded_on", "valid_until")
    }
    for (code, level, awarded_on), valid_until in wanted.items():
        before = current.get((code, level, awarded_on))
        if before is None:
            changes.new_labels.append((code, level, awarded_on, valid_until))
        elif before[1] != valid_until:
            changes.changed_labels.append((before[0], valid_until))
