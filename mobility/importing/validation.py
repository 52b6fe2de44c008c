"""Checking a benchmark file (DESIGN.md 4.2): records -> errors and the file's content.

`validate_benchmark_file` reads and checks the whole file without writing
anything. Every problem becomes an `Issue` with its line (as a spreadsheet
shows it, header = line 1) and column, worded in the active language so the
analyst reads it in theirs. What the file says, once valid, is kept as one
`ClusterRow` per cluster and one `ResultRow` per cluster and edition.

The checks that depend on the database (known indicators, registered
clusters, edition dates) read a `Known` snapshot. `recheck` asks them again
of an already valid file against a newer snapshot: the writer does so inside
its transaction, so a change after the preview is reported, not written.
"""

import csv
import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django_countries import countries

from mobility.codes import is_valid_cluster_code
from mobility.importing.reading import REQUIRED_COLUMNS, FileRejected, max_rows, read_table
from mobility.models import BenchmarkEdition, Cluster, Indicator, LabelLevel, Rating
from portal.core.dates import add_years

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
# How many data lines are checked between two progress reports.
PROGRESS_EVERY = 1000


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

    def to_json(self):
        return {"line": self.line, "column": self.column, "message": self.message}

    @classmethod
    def from_json(cls, data):
        return cls(line=data["line"], column=data["column"], message=data["message"])


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
class Validation:
    """A checked file: its errors and warnings and, when it has no errors, what it says."""

    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    rows: int = 0
    # cluster code -> ClusterRow
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


@dataclass(frozen=True)
class Known:
    """What the checks need from the database."""

    # upper-case indicator codes
    indicators: frozenset
    # cluster code -> its registered country code
    countries: dict
    # edition name -> its date (or None)
    edition_dates: dict


def known_now():
    """The indicator codes, registered clusters and edition dates as the database holds them now."""
    return Known(
        indicators=frozenset(code.upper() for code in Indicator.objects.values_list("code", flat=True)),
        countries={code: str(country) for code, country in Cluster.objects.values_list("code", "country")},
        edition_dates=dict(BenchmarkEdition.objects.values_list("name", "date")),
    )


def validate_benchmark_file(source, *, filename="", progress=None):
    """Read and check a whole benchmark file against the database; write nothing.

    `source` is a path, bytes or a binary file object. `progress`, if given, is
    called with the number of data lines checked so far. Returns a Validation:
    `errors` lists every problem found (by line), `warnings` what was ignored.
    """
    validation = Validation()
    known = known_now()
    try:
        _check_records(validation, read_table(source, filename=filename), known, progress)
    except FileRejected as rejection:
        validation.errors.append(Issue(None, "", str(rejection)))
    except csv.Error as error:
        validation.error(
            None,
            "",
            _("The CSV file is malformed (%(reason)s). Check the quotes in the file and save it again.")
            % {"reason": error},
        )
    if validation.is_valid:
        _check_labels(validation, known)
    return _finished(validation)


def recheck(validation, known):
    """The errors a valid file has against `known`, a newer snapshot of the database (by line)."""
    checked = Validation()
    for code, cluster in validation.clusters.items():
        if code in known.countries:
            if cluster.country and known.countries[code] != cluster.country:
                checked.error(
                    cluster.lines.get("country", cluster.line),
                    "country",
                    _country_conflict(code, known.countries[code], cluster.country),
                )
        elif not (cluster.name and cluster.country):
            checked.error(cluster.line, "cluster_name" if not cluster.name else "country", _must_create(code))
    for result in validation.results.values():
        for indicator, (_rating, _value, line) in result.scores.items():
            if indicator not in known.indicators:
                checked.error(line, "indicator", _unknown_indicator(indicator))
    _check_labels(checked, known, results=validation.results)
    return _finished(checked).errors


def _finished(validation):
    if validation.errors:
        validation.clusters, validation.results = {}, {}
    validation.errors.sort(key=lambda issue: (issue.line or 0,))
    return validation


def _check_records(validation, table, known, progress):
    for name in table.duplicates:
        validation.error(
            table.header_line, name, _("The column appears twice in the header. Keep only one column with this name.")
        )
    for raw in table.unknown:
        validation.warn(
            table.header_line,
            raw,
            _("Unknown column; it is ignored. Remove it or check its spelling if you need it."),
        )
    for name in REQUIRED_COLUMNS:
        if name not in table.columns:
            validation.error(
                table.header_line,
                name,
                _("The required column is missing. Add a column with the header “%(column)s”.") % {"column": name},
            )
    if validation.errors:
        return
    limit = max_rows()
    for record in table.records:
        validation.rows += 1
        if validation.rows > limit:
            validation.errors = [
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
        _check_record(validation, record.line, record.cells, known)
        if progress and validation.rows % PROGRESS_EVERY == 0:
            progress(validation.rows)
    if validation.rows == 0:
        validation.error(
            None, "", _("The file has a header but no data lines. Add one line per cluster and indicator.")
        )


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


def _unknown_indicator(code):
    return _("Unknown indicator “%(code)s”. Use a code of the indicator set, e.g. FIN.2.") % {"code": code}


def _country_conflict(code, registered, given):
    return _("Cluster %(code)s is registered in %(known)s, not %(given)s. Correct the country or the cluster code.") % {
        "code": code,
        "known": registered,
        "given": given,
    }


def _must_create(code):
    return _(
        "Cluster %(code)s is not known yet, so this line must create it: fill in both cluster_name and country."
    ) % {"code": code}


def _optional_cell(validation, line, cells, column, parse, message):
    """The parsed value of an optional cell: None when it is empty, or (with an error naming what was
    written) when `parse` cannot read it."""
    text = cells.get(column)
    if not text:
        return None
    parsed = parse(text)
    if parsed is None:
        validation.error(line, column, message % {"value": text})
    return parsed


def _check_same(validation, line, column, record, attribute, value):
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
        validation.error(
            line, column, message % {"value": value, "other": current, "other_line": record.lines[attribute]}
        )


def _check_record(validation, line, cells, known):
    code = cells.get("cluster_code", "").upper()
    edition = cells.get("edition", "")
    if not code:
        validation.error(line, "cluster_code", _("The cluster code is empty. Fill in the cluster's code, e.g. CZ-007."))
    elif len(code) > 20:
        validation.error(line, "cluster_code", _("The cluster code is longer than 20 characters. Use the short code."))
        code = ""
    elif not is_valid_cluster_code(code):
        validation.error(
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
        validation.error(line, "edition", _("The edition is empty. Fill in the benchmarking round, e.g. 2014."))
    elif len(edition) > 50:
        validation.error(
            line, "edition", _("The edition name is longer than 50 characters. Use a short name, e.g. 2014.")
        )
        edition = ""

    if code:
        _check_cluster(validation, line, code, cells, known)

    indicator = cells.get("indicator", "").upper()
    if not indicator:
        validation.error(line, "indicator", _("The indicator is empty. Fill in an indicator code, e.g. FIN.2."))
    elif indicator not in known.indicators:
        validation.error(line, "indicator", _unknown_indicator(indicator))
        indicator = ""

    rating_text = cells.get("rating", "").lower()
    rating = RATINGS.get(rating_text)
    if rating is None:
        validation.error(
            line,
            "rating",
            _("“%(value)s” is not a rating. Use red, yellow or green (also r/y/g or 1/2/3).")
            % {"value": cells.get("rating", "")},
        )

    value = _optional_cell(
        validation,
        line,
        cells,
        "value",
        _parse_value,
        _("“%(value)s” is not a number. Write a number such as 12.5 or 12,5, or leave the cell empty."),
    )
    benchmarked_on = _optional_cell(
        validation,
        line,
        cells,
        "benchmarked_on",
        _parse_date,
        _("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2014-09-30."),
    )

    label = cells.get("label", "").lower()
    if label and label not in LABEL_LEVELS:
        validation.error(line, "label", _("“%(value)s” is not a label. Use bronze, silver or gold.") % {"value": label})
        label = ""
    valid_until = _optional_cell(
        validation,
        line,
        cells,
        "label_valid_until",
        _parse_date,
        _("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2016-09-30."),
    )
    if valid_until is not None and not cells.get("label"):
        validation.error(
            line,
            "label",
            _("A validity date is given without a label. Fill in bronze, silver or gold, or clear the date."),
        )

    if not (code and edition):
        return
    result = validation.results.get((code, edition))
    if result is None:
        result = validation.results[(code, edition)] = ResultRow(line=line)
    _check_same(validation, line, "benchmarked_on", result, "benchmarked_on", benchmarked_on)
    _check_same(validation, line, "label", result, "label", label)
    _check_same(validation, line, "label_valid_until", result, "label_valid_until", valid_until)
    if indicator and rating is not None:
        if indicator in result.scores:
            validation.error(
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


def _check_cluster(validation, line, code, cells, known):
    cluster = validation.clusters.get(code)
    if cluster is None:
        cluster = validation.clusters[code] = ClusterRow(line=line)
    country_text = cells.get("country", "")
    country = ""
    if country_text:
        country = _country(country_text) or ""
        if not country:
            validation.error(
                line,
                "country",
                _("Unknown country “%(value)s”. Use the two-letter ISO code, e.g. CZ, SK, PL, HU, HR or TR.")
                % {"value": country_text},
            )
        elif code in known.countries and known.countries[code] != country:
            validation.error(line, "country", _country_conflict(code, known.countries[code], country))
            country = ""
    name = cells.get("cluster_name", "")
    if len(name) > 200:
        validation.error(line, "cluster_name", _("The cluster name is longer than 200 characters. Shorten it."))
        name = ""
    for column, limit in (("sector", 120), ("region", 120)):
        if len(cells.get(column, "")) > limit:
            validation.error(line, column, _("The text is longer than 120 characters. Shorten it."))
            cells[column] = ""
    _check_same(validation, line, "cluster_name", cluster, "name", name)
    _check_same(validation, line, "country", cluster, "country", country)
    _check_same(validation, line, "sector", cluster, "sector", cells.get("sector", ""))
    _check_same(validation, line, "region", cluster, "region", cells.get("region", ""))
    if code not in known.countries and not (name and country_text):
        missing = "cluster_name" if not name else "country"
        if not cluster.lines.get("missing_reported"):
            cluster.lines["missing_reported"] = line
            validation.error(line, missing, _must_create(code))


def label_dates(result, edition_date):
    """When a result's label is awarded and until when it is valid (bronze: two years), or (None, None)."""
    awarded_on = result.benchmarked_on or edition_date
    if awarded_on is None:
        return None, None
    valid_until = result.label_valid_until or add_years(awarded_on, 2)
    return awarded_on, valid_until


def edition_dates(results):
    """Edition name -> the earliest benchmarked_on the file gives for it (or None)."""
    dates = {}
    for (_code, edition), result in results.items():
        if result.benchmarked_on and (edition not in dates or result.benchmarked_on < dates[edition]):
            dates[edition] = result.benchmarked_on
        dates.setdefault(edition, None)
    return dates


def _check_labels(validation, known, *, results=None):
    """A label needs an award date: the result's benchmarked_on or the edition's date."""
    results = validation.results if results is None else results
    file_dates = edition_dates(results)
    for (code, edition), result in results.items():
        if not result.label:
            continue
        awarded_on, valid_until = label_dates(result, known.edition_dates.get(edition) or file_dates.get(edition))
        line = result.lines.get("label", result.line)
        if awarded_on is None:
            validation.error(
                line,
                "benchmarked_on",
                _("A label needs an award date. Fill in benchmarked_on for cluster %(code)s in edition %(edition)s.")
                % {"code": code, "edition": edition},
            )
        elif valid_until < awarded_on:
            validation.error(
                result.lines.get("label_valid_until", line),
                "label_valid_until",
                _("The label would expire before it was awarded (%(date)s). Correct the date.")
                % {"date": awarded_on.isoformat()},
            )
