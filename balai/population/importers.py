"""The register import on the pipeline (balai.imports): OpenSID's 43-column layout, every
data sheet of the workbook (OpenSID reads all but "Kode Data"), row rules in import_rows,
checks between rows in import_across, the compare and the write in import_write."""

from __future__ import annotations

from typing import Any, ClassVar

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balai.imports.registry import Changes, Columns, Context, Importer, Issues, Page, RowRef
from balai.imports.registry import register as register_importer
from balai.population import import_headers, import_write
from balai.population.import_across import check_across
from balai.population.import_rows import COLUMNS, REQUIRED, I, ResidentRow, RowRules
from balai.population.models import Resident

NIK = I["nik"]


@register_importer
class ResidentsImporter(Importer[ResidentRow]):
    key = "population.residents"
    domain = "population"
    area = "personal"
    label = gettext_lazy("Data penduduk")
    sheets = "all"
    # OpenSID's database-code headers, or the template's Indonesian ones.
    columns: ClassVar[Columns] = Columns(
        names=tuple(COLUMNS), aliases=import_headers.aliases(), required=REQUIRED
    )
    cache_rows = True
    partial = True  # the good families only, when the admin chooses it
    refuse_merged = True
    max_rows = 200_000

    def __init__(self) -> None:
        super().__init__()
        self.missing: set[str] = set()

    def prepare(self, job: Any) -> Context:
        ctx = super().prepare(job)
        village = job.village
        ctx.extra["rules"] = RowRules(
            region_digits=village.region.digits, today=timezone.localdate()
        )
        return ctx

    def header_found(self, name: str, sheet: int, index: list[int | None]) -> None:
        self.missing.update(c for c, i in zip(COLUMNS, index, strict=True) if i is None)

    def notes(self) -> list[str]:
        if not self.missing:
            return []
        columns = ", ".join(c for c in COLUMNS if c in self.missing)
        return [
            _("Kolom ini tidak ada di berkas dan dibaca sebagai kosong: %(cols)s.")
            % {"cols": columns}
        ]

    def parse_row(
        self, ctx: Context, ref: RowRef, cells: list[Any], issues: Issues
    ) -> ResidentRow | None:
        return ctx.extra["rules"](ref, cells, issues)

    def check_across(self, ctx: Context, rows: list[ResidentRow], issues: Issues) -> None:
        in_file = {r.values[0] for r in rows}
        # Families whose living head is registered already (and not in this file) are headed.
        headed = {
            number
            for number, head_nik in Resident.objects.for_village(ctx.village)
            .filter(status=Resident.ALIVE, family_relation=1)
            .values_list("family__number", "nik")
            if head_nik not in in_file
        }
        check_across(rows, issues, headed=headed, file_checked=ctx.extra.get("reused", False))

    def held_back(
        self, ctx: Context, rows: list[ResidentRow], issues: Issues
    ) -> set[tuple[int, int]]:
        return held_families(rows, issues.refused)

    def row_ref(self, row: ResidentRow) -> RowRef:
        return row.ref

    def group_count(self, rows: list[ResidentRow]) -> int:
        return len({r.family if _valid_kk(r.family) else r.ref for r in rows})

    def compare(self, ctx: Context, rows: list[ResidentRow]) -> Changes:
        return import_write.compare(ctx.village, rows)

    def write(self, ctx: Context, rows: list[ResidentRow], changes: Changes) -> dict[str, int]:
        from balai.audit.services import audit_record

        written = import_write.write(ctx.village, rows, changes)
        audit_record(
            actor=ctx.job.uploaded_by,
            village=ctx.village,
            action="population.import",
            target=_("impor %(n)s") % {"n": ctx.job.pk},
            added=written["added"],
            updated=written["updated"],
        )
        return written

    def after_write(self, ctx: Context) -> None:
        from balai.population.tasks import figures_task

        figures_task.enqueue(ctx.village.pk)

    def dump_rows(self, rows: list[ResidentRow]) -> Any:
        return list(map(tuple, rows))  # plain tuples of text, numbers and None

    def load_rows(self, data: Any) -> list[ResidentRow]:
        return list(map(ResidentRow._make, data))

    def page(self, job: Any) -> Page:
        slug = job.village.slug
        imports = reverse("population_dashboard:imports", kwargs={"slug": slug})
        return Page(
            title=_("Hasil pemeriksaan berkas penduduk"),
            back_url=imports,
            back_label=_("Impor dan ekspor"),
            upload_url=imports,
            done_url=reverse("population_dashboard:residents", kwargs={"slug": slug}),
            done_label=_("Lihat data penduduk"),
        )


def _valid_kk(number: str) -> bool:
    return len(number) == 16 and number.isdigit() and number.isascii()


def held_families(rows: list[ResidentRow], refused: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The rows to hold back when the admin imports the good families only: every family (the
    rows sharing a valid No. KK) with a refused row; a refused row without a valid No. KK is
    held alone.

    A NIK found on two rows refuses only the later one, yet both rows are held back (and their
    families with them): the file cannot tell which of the two people carries that NIK, and
    importing the first would write it under a person the corrected row might then "update"
    into somebody else. Nothing a held family contains can make a family that is imported
    inconsistent: the checks between rows (one living head, parents' ages) stay within a
    family, and the pipeline checks the imported families again on their own."""
    seen: dict[str, list[ResidentRow]] = {}
    held_rows: list[ResidentRow] = []
    for row in rows:
        key = (row.ref[0], row.ref[2])
        number = row.values[NIK]
        if number and number != "0":
            seen.setdefault(number, []).append(row)
        if key in refused:
            held_rows.append(row)
    held_rows += [r for same in seen.values() if len(same) > 1 for r in same]
    families = {r.family for r in held_rows if _valid_kk(r.family)}
    held = {(r.ref[0], r.ref[2]) for r in held_rows}
    held.update((r.ref[0], r.ref[2]) for r in rows if r.family in families)
    return held
