"""Benchmark import (DESIGN.md 4.2): CSV or XLSX in the "long" format.

Two passes. `parse_benchmark_file` reads and checks the whole file without
writing anything and returns an `ImportPlan` holding every error and warning
(line as seen in a spreadsheet, header = line 1, and column). `describe_changes`
compares a valid plan with the database (the preview); `apply_plan` writes it in
one transaction with bulk writes, so the number of queries does not grow with
the number of rows. Applying the same file twice changes nothing.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from mobility import vocabulary
from mobility.codes import is_valid_cluster_code
from mobility.models import BenchmarkEdition, BenchmarkResult, Cluster, Indicator, Label, LabelLevel, Rating, Score
from mobility.network_cache import invalidate_network

REQUIRED_COLUMNS = ("cluster_code", "edition", "indicator", "rating")
OPTIONAL_COLUMNS = (
    "cluster_name",
    "country",
    "sector",
    "region",
    "benchmarked_on",
    "value",
    "label",
    "label_valid_until",
)
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

RATINGS = {
    "red": Rating.RED,
    "r": Rating.RED,
    "1": Rating.RED,
    "yellow": Rating.YELLOW,
    "y": Rating.YELLOW,
    "2": Rating.YELLOW,
    "green": Rating.GREEN,
    "g": Rating.GREEN,
    "3": Rating.GREEN,
}
LABEL_LEVELS = {level.value: level for level in LabelLevel}

ZIP_MAGIC = b"PK\x03\x04"
# Password-protected (and legacy .xls) workbooks are OLE compound files, not zips.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BATCH_SIZE = 2000


def max_bytes():
    return getattr(settings, "BENCHMARK_IMPORT_MAX_BYTES", 10 * 1024 * 1024)


def max_rows():
    return getattr(settings, "BENCHMARK_IMPORT_MAX_ROWS", 200_000)


def max_unzipped_bytes():
    return getattr(settings, "BENCHMARK_IMPORT_MAX_UNZIPPED_BYTES", 100 * 1024 * 1024)


def max_zip_entries():
    return getattr(settings, "BENCHMARK_IMPORT_MAX_ZIP_ENTRIES", 1000)


class FileRejected(Exception):
    """The file cannot be read at all; the message says why and what to do."""


@dataclass(frozen=True)
class Issue:
    line: int | None
    column: str
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        if self.column:
            return _("Line %(line)s, column %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ClusterRow:
    line: int
    name: str = ""
    country: str = ""
    sector: str = ""
    region: str = ""
    lines: dict = field(default_factory=dict)


@dataclass
class ResultRow:
    line: int
    benchmarked_on: datetime.date | None = None
    label: str = ""
    label_valid_until: datetime.date | None = None
    lines: dict = field(default_factory=dict)
    # indicator code -> (rating, value, line)
    scores: dict = field(default_factory=dict)


@dataclass
class ImportPlan:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    rows: int = 0
    clusters: dict = field(default_factory=dict)
    # (cluster code, edition name) -> ResultRow
    results: dict = field(default_factory=dict)

    @property
    def is_valid(self):
        return not self.errors

    def error(self, line, column, message):
        self.errors.append(Issue(line, column, message))

    def warn(self, line, column, message):
        self.warnings.append(Issue(line, column, message))


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
        """The summary as translated sentences (for the command and the admin)."""
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


# --- Reading ------------------------------------------------------------------


def _read_limited(source):
    """All bytes of a path, bytes object or file, refusing more than the size limit."""
    limit = max_bytes()
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str) or hasattr(source, "__fspath__"):
        with open(source, "rb") as handle:
            data = handle.read(limit + 1)
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise FileRejected(
            _("The file is larger than %(limit)s MB. Split it into smaller files and import them one by one.")
            % {"limit": round(limit / (1024 * 1024), 1)}
        )
    return data


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRejected(
            _(
                "The file is not UTF-8 encoded (unreadable byte at position %(position)s). "
                'In your spreadsheet choose "Save as" and the format "CSV UTF-8", then upload it again.'
            )
            % {"position": error.start + 1}
        ) from None
    if "\x00" in text:
        raise FileRejected(_("The file contains binary data and is not a CSV file. Upload a CSV or XLSX file."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _check_zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise FileRejected(
            _("The workbook is damaged and cannot be opened. Open it in your spreadsheet, save it again and retry.")
        ) from None
    if len(entries) > max_zip_entries():
        raise FileRejected(
            _("The workbook contains too many parts (%(count)s) to be a benchmark sheet. Save the data as CSV instead.")
            % {"count": len(entries)}
        )
    if sum(entry.file_size for entry in entries) > max_unzipped_bytes():
        raise FileRejected(
            _("The workbook unpacks to more than the allowed size. Split the data or save it as CSV instead.")
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise FileRejected(_("The workbook is password-protected. Remove the password, save it and upload it again."))


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(data):
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise FileRejected(_("Workbooks cannot be read safely on this server. Save the data as CSV instead."))
    _check_zip(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:  # a hostile workbook may fail anywhere; it is reported, never raised
        raise FileRejected(
            _("The workbook is damaged and cannot be opened. Open it in your spreadsheet, save it again and retry.")
        ) from None

    def rows():
        try:
            for row in sheet.iter_rows(values_only=True):
                yield [_cell_text(value) for value in row]
        except Exception:  # see above
            raise FileRejected(
                _("The workbook is damaged and cannot be read to the end. Save it again in your spreadsheet and retry.")
            ) from None
        finally:
            workbook.close()

    return rows()


def _rows(data, filename):
    if not data.strip():
        raise FileRejected(_("The file is empty. Upload a file with a header line and one line per indicator."))
    name = (filename or "").lower()
    if data.startswith(OLE_MAGIC):
        raise FileRejected(
            _(
                "The file is a password-protected workbook or an old Excel (.xls) file. "
                "Remove the password or save it as .xlsx or CSV UTF-8, then upload it again."
            )
        )
    if data.startswith(ZIP_MAGIC):
        return _xlsx_rows(data)
    if name.endswith((".xlsx", ".xlsm")):
        raise FileRejected(
            _(
                "The file is named like an Excel workbook but is not one (perhaps a CSV file renamed to .xlsx). "
                "Give it the right extension or save it as .xlsx again."
            )
        )
    return _csv_rows(data)


# --- Validation ----------------------------------------------------------------


def _parse_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _parse_value(text):
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if "," in cleaned:
        if "." in cleaned:
            return None
        cleaned = cleaned.replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    number = number.quantize(Decimal("0.0001"))
    if abs(number) >= Decimal(10) ** 10:
        return None
    return number


def _country(text):
    code = countries.alpha2(text.strip())
    return code or None


def parse_benchmark_file(source, *, filename=""):
    """Read and validate a whole benchmark file; write nothing.

    `source` is a path, bytes or a binary file object. Returns an ImportPlan;
    `plan.errors` lists every problem found, `plan.warnings` what was ignored.
    """
    plan = ImportPlan()
    try:
        data = _read_limited(source)
        rows = _rows(data, filename)
        _validate(plan, rows)
    except FileRejected as rejection:
        plan.errors.append(Issue(None, "", str(rejection)))
    except csv.Error as error:
        plan.error(
            None,
            "",
            _("The CSV file is malformed (%(reason)s). Check the quotes in the file and save it again.")
            % {"reason": error},
        )
    if plan.errors:
        plan.clusters, plan.results = {}, {}
    return plan


def _read_header(plan, rows):
    """Columns by name, and the line number of the header (blank lines may precede it)."""
    line = 0
    for header in rows:
        line += 1
        if any(cell.strip() for cell in header):
            break
    else:
        raise FileRejected(_("The file is empty. Upload a file with a header line and one line per indicator."))
    columns = {}
    for position, raw in enumerate(header):
        name = raw.strip().lstrip("\ufeff").lower()
        if not name:
            continue
        if name in columns:
            plan.error(line, name, _("The column appears twice in the header. Keep only one column with this name."))
        elif name not in KNOWN_COLUMNS:
            plan.warn(
                line, raw.strip(), _("Unknown column; it is ignored. Remove it or check its spelling if you need it.")
            )
        else:
            columns[name] = position
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            plan.error(
                line,
                name,
                _("The required column is missing. Add a column with the header “%(column)s”.") % {"column": name},
            )
    return columns, line


def _validate(plan, rows):
    rows = iter(rows)
    columns, line = _read_header(plan, rows)
    if plan.errors:
        return
    indicators = {code.upper() for code in Indicator.objects.values_list("code", flat=True)}
    known = {
        code: {"name": name, "country": str(country)}
        for code, name, country in Cluster.objects.values_list("code", "name", "country")
    }
    limit = max_rows()
    for row in rows:
        line += 1
        cells = {name: (row[position].strip() if position < len(row) else "") for name, position in columns.items()}
        if not any(cells.values()):
            continue
        plan.rows += 1
        if plan.rows > limit:
            plan.errors = [
                Issue(
                    None,
                    "",
                    _(
                        "The file has more than %(limit)s data lines. "
                        "Split it into smaller files and import them one by one."
                    )
                    % {"limit": limit},
                )
            ]
            return
        _validate_row(plan, line, cells, indicators, known)
    if plan.rows == 0:
        plan.error(None, "", _("The file has a header but no data lines. Add one line per cluster and indicator."))


def _check_same(plan, line, column, record, attribute, value):
    """Every line of one cluster (or of one cluster's result in an edition) must agree on its attributes."""
    if not value:
        return
    current = getattr(record, attribute)
    if not current:
        setattr(record, attribute, value)
        record.lines[attribute] = line
    elif current != value:
        if isinstance(record, ClusterRow):
            message = _(
                "“%(value)s” conflicts with “%(other)s” on line %(other_line)s for the same cluster. "
                "Use one value for each cluster."
            )
        else:
            message = _(
                "“%(value)s” conflicts with “%(other)s” on line %(other_line)s for the same cluster and edition. "
                "Use one value for each cluster and edition."
            )
        plan.error(line, column, message % {"value": value, "other": current, "other_line": record.lines[attribute]})


def _validate_row(plan, line, cells, indicators, known):
    code = cells.get("cluster_code", "").upper()
    edition = cells.get("edition", "")
    if not code:
        plan.error(line, "cluster_code", _("The cluster code is empty. Fill in the cluster's code, e.g. CZ-007."))
    elif len(code) > 20:
        plan.error(line, "cluster_code", _("The cluster code is longer than 20 characters. Use the short code."))
        code = ""
    elif not is_valid_cluster_code(code):
        plan.error(
            line,
            "cluster_code",
            _(
                "“%(code)s” is not a valid cluster code. Use only letters, digits, “-”, “.” and “_”, "
                "starting with a letter or digit, e.g. CZ-007."
            )
            % {"code": code},
        )
        code = ""
    if not edition:
        plan.error(line, "edition", _("The edition is empty. Fill in the benchmarking round, e.g. 2014."))
    elif len(edition) > 50:
        plan.error(line, "edition", _("The edition name is longer than 50 characters. Use a short name, e.g. 2014."))
        edition = ""

    if code:
        _validate_cluster(plan, line, code, cells, known)

    indicator = cells.get("indicator", "").upper()
    if not indicator:
        plan.error(line, "indicator", _("The indicator is empty. Fill in an indicator code, e.g. FIN.2."))
    elif indicator not in indicators:
        plan.error(
            line,
            "indicator",
            _("Unknown indicator “%(code)s”. Use a code of the indicator set, e.g. FIN.2.") % {"code": indicator},
        )
        indicator = ""

    rating_text = cells.get("rating", "").lower()
    rating = RATINGS.get(rating_text)
    if rating is None:
        plan.error(
            line,
            "rating",
            _("“%(value)s” is not a rating. Use red, yellow or green (also r/y/g or 1/2/3).")
            % {"value": cells.get("rating", "")},
        )

    value = None
    if cells.get("value"):
        value = _parse_value(cells["value"])
        if value is None:
            plan.error(
                line,
                "value",
                _("“%(value)s” is not a number. Write a number such as 12.5 or 12,5, or leave the cell empty.")
                % {"value": cells["value"]},
            )

    benchmarked_on = None
    if cells.get("benchmarked_on"):
        benchmarked_on = _parse_date(cells["benchmarked_on"])
        if benchmarked_on is None:
            plan.error(
                line,
                "benchmarked_on",
                _("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2014-09-30.")
                % {"value": cells["benchmarked_on"]},
            )

    label = cells.get("label", "").lower()
    if label and label not in LABEL_LEVELS:
        plan.error(line, "label", _("“%(value)s” is not a label. Use bronze, silver or gold.") % {"value": label})
        label = ""
    valid_until = None
    if cells.get("label_valid_until"):
        valid_until = _parse_date(cells["label_valid_until"])
        if valid_until is None:
            plan.error(
                line,
                "label_valid_until",
                _("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2016-09-30.")
                % {"value": cells["label_valid_until"]},
            )
        elif not cells.get("label"):
            plan.error(
                line,
                "label",
                _("A validity date is given without a label. Fill in bronze, silver or gold, or clear the date."),
            )

    if not (code and edition):
        return
    result = plan.results.get((code, edition))
    if result is None:
        result = plan.results[(code, edition)] = ResultRow(line=line)
    _check_same(plan, line, "benchmarked_on", result, "benchmarked_on", benchmarked_on)
    _check_same(plan, line, "label", result, "label", label)
    _check_same(plan, line, "label_valid_until", result, "label_valid_until", valid_until)
    if indicator and rating is not None:
        if indicator in result.scores:
            plan.error(
                line,
                "indicator",
                _(
                    "Cluster %(code)s already has a rating for %(indicator)s in edition %(edition)s on line "
                    "%(other)s. Keep only one of the two lines."
                )
                % {"code": code, "indicator": indicator, "edition": edition, "other": result.scores[indicator][2]},
            )
        else:
            result.scores[indicator] = (int(rating), value, line)


def _validate_cluster(plan, line, code, cells, known):
    cluster = plan.clusters.get(code)
    if cluster is None:
        cluster = plan.clusters[code] = ClusterRow(line=line)
    country_text = cells.get("country", "")
    country = ""
    if country_text:
        country = _country(country_text) or ""
        if not country:
            plan.error(
                line,
                "country",
                _("Unknown country “%(value)s”. Use the two-letter ISO code, e.g. CZ, SK, PL, HU, HR or TR.")
                % {"value": country_text},
            )
        elif code in known and known[code]["country"] != country:
            plan.error(
                line,
                "country",
                _(
                    "Cluster %(code)s is registered in %(known)s, not %(given)s. "
                    "Correct the country or the cluster code."
                )
                % {"code": code, "known": known[code]["country"], "given": country},
            )
            country = ""
    name = cells.get("cluster_name", "")
    if len(name) > 200:
        plan.error(line, "cluster_name", _("The cluster name is longer than 200 characters. Shorten it."))
        name = ""
    for column, limit in (("sector", 120), ("region", 120)):
        if len(cells.get(column, "")) > limit:
            plan.error(line, column, _("The text is longer than 120 characters. Shorten it."))
            cells[column] = ""
    _check_same(plan, line, "cluster_name", cluster, "name", name)
    _check_same(plan, line, "country", cluster, "country", country)
    _check_same(plan, line, "sector", cluster, "sector", cells.get("sector", ""))
    _check_same(plan, line, "region", cluster, "region", cells.get("region", ""))
    if code not in known and not (name and country_text):
        missing = "cluster_name" if not name else "country"
        if not cluster.lines.get("missing_reported"):
            cluster.lines["missing_reported"] = line
            plan.error(
                line,
                missing,
                _(
                    "Cluster %(code)s is not known yet, so this line must create it: "
                    "fill in both cluster_name and country."
                )
                % {"code": code},
            )


# --- Comparing and writing --------------------------------------------------------


def _label_dates(result, edition_date):
    awarded_on = result.benchmarked_on or edition_date
    if awarded_on is None:
        return None, None
    valid_until = result.label_valid_until or _add_years(awarded_on, 2)
    return awarded_on, valid_until


def _add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _edition_dates(plan):
    dates = {}
    for (_code, edition), result in plan.results.items():
        if result.benchmarked_on and (edition not in dates or result.benchmarked_on < dates[edition]):
            dates[edition] = result.benchmarked_on
        dates.setdefault(edition, None)
    return dates


def _compare(plan, *, write):
    """Compute (and with write=True perform) the changes a valid plan makes."""
    summary = ImportSummary()
    edition_dates = _edition_dates(plan)
    editions = {edition.name: edition for edition in BenchmarkEdition.objects.filter(name__in=list(edition_dates))}
    summary.editions_created = sorted(set(edition_dates) - set(editions))
    if write and summary.editions_created:
        created = [BenchmarkEdition(name=name, date=edition_dates[name]) for name in summary.editions_created]
        for edition in created:
            edition.full_clean()
        BenchmarkEdition.objects.bulk_create(created)
        editions = {edition.name: edition for edition in BenchmarkEdition.objects.filter(name__in=list(edition_dates))}

    existing = {
        cluster.code: cluster
        for cluster in Cluster.objects.select_related("sector", "region").only(
            "id", "code", "name", "country", "sector", "region"
        )
    }
    # Sector and region words name records (in any language); new ones are created only when writing.
    country_of = {
        code: row.country or (str(existing[code].country) if code in existing else "")
        for code, row in plan.clusters.items()
    }
    sectors = vocabulary.sectors_named([row.sector for row in plan.clusters.values()], create=write)
    regions = vocabulary.regions_named(
        [(country_of[code], row.region) for code, row in plan.clusters.items()], create=write
    )
    new_clusters, changed_clusters = [], []
    for code, row in plan.clusters.items():
        cluster = existing.get(code)
        wanted = {
            "name": row.name,
            "sector": sectors.get(row.sector.strip()),
            "region": regions.get((country_of[code], row.region.strip())),
        }
        if cluster is None:
            summary.clusters_created.append(code)
            new_clusters.append(Cluster(code=code, country=row.country, languages=[], **wanted))
            continue
        changes = [
            (field_name, getattr(cluster, field_name), new)
            for field_name, new in wanted.items()
            if new and new != getattr(cluster, field_name)
        ]
        if changes:
            summary.clusters_updated.append((code, changes))
            for field_name, _old, new in changes:
                setattr(cluster, field_name, new)
            changed_clusters.append(cluster)
    if write:
        Cluster.objects.bulk_create(new_clusters, batch_size=BATCH_SIZE)
        if changed_clusters:
            Cluster.objects.bulk_update(changed_clusters, ["name", "sector", "region"], batch_size=BATCH_SIZE)
        existing = dict(Cluster.objects.values_list("code", "id"))
    else:
        existing = {code: cluster.pk for code, cluster in existing.items()}

    edition_ids = [edition.pk for edition in editions.values()]
    results = {
        (cluster_id, edition_id): (pk, benchmarked_on)
        for pk, cluster_id, edition_id, benchmarked_on in BenchmarkResult.objects.filter(
            edition_id__in=edition_ids
        ).values_list("id", "cluster_id", "edition_id", "benchmarked_on")
    }
    new_results, changed_results = [], []
    for (code, edition_name), row in plan.results.items():
        edition = editions.get(edition_name)
        cluster_id = existing.get(code)
        key = (cluster_id, edition.pk if edition else None)
        if cluster_id is None or edition is None or key not in results:
            summary.results_created += 1
            if write:
                new_results.append(
                    BenchmarkResult(cluster_id=cluster_id, edition=edition, benchmarked_on=row.benchmarked_on)
                )
        elif row.benchmarked_on and results[key][1] != row.benchmarked_on:
            summary.results_updated += 1
            changed_results.append(BenchmarkResult(pk=results[key][0], benchmarked_on=row.benchmarked_on))
    if write:
        BenchmarkResult.objects.bulk_create(new_results, batch_size=BATCH_SIZE)
        BenchmarkResult.objects.bulk_update(changed_results, ["benchmarked_on"], batch_size=BATCH_SIZE)
        results = {
            (cluster_id, edition_id): (pk, benchmarked_on)
            for pk, cluster_id, edition_id, benchmarked_on in BenchmarkResult.objects.filter(
                edition_id__in=edition_ids
            ).values_list("id", "cluster_id", "edition_id", "benchmarked_on")
        }

    _compare_scores(plan, summary, existing, editions, results, write=write)
    _compare_labels(plan, summary, existing, editions, write=write)
    return summary


def _compare_scores(plan, summary, cluster_ids, editions, results, *, write):
    indicator_ids = dict(Indicator.objects.values_list("code", "id"))
    indicator_ids = {code.upper(): pk for code, pk in indicator_ids.items()}
    result_ids = {pk for pk, _date in results.values()}
    current = {}
    if result_ids:
        for result_id, indicator_id, rating, value in Score.objects.filter(
            result__edition_id__in=[edition.pk for edition in editions.values()]
        ).values_list("result_id", "indicator_id", "rating", "value"):
            current[(result_id, indicator_id)] = (rating, value)
    new_scores, changed_scores = [], []
    for (code, edition_name), row in plan.results.items():
        edition = editions.get(edition_name)
        cluster_id = cluster_ids.get(code)
        result = results.get((cluster_id, edition.pk if edition else None))
        for indicator_code, (rating, value, _line) in row.scores.items():
            indicator_id = indicator_ids[indicator_code]
            before = current.get((result[0], indicator_id)) if result else None
            if before is None:
                summary.scores_created += 1
                if write:
                    new_scores.append(Score(result_id=result[0], indicator_id=indicator_id, rating=rating, value=value))
            elif before != (rating, value):
                summary.scores_updated += 1
                if write:
                    changed_scores.append((result[0], indicator_id, rating, value))
            else:
                summary.scores_unchanged += 1
        if write and len(new_scores) >= BATCH_SIZE:
            Score.objects.bulk_create(new_scores, batch_size=BATCH_SIZE)
            new_scores = []
    if write:
        Score.objects.bulk_create(new_scores, batch_size=BATCH_SIZE)
        if changed_scores:
            _update_scores(changed_scores)


def _update_scores(changed):
    keys = {(result_id, indicator_id): (rating, value) for result_id, indicator_id, rating, value in changed}
    scores = []
    for score in Score.objects.filter(result_id__in={key[0] for key in keys}).only("id", "result_id", "indicator_id"):
        target = keys.get((score.result_id, score.indicator_id))
        if target is not None:
            score.rating, score.value = target
            scores.append(score)
    Score.objects.bulk_update(scores, ["rating", "value"], batch_size=BATCH_SIZE)


def _compare_labels(plan, summary, cluster_ids, editions, *, write):
    wanted = {}
    for (code, edition_name), row in plan.results.items():
        if not row.label:
            continue
        edition = editions.get(edition_name)
        awarded_on, valid_until = _label_dates(row, edition.date if edition else _edition_dates(plan)[edition_name])
        wanted[(code, row.label, awarded_on)] = valid_until
    if not wanted:
        return
    current = {
        (code, level, awarded_on): (pk, valid_until)
        for pk, code, level, awarded_on, valid_until in Label.objects.filter(
            cluster__code__in={key[0] for key in wanted}
        ).values_list("id", "cluster__code", "level", "awarded_on", "valid_until")
    }
    new_labels, changed_labels = [], []
    for (code, level, awarded_on), valid_until in wanted.items():
        before = current.get((code, level, awarded_on))
        if before is None:
            summary.labels_created += 1
            if write:
                new_labels.append(
                    Label(cluster_id=cluster_ids[code], level=level, awarded_on=awarded_on, valid_until=valid_until)
                )
        elif before[1] != valid_until:
            summary.labels_updated += 1
            changed_labels.append(Label(pk=before[0], valid_until=valid_until))
    if write:
        Label.objects.bulk_create(new_labels, batch_size=BATCH_SIZE)
        Label.objects.bulk_update(changed_labels, ["valid_until"], batch_size=BATCH_SIZE)


def _check_labels(plan):
    """A label needs an award date: the result's benchmarked_on or the edition's date."""
    known_dates = dict(BenchmarkEdition.objects.values_list("name", "date"))
    file_dates = _edition_dates(plan)
    for (code, edition), result in plan.results.items():
        if not result.label:
            continue
        awarded_on, valid_until = _label_dates(result, known_dates.get(edition) or file_dates.get(edition))
        line = result.lines.get("label", result.line)
        if awarded_on is None:
            plan.error(
                line,
                "benchmarked_on",
                _("A label needs an award date. Fill in benchmarked_on for cluster %(code)s in edition %(edition)s.")
                % {"code": code, "edition": edition},
            )
        elif valid_until < awarded_on:
            plan.error(
                result.lines.get("label_valid_until", line),
                "label_valid_until",
                _("The label would expire before it was awarded (%(date)s). Correct the date.")
                % {"date": awarded_on.isoformat()},
            )


def describe_changes(plan):
    """What applying a valid plan would create and change (the preview); writes nothing."""
    return _compare(plan, write=False)


def apply_plan(plan):
    """Write a valid plan in one transaction and return the ImportSummary.

    Side effects: creates editions, clusters, results, scores and labels and
    updates the ones the file changes; nothing is deleted.
    """
    if not plan.is_valid:
        raise ValueError("An import plan with errors cannot be applied.")
    with transaction.atomic():
        summary = _compare(plan, write=True)
        # Bulk writes send no signals, so the shared network and pages are dropped here.
        invalidate_network()
        return summary


def validate_benchmark_file(source, *, filename=""):
    """`parse_benchmark_file` plus the checks that need the whole file and the database."""
    plan = parse_benchmark_file(source, filename=filename)
    if plan.is_valid:
        _check_labels(plan)
        if plan.errors:
            plan.clusters, plan.results = {}, {}
    plan.errors.sort(key=lambda issue: (issue.line or 0,))
    return plan


def import_benchmark_file(source, *, filename="", dry_run=False):
    """Validate, then (unless dry_run or invalid) write. Returns (plan, summary or None)."""
    plan = validate_benchmark_file(source, filename=filename)
    if not plan.is_valid:
        return plan, None
    summary = describe_changes(plan) if dry_run else apply_plan(plan)
    return plan, summary
