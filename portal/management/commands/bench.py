from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

from mobility import bench as mobility_bench
from mobility.visits import bench as visit_bench
from portal import bench as portal_bench
from training import bench as training_bench


class Rollback(Exception):
    """Raised to undo everything a benchmark created."""


class Command(BaseCommand):
    help = "Run the on-demand benchmarks; data they create is rolled back."

    def add_arguments(self, parser):
        parser.add_argument("--no-http", action="store_true", help="skip the gunicorn + wrk measurements")

    def handle(self, *args, **options):
        if not options["no_http"]:
            portal_bench.run_http(self.stdout)
        for runner in (portal_bench.run, mobility_bench.run, training_bench.run, visit_bench.run):
            try:
                # In-process figures are of the uncached pages; portal_bench turns the cache on where it says so.
                with transaction.atomic(), override_settings(PAGE_CACHE_ENABLED=False):
                    runner(self.stdout)
                    raise Rollback
            except Rollback:
                pass
            except AssertionError as error:
                # One section failing must not hide the figures of the others.
                self.stdout.write(f"  this section stopped: {error}")
