"""collectstatic (make run, the production stack) post-processes every stylesheet and script and
refuses one that names a file it does not have: a vendored file's source-map line must point at a
map that is shipped too."""

from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "static"
MAP = re.compile(rb"sourceMappingURL=([^\s*]+)")


def test_every_source_map_named_by_a_static_file_is_shipped():
    missing = []
    for path in [*STATIC.rglob("*.js"), *STATIC.rglob("*.css")]:
        for name in MAP.findall(path.read_bytes()):
            target = name.decode()
            if not target.startswith("data:") and not (path.parent / target).exists():
                missing.append(f"{path.relative_to(STATIC)} → {target}")
    assert missing == []
