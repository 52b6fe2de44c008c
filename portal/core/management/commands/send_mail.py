import signal
import time

from django.core.management.base import BaseCommand

from portal.core.outbox import send_due


class Command(BaseCommand):
    help = (
        "Send the e-mails waiting in the outbox, retrying failed ones with backoff. "
        "Runs until stopped; SIGTERM or SIGINT ends it after the message being sent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send what is due now, then exit.")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="Seconds to wait when nothing is due (default 2)."
        )

    def handle(self, *args, once=False, interval=2.0, **options):
        self.stopping = False
        previous = {number: signal.signal(number, self._stop) for number in (signal.SIGTERM, signal.SIGINT)}
        self.stdout.write("Outbox worker started.")
        self.stdout.flush()
        try:
            while not self.stopping:
                sent = send_due(should_stop=lambda: self.stopping)
                if sent:
                    self.stdout.write(f"Tried {sent} message(s).")
                    self.stdout.flush()
                if once:
                    break
                self._sleep(interval)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
        self.stdout.write("Outbox worker stopped.")

    def _stop(self, number, frame):
        self.stopping = True

    def _sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, seconds))
