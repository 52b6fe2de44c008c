from django.core.management.base import BaseCommand
from django.db import transaction

from portal import bench as portal_bench


class Rollback(Exception):
    """Raised to undo everything a benchmark created."""


class Command(BaseCommand):
    help = "Run the on-demand benchmarks; data they create is rolled back."

    def handle(self, *args, **options):
        for runner in (portal_bench.run,):
            try:
                with transaction.atomic():
                    runner(self.stdout)
                    raise Rollback
            except Rollback:
                pass
