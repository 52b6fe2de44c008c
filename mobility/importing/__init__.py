"""The benchmark importer (DESIGN.md 4.2): CSV or XLSX in the "long" format.

reading (file -> records), validation (records -> errors, in the analyst's
language), planning (what will be created and changed: the preview), writing
(a confirmed plan in one transaction, checked again there) and jobs (the same
steps in the background, with progress and an e-mail when done).
"""

from mobility.importing.jobs import (
    ImportNotReady,
    cancel_import,
    confirm_import,
    import_job_for,
    start_import,
)
from mobility.importing.planning import ImportPlan, ImportSummary, plan_import
from mobility.importing.reading import max_bytes
from mobility.importing.validation import Issue, Validation, validate_benchmark_file
from mobility.importing.writing import ImportOutcome, apply_plan, import_benchmark_file

__all__ = [
    "ImportNotReady",
    "ImportOutcome",
    "ImportPlan",
    "ImportSummary",
    "Issue",
    "Validation",
    "apply_plan",
    "cancel_import",
    "confirm_import",
    "import_job_for",
    "import_benchmark_file",
    "max_bytes",
    "plan_import",
    "start_import",
    "validate_benchmark_file",
]
