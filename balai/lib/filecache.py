"""The default cache without Redis: Django's file cache, counting its folder less often.

Files under one folder are shared by every process of the host (the web workers and the task
worker), written atomically (a temporary file renamed into place) and read without SQL: a cached
page is a handful of small file reads (~40 µs each). Django's FileBasedCache lists the whole
folder on *every* write to decide whether to cull it, which at 20,000 entries costs ~35 ms per
write, added to every page rendered for the first time. This one lists it on one write in
`CULL_EVERY` (per process): the folder may overshoot MAX_ENTRIES by that many writes per process
before a third of it is dropped, which is harmless for a cache. Keys are not checked for
memcached's limits either (they become file names by hashing).
"""

from __future__ import annotations

import itertools
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        options = params.get("OPTIONS", {})
        self.cull_every = max(1, int(options.get("CULL_EVERY", 100)))
        params = {**params, "OPTIONS": {k: v for k, v in options.items() if k != "CULL_EVERY"}}
        super().__init__(dir, params)
        self._writes = itertools.count()

    def validate_key(self, key: str) -> None:
        """Django warns about keys memcached would refuse, char by char, on every operation
        (~5 µs a key); files take any key (it is hashed into the file name)."""

    def _cull(self) -> None:
        if next(self._writes) % self.cull_every == 0:
            super()._cull()  # type: ignore[misc]  # not in django-stubs
