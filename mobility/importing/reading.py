"""Reading a benchmark file (DESIGN.md 4.2): CSV or XLSX bytes -> raw records.

Nothing here knows what a valid cluster, rating or date is; it turns a file
into its header and one `Record` per data line (line numbers as a spreadsheet
shows them, header = line 1), and refuses, with a message saying what to do,
files that cannot be read at all or that are too large to read safely.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

import openpyxl
from django.conf import settings
from django.utils.translation import gettext as _

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

ZIP_MAGIC = b"PK\x03\x04"
# Password-protected (and legacy .xls) workbooks are OLE compound files, not zips.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
class Record:
    """One data line: its line number and the stripped text of each known column."""

    line: int
    cells: dict


@dataclass
class Table:
    """The header of a file and an iterator over its data lines (blank lines skipped)."""

    header_line: int
    # known column name -> position of its first occurrence
    columns: dict
    # names that occur more than once, and unknown headers as written, in header order
    duplicates: list = field(default_factory=list)
    unknown: list = field(default_factory=list)
    records: object = ()


def read_table(source, *, filename=""):
    """The header and records of a path, bytes object or binary file; raises FileRejected.

    Records are read lazily: a damaged workbook may still raise FileRejected
    (and a malformed CSV file csv.Error) while they are iterated.
    """
    rows = iter(_rows(_read_limited(source), filename))
    line = 0
    for header in rows:
        line += 1
        if any(cell.strip() for cell in header):
            break
    else:
        raise FileRejected(_("The file is empty. Upload a file with a header line and one line per indicator."))
    table = Table(header_line=line, columns={})
    for position, raw in enumerate(header):
        name = raw.strip().lstrip("\ufeff").lower()
        if not name:
            continue
        if name in table.columns:
            table.duplicates.append(name)
        elif name not in KNOWN_COLUMNS:
            table.unknown.append(raw.strip())
        else:
            table.columns[name] = position
    table.records = _records(rows, table.columns, first_line=line + 1)
    return table


def _records(rows, columns, *, first_line):
    for line, row in enumerate(rows, start=first_line):
        cells = {name: (row[position].strip() if position < len(row) else "") for name, position in columns.items()}
        if any(cells.values()):
            yield Record(line=line, cells=cells)


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
