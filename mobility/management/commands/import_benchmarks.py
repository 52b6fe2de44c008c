from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mobility.importing import import_benchmark_file


class Command(BaseCommand):
    help = "Import benchmark results from a CSV or XLSX file in the long format (DESIGN.md 4.2)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the CSV or XLSX file.")
        parser.add_argument("--dry-run", action="store_true", help="Validate and show the summary; write nothing.")

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("The file %(path)s does not exist.") % {"path": file})
        plan, summary = import_benchmark_file(path, filename=path.name, dry_run=dry_run)
        for warning in plan.warnings:
            self.stderr.write(self.style.WARNING(str(warning)))
        if not plan.is_valid:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(
                ngettext(
                    "%(count)s error found; nothing was imported. Correct the file and run the command again.",
                    "%(count)s errors found; nothing was imported. Correct the file and run the command again.",
                    len(plan.errors),
                )
                % {"count": len(plan.errors)}
            )
        if dry_run:
            self.stdout.write(_("Dry run: the file is valid and nothing was written. Importing it would make:"))
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported %(rows)s lines.") % {"rows": plan.rows}))
        for line in summary.lines():
            self.stdout.write(f"  {line}")
