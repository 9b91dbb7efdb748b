"""Issue 14 WordPress: reading a WXR export near the 50 MB upload limit (6,500 posts of
~4 KB with categories, tags, post meta and a comment each) through the streaming reader — time
and peak Python memory (tracemalloc) — and how soon hostile files are refused: a billion-laughs
file, and the same with its DOCTYPE pushed 1 MB down behind a comment. No database.

    .venv/bin/python bench/wordpress_read.py
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("BALAI_VAR_DIR", tempfile.mkdtemp(prefix="balai-wp-bench-"))

import django

django.setup()

from balai.imports.registry import Issues
from balai.moving.wordpress import WxrProblem, plan_wordpress, read_wxr

FIXTURE = Path(__file__).resolve().parents[1] / "balai/moving/tests/data/wordpress_karangsari.xml"


def big_export(posts: int) -> bytes:
    text = FIXTURE.read_text()
    head, rest = text.split("\t<item>", 1)
    item = "\t<item>" + rest.split("</item>", 1)[0] + "</item>\n"
    body = "<p>" + "Warga bergotong royong membersihkan saluran irigasi desa. " * 70 + "</p>"
    parts = [head]
    for n in range(posts):
        parts.append(
            item.replace("<wp:post_id>11</wp:post_id>", f"<wp:post_id>{1000 + n}</wp:post_id>")
            .replace("musyawarah-desa-2024", f"tulisan-{n}")
            .replace("Musyawarah Desa tahun 2024", body)
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts).encode()


def main() -> None:
    data = big_export(6_500)
    print(f"WXR: {len(data) / 1024 / 1024:.1f} MB, 6,500 posts")
    tracemalloc.start()
    started = time.perf_counter()
    wxr = read_wxr(io.BytesIO(data))
    read = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"read: {read:.2f} s, peak Python memory {peak / 1024 / 1024:.1f} MB, "
        f"{len(wxr.items)} items"
    )
    started = time.perf_counter()
    plan = plan_wordpress(wxr, None, Issues())
    print(
        f"plan (no uploads zip): {time.perf_counter() - started:.2f} s, "
        f"{plan.counts['posts']} posts"
    )
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
        )
        + b']>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&j;</title>'
        b"</channel></rss>"
    )
    for label, hostile in (
        ("billion laughs", laughs),
        (
            "DOCTYPE behind a 1 MB comment",
            laughs.replace(b"<!DOCTYPE", b"<!--" + b"x" * 1_000_000 + b"-->\n<!DOCTYPE"),
        ),
    ):
        started = time.perf_counter()
        try:
            read_wxr(io.BytesIO(hostile))
        except WxrProblem:
            print(f"{label}: refused in {(time.perf_counter() - started) * 1000:.1f} ms")
        else:
            raise SystemExit(f"{label}: NOT refused")
    print("command: .venv/bin/python bench/wordpress_read.py")


if __name__ == "__main__":
    main()
