"""Settings for the test suite: production settings with a throwaway secret key.

The portal refuses to start without DJANGO_SECRET_KEY unless DJANGO_DEBUG=1;
tests run with DEBUG off (as production does), so they bring their own key.
It is put into the environment so that processes started by tests
(`manage.py ...` subprocesses) inherit it.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "centramo-tests-only-not-a-secret-" + "k" * 30)

from portal.settings import *  # noqa: F403
