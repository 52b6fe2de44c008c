"""Settings for the web processes `make bench` starts: the real ones plus a bare view."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "portal.bench_urls"
