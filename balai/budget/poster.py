"""The APBDes infographic poster every village must put up, as a printable PDF (A3 portrait).

Drawn with reportlab's canvas from the stored figures: village name and logo, year, income by
source, spending by bidang, financing, the main projects and a QR code to the web page.
"""

from __future__ import annotations

import io

import segno
from django.utils.formats import date_format
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A1, A3
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from balai.lib.numbers import percent, rupiah, short_rupiah

INK = HexColor("#1b1f1d")
MUTED = HexColor("#4f5a54")
LINE = HexColor("#c9d1cc")
PALE = HexColor("#eef4f0")
BOLD, REGULAR = "Helvetica-Bold", "Helvetica"


def _mix(color: HexColor, amount: float) -> HexColor:
    """The colour lightened towards white (amount 0 = as is, 1 = white)."""
    r, g, b = (c + (1 - c) * amount for c in (color.red, color.green, color.blue))
    return HexColor(f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}")


class Poster:
    def __init__(
        self, *, village, fiscal_year, tables: dict, projects: list, url: str, size: str = "a3"
    ) -> None:
        self.size = size
        self.village, self.fy, self.t, self.projects, self.url = (
            village,
            fiscal_year,
            tables,
            projects,
            url,
        )
        self.color = HexColor(village.primary_color or "#1f6f43")
        self.width, self.height = A3
        self.margin = 18 * mm

    def render(self) -> bytes:
        out = io.BytesIO()
        c = Canvas(out, pagesize=A1 if self.size == "a1" else A3, pageCompression=1)
        if self.size == "a1":
            # A1 is A3 doubled on both sides (ISO 216): the same layout, printed as a banner.
            c.scale(2, 2)
        c.setTitle(f"APBDes {self.village.display_name} {self.fy.year}")
        c.setAuthor(self.village.display_name)
        self.c = c
        y = self._header()
        y = self._totals(y - 10 * mm) - 10 * mm
        content_w = self.width - 2 * self.margin
        col_w = (content_w - 10 * mm) / 2
        left, right = self.margin, self.margin + col_w + 10 * mm
        self.step = self._bar_step(y)
        y_left = self._bars(left, y, col_w, "PENDAPATAN", "menurut sumber dana", self.t["income"])
        y_right = self._bars(
            right, y, col_w, "BELANJA", "menurut bidang", self.t["bidang"], short=True
        )
        y = min(y_left, y_right) - 8 * mm
        y_fin = self._financing(left, y, col_w)
        y_proj = self._projects(right, y, col_w)
        self._footer(min(y_fin, y_proj))
        c.showPage()
        c.save()
        return out.getvalue()

    def _bar_step(self, top: float) -> float:
        """Height per bar so both rows fit above the footer, at most 25 mm."""
        footer_top = self.margin + 50 * mm
        fin_h = 17 * mm + (len(self.t["financing"]) + 3) * 12 * mm
        proj_h = 17 * mm + max(min(len(self.projects), 5), 1) * 19 * mm
        room = top - footer_top - max(fin_h, proj_h) - 8 * mm - 17 * mm - 6 * mm
        count = max(len(self.t["income"][:8]), len(self.t["bidang"][:8]), 1)
        return max(min(25 * mm, room / count), 19.5 * mm)

    def _header(self) -> float:
        c, top = self.c, self.height
        band = 62 * mm
        c.setFillColor(self.color)
        c.rect(0, top - band, self.width, band, stroke=0, fill=1)
        x = self.margin
        if self.village.logo:
            try:
                with self.village.logo.open("rb") as fh:
                    logo = ImageReader(io.BytesIO(fh.read()))
                c.setFillColor(white)
                c.circle(x + 20 * mm, top - band / 2, 21 * mm, stroke=0, fill=1)
                c.drawImage(
                    logo,
                    x + 4 * mm,
                    top - band / 2 - 16 * mm,
                    32 * mm,
                    32 * mm,
                    preserveAspectRatio=True,
                    mask="auto",
                )
                x += 48 * mm
            except (OSError, ValueError):
                pass
        c.setFillColor(white)
        c.setFont(BOLD, 20)
        c.drawString(x, top - 20 * mm, "INFOGRAFIS APBDES")
        c.setFont(BOLD, 38)
        c.drawString(x, top - 36 * mm, self.village.display_name.upper())
        c.setFont(REGULAR, 16)
        kecamatan = self.village.region.parent.name if self.village.region.parent else ""
        c.drawString(x, top - 46 * mm, f"Kecamatan {kecamatan} · Tahun Anggaran {self.fy.year}")
        perdes = self._perdes()
        if perdes:
            c.setFont(REGULAR, 12)
            c.drawString(x, top - 54 * mm, perdes)
        c.setFont(BOLD, 64)
        c.drawRightString(self.width - self.margin, top - 42 * mm, str(self.fy.year))
        return top - band

    def _perdes(self) -> str:
        fy = self.fy
        parts = []
        if fy.perdes_number:
            when = date_format(fy.perdes_date, "j F Y") if fy.perdes_date else ""
            parts.append(f"Perdes APBDes No. {fy.perdes_number}" + (f", {when}" if when else ""))
        if fy.revision_number:
            parts.append(f"Perubahan: Perdes No. {fy.revision_number}")
        return " · ".join(parts)

    def _totals(self, y: float) -> float:
        c = self.c
        boxes = [
            ("PENDAPATAN", self.t["totals"][0]),
            ("BELANJA", self.t["totals"][1]),
            ("PEMBIAYAAN NETTO", {"budget": self.t["net_financing"], "realised": None}),
        ]
        w = (self.width - 2 * self.margin - 2 * 6 * mm) / 3
        h = 34 * mm
        for i, (label, item) in enumerate(boxes):
            x = self.margin + i * (w + 6 * mm)
            c.setFillColor(PALE)
            c.setStrokeColor(self.color)
            c.setLineWidth(1.5)
            c.roundRect(x, y - h, w, h, 3 * mm, stroke=1, fill=1)
            c.setFillColor(MUTED)
            c.setFont(BOLD, 12)
            c.drawString(x + 5 * mm, y - 9 * mm, label)
            c.setFillColor(INK)
            c.setFont(BOLD, 22)
            c.drawString(x + 5 * mm, y - 20 * mm, rupiah(item["budget"]))
            if item.get("realised") is not None and item["budget"]:
                c.setFont(REGULAR, 11)
                c.setFillColor(MUTED)
                c.drawString(
                    x + 5 * mm,
                    y - 28 * mm,
                    f"Realisasi {rupiah(item['realised'])} "
                    f"({percent(item['realised'], item['budget'])})",
                )
        return y - h

    def _title(self, x: float, y: float, w: float, title: str, sub: str) -> float:
        c = self.c
        c.setFillColor(self.color)
        c.rect(x, y - 11 * mm, 3 * mm, 11 * mm, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(BOLD, 20)
        c.drawString(x + 6 * mm, y - 6 * mm, title)
        c.setFont(REGULAR, 12)
        c.setFillColor(MUTED)
        c.drawString(x + 6 * mm, y - 11 * mm, sub)
        return y - 17 * mm

    def _bars(
        self, x: float, y: float, w: float, title: str, sub: str, items: list, short: bool = False
    ) -> float:
        c = self.c
        y = self._title(x, y, w, title, sub)
        top = max((i["budget"] for i in items), default=0) or 1
        for item in items[:8]:
            label = item.get("short") if short else item["label"]
            c.setFillColor(INK)
            c.setFont(BOLD, 13)
            c.drawString(x, y - 4.5 * mm, str(label)[:44])
            c.setFont(REGULAR, 13)
            c.drawRightString(x + w, y - 4.5 * mm, rupiah(item["budget"]))
            bar_w = max(w * item["budget"] / top, 2 * mm)
            c.setFillColor(_mix(self.color, 0.72))
            c.roundRect(x, y - 12.5 * mm, bar_w, 6 * mm, 1 * mm, stroke=0, fill=1)
            real_w = min(w * item["realised"] / top, bar_w - 1 * mm)
            if real_w > 0.5 * mm:
                c.setFillColor(self.color)
                c.rect(x + 0.5 * mm, y - 11.5 * mm, real_w, 4 * mm, stroke=0, fill=1)
            c.setFillColor(MUTED)
            c.setFont(REGULAR, 10.5)
            share = percent(item["budget"], sum(i["budget"] for i in items))
            c.drawString(
                x,
                y - 16.5 * mm,
                f"{share} dari total · terealisasi {percent(item['realised'], item['budget'])}",
            )
            y -= self.step
        c.setFont(REGULAR, 10)
        c.setFillColor(_mix(self.color, 0.72))
        c.rect(x, y - 3 * mm, 4 * mm, 3 * mm, stroke=0, fill=1)
        c.setFillColor(self.color)
        c.rect(x + 28 * mm, y - 3 * mm, 4 * mm, 3 * mm, stroke=0, fill=1)
        c.setFillColor(MUTED)
        c.drawString(x + 6 * mm, y - 2.5 * mm, "Anggaran")
        c.drawString(x + 34 * mm, y - 2.5 * mm, "Realisasi")
        return y - 6 * mm

    def _financing(self, x: float, y: float, w: float) -> float:
        c = self.c
        y = self._title(x, y, w, "PEMBIAYAAN", "dan surplus/defisit")
        rows = [(f["label"], f["budget"]) for f in self.t["financing"]]
        rows += [
            ("Surplus/(defisit) anggaran", self.t["surplus"]),
            ("Pembiayaan netto", self.t["net_financing"]),
            ("Sisa lebih pembiayaan (SiLPA)", self.t["silpa"]),
        ]
        for i, (label, amount) in enumerate(rows):
            strong = i >= len(rows) - 3
            c.setFont(BOLD if strong else REGULAR, 13)
            c.setFillColor(INK)
            lines = simpleSplit(str(label), BOLD if strong else REGULAR, 13, w - 48 * mm)
            for n, text in enumerate(lines[:2]):
                c.drawString(x, y - 4 * mm - n * 4.5 * mm, text)
            c.drawRightString(x + w, y - 4 * mm, rupiah(amount))
            y -= (6 + 5 * min(len(lines), 2)) * mm
            c.setStrokeColor(LINE)
            c.setLineWidth(0.5)
            c.line(x, y + 2 * mm, x + w, y + 2 * mm)
        return y

    def _projects(self, x: float, y: float, w: float) -> float:
        c = self.c
        y = self._title(x, y, w, "PEMBANGUNAN UTAMA", f"tahun {self.fy.year}")
        if not self.projects:
            c.setFont(REGULAR, 11)
            c.setFillColor(MUTED)
            c.drawString(x, y - 4 * mm, "Belum ada kegiatan pembangunan yang dicatat.")
            return y - 8 * mm
        for project in self.projects[:5]:
            c.setFillColor(INK)
            c.setFont(BOLD, 13)
            lines = simpleSplit(project.name, BOLD, 13, w - 30 * mm)
            for n, text in enumerate(lines[:2]):
                c.drawString(x, y - 5 * mm - n * 5 * mm, text)
            c.drawRightString(x + w, y - 5 * mm, short_rupiah(project.budget))
            dy = 5 + 5 * min(len(lines), 2)
            detail = " · ".join(
                p
                for p in (
                    f"{project.volume.normalize():f} {project.unit}" if project.volume else "",
                    project.location,
                    f"progres {project.progress}%",
                )
                if p
            )
            c.setFont(REGULAR, 11)
            c.setFillColor(MUTED)
            c.drawString(x, y - (dy + 1) * mm, detail[:70])
            y -= (dy + 8) * mm
        return y

    def _footer(self, y: float) -> None:
        c = self.c
        box = 40 * mm
        bottom = self.margin
        c.setStrokeColor(LINE)
        c.setLineWidth(1)
        c.line(self.margin, bottom + box + 6 * mm, self.width - self.margin, bottom + box + 6 * mm)
        qr = segno.make(self.url, error="m")
        png = io.BytesIO()
        qr.save(png, kind="png", scale=8, border=1)
        png.seek(0)
        c.drawImage(ImageReader(png), self.width - self.margin - box, bottom, box, box)
        c.setFillColor(INK)
        c.setFont(BOLD, 16)
        c.drawString(self.margin, bottom + box - 8 * mm, "Rincian lengkap dan realisasi terbaru:")
        c.setFont(REGULAR, 13)
        c.setFillColor(self.color)
        c.drawString(self.margin, bottom + box - 16 * mm, self.url)
        c.setFillColor(MUTED)
        c.setFont(REGULAR, 11)
        c.drawString(
            self.margin,
            bottom + box - 26 * mm,
            "Pindai kode QR dengan kamera ponsel. Anggaran dalam rupiah;",
        )
        c.drawString(
            self.margin,
            bottom + box - 31 * mm,
            "bila ada APBDes Perubahan, angka yang ditampilkan adalah anggaran perubahan.",
        )
        c.drawString(self.margin, bottom + 2 * mm, f"Pemerintah {self.village.display_name}")


def poster_pdf(
    *, village, fiscal_year, tables: dict, projects: list, url: str, size: str = "a3"
) -> bytes:
    """The poster as PDF bytes; size "a3" (portrait) or "a1" (the same layout, twice as big)."""
    return Poster(
        village=village,
        fiscal_year=fiscal_year,
        tables=tables,
        projects=projects,
        url=url,
        size=size,
    ).render()
