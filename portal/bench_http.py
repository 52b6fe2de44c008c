"""What anonymous visitors feel, over real HTTP (`make bench`; never a timed test).

Starts gunicorn (two sync workers, the real settings plus `/bench/bare/`)
against the bench's database, loads each page with `wrk` (installed from
Debian's packages when missing) and prints requests per second and the 95th
percentile latency, once with the page cache and once without it, each
beside the bare view's figures.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager

from django.conf import settings

WORKERS = 2
CONNECTIONS = 8
SECONDS = 5
CACHED_GOAL = 0.7
HEADERS = {"Accept-Encoding": "gzip, br", "Accept-Language": "en"}
P95_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("p95_us %d\\n", latency:percentile(95)))
end
"""


def ensure_wrk(stdout):
    if shutil.which("wrk") is None:
        stdout.write("  installing wrk (apt-get install -y wrk)")
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, capture_output=True)
    return shutil.which("wrk")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(page_cache):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.bench_settings",
        DJANGO_DEBUG="0",
        PAGE_CACHE_ENABLED="1" if page_cache else "0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    # DEBUG off, as in production, needs a secret key: a fresh one per run, as
    # nothing the bench's processes sign outlives them.
    env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    return env


@contextmanager
def gunicorn(*, page_cache):
    """A running gunicorn; yields its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", str(WORKERS)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=_environment(page_cache),
        cwd=settings.BASE_DIR,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def load(wrk, url):
    """(requests per second, p95 in ms, non-2xx/3xx answers) of `url` under wrk."""
    for _warm in range(3):
        urllib.request.urlopen(urllib.request.Request(url, headers=HEADERS), timeout=30).read()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(P95_SCRIPT)
    command = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "-s", script.name]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=False).stdout
    os.unlink(script.name)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p95 = re.search(r"p95_us (\d+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        float(rate.group(1)) if rate else 0.0,
        int(p95.group(1)) / 1000 if p95 else 0.0,
        int(errors.group(1)) if errors else 0,
    )


def run(stdout, pages):
    """`pages`: {name: path} of anonymous pages to load."""
    stdout.write(
        f"Anonymous pages over HTTP (gunicorn, {WORKERS} workers; wrk, {CONNECTIONS} connections, "
        f"{SECONDS} s each; database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})"
    )
    wrk = ensure_wrk(stdout)
    if wrk is None:
        stdout.write("  wrk is not available: skipped")
        return {}
    figures = {}
    for page_cache in (True, False):
        with gunicorn(page_cache=page_cache) as base:
            bare_rate, bare_p95, _errors = load(wrk, base + "/bench/bare/")
            label = "page cache on" if page_cache else "page cache off"
            stdout.write(f"  {label}: bare view {bare_rate:8.0f} requests/s, p95 {bare_p95:6.1f} ms")
            for name, path in pages.items():
                rate, p95, errors = load(wrk, base + path)
                ratio = rate / bare_rate if bare_rate else 0
                goal = ""
                if page_cache:
                    goal = f"  (goal >= {CACHED_GOAL} of the bare view: {'met' if ratio >= CACHED_GOAL else 'MISSED'})"
                failed = f"  {errors} failed answers" if errors else ""
                cached = "cached  " if page_cache else "uncached"
                stdout.write(
                    f"    {cached} {name:<13} {rate:8.0f} requests/s, p95 {p95:6.1f} ms, "
                    f"{ratio:5.2f} of the bare view{goal}{failed}"
                )
                figures[(name, page_cache)] = (rate, p95, ratio)
    return figures
