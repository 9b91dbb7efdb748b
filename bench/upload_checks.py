"""Upload checks: how long the PDF scanner takes on real and hostile files (each hostile one
must stop at a bound), and how much memory re-encoding a 50 MP phone photo takes now that a
JPEG is decoded at a reduced scale (before: decoded whole, ~535 MB for 80 MP).

No database needed:
    .venv/bin/python bench/upload_checks.py
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings_test")

import django

django.setup()

from balai.lib.pdf import PdfRefused, pdf_check

TAIL = b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"


def reportlab_pages(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=0)
    for page in range(pages):
        for line in range(40):
            pdf.drawString(
                72, 800 - line * 18, f"Pasal {page}.{line} Peraturan Desa tentang APBDes"
            )
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def pdf_cases() -> dict[str, bytes]:
    bomb = zlib.compress(b"\x00" * 200_000_000, 9)
    objstm = b"9 0 obj\n<< /Type /ObjStm /N 1 /First 2 /Filter /FlateDecode /Length %d >>\nstream\n"
    return {
        "reportlab, 1500 pages": reportlab_pages(1500),
        "10 MB of names": b"%PDF-1.4\n" + b"/a " * 3_300_000 + TAIL,
        "10 MB of integers": b"%PDF-1.4\n" + b"1 " * 5_000_000 + TAIL,
        "10 MB of empty arrays": b"%PDF-1.4\n" + b"[]" * 5_000_000 + TAIL,
        "10 MB of '('": b"%PDF-1.4\n" + b"(" * 10_000_000 + TAIL,
        "10 MB of escapes": b"%PDF-1.4\n(" + b"\\" * 10_000_000 + b")" + TAIL,
        "9 MB of streams": b"%PDF-1.4\n" + b"<<>>stream\nx\nendstream\n" * 400_000 + TAIL,
        "200 MB flate bomb": b"%PDF-1.4\n" + objstm % len(bomb) + bomb + b"\nendstream" + TAIL,
    }


DECODE = """
import os, resource, sys
sys.path.insert(0, {root!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings_test"
import django; django.setup()
from PIL import Image, ImageOps
from balai.lib.uploads import reencode_image
status = open("/proc/self/status").read()
before = int(status.split("VmRSS:")[1].split()[0])  # kB resident now (the peak may be higher)
with open({path!r}, "rb") as fh:
    if {now}:
        reencode_image(fh, max_side=2000)
    else:  # what reencode_image did before: decode whole, then scale
        img = ImageOps.exif_transpose(Image.open(fh)).convert("RGB")
        img.thumbnail((2000, 2000))
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def photo_memory(path: str, *, now: bool) -> str:
    script = DECODE.format(root=str(ROOT), path=path, now=now)
    return subprocess.check_output([sys.executable, "-c", script], text=True).split()[-1]


def phone_photo(path: str) -> int:
    """Drawn in its own process: a child's peak memory starts at its parent's size (fork)."""
    script = (
        "from PIL import Image\n"
        "noise = Image.effect_noise((8160, 6120), 12)\n"
        f"Image.merge('RGB', (noise, noise.rotate(90), noise)).save({path!r}, quality=88)\n"
    )
    subprocess.check_call([sys.executable, "-c", script])
    return os.path.getsize(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "foto.jpg")
        size = phone_photo(path)
        print(f"Re-encoding an 8160 × 6120 (50 MP) JPEG of {size / 1e6:.1f} MB to 2000 px:")
        print(f"  decoded whole (before): peak memory +{photo_memory(path, now=False)} MB")
        print(f"  decoded at 1/4 scale (now): peak memory +{photo_memory(path, now=True)} MB")
    print("PDF check (pdf_check)")
    for name, data in pdf_cases().items():
        start = time.perf_counter()
        try:
            pdf_check(data)
            result = "accepted"
        except PdfRefused as refused:
            result = f"refused ({refused})"
        elapsed = time.perf_counter() - start
        print(f"  {name:24} {len(data) / 1e6:6.1f} MB  {elapsed:5.2f} s  {result}")
    print("Rerun: .venv/bin/python bench/upload_checks.py")


if __name__ == "__main__":
    main()
