"""Real SMTP peers for outbox tests: an aiosmtpd server, a silent server, a free port."""

import email
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """Keeps every message the server accepted; can refuse recipients or hold a delivery."""

    def __init__(self, *, rcpt_answer=None, data_answer=None, hold=False):
        self.messages = []
        self.rcpt_answer = rcpt_answer
        self.data_answer = data_answer
        self.receiving = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_answer:
            return self.rcpt_answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_answer:
            return self.data_answer
        self.receiving.set()
        # Runs in the server's own thread: blocking here holds only the client being served.
        self.release.wait(60)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted"


def start_server(port, handler):
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


class SilentServer:
    """Accepts TCP connections and never says a word (a relay that hangs)."""

    def __init__(self, port):
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", port))
        self.socket.listen(16)

    def close(self):
        self.socket.close()
