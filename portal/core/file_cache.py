"""Django's file cache, without listing the whole directory on every write."""

import random

from django.core.cache.backends.filebased import FileBasedCache

CULL_CHANCE = 0.01


class FileCache(FileBasedCache):
    """Culls on about one write in a hundred: Django's own lists every file on each `set`."""

    def _cull(self):
        if random.random() < CULL_CHANCE:
            super()._cull()
