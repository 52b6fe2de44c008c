from django.core.management.base import BaseCommand
from django.db import transaction

from mobility import bench as mobility_bench
from mobility import visit_bench
from portal import bench as portal_bench
from training import bench as training_bench


class Rollback(Exception):
    """Raised to undo everything a benchmark created."""


class Command(BaseCommand):
    help = "Run the on-demand benchmarks; data they create is rolled back."

    def handle(self, *args, **options):
        for runner in (portal_bench.run, mobility_bench.run, training_bench.run, visit_bench.run):
            try:
                with transaction.atomic():
                    runner(self.stdout)
                    raise Rollback
            except Rollback:
                pass
