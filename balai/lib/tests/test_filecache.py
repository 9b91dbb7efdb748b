"""The file cache counts its folder on one write in CULL_EVERY, and still stays bounded."""

from __future__ import annotations

from unittest import mock

from balai.lib.filecache import FileCache


def _cache(tmp_path, **options) -> FileCache:
    return FileCache(str(tmp_path), {"OPTIONS": options})


def test_the_folder_is_listed_once_per_cull_every_writes(tmp_path):
    cache = _cache(tmp_path, MAX_ENTRIES=1000, CULL_EVERY=50)
    with mock.patch.object(FileCache, "_list_cache_files", return_value=[]) as listing:
        for i in range(100):
            cache.set(f"k{i}", i)
    assert listing.call_count == 2
    assert cache.get("k99") == 99


def test_the_folder_stays_bounded(tmp_path):
    cache = _cache(tmp_path, MAX_ENTRIES=30, CULL_EVERY=10, CULL_FREQUENCY=3)
    for i in range(300):
        cache.set(f"k{i}", i)
    assert len(list(tmp_path.glob("*.djcache"))) < 30 + 10 + 1
