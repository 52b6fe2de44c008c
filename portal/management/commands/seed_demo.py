from django.core.management.base import BaseCommand

from portal.demo.seed import DEMO_PASSWORD, DEMO_USERS, seed


class Command(BaseCommand):
    help = "Create the demo users and the demo site in all languages (idempotent)."

    def handle(self, *args, **options):
        created = seed()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo data created ({created} objects)."))
        else:
            self.stdout.write("Demo data already present; nothing changed.")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for role, email, *_details in DEMO_USERS:
            self.stdout.write(f"  {email:<32} {role}")
