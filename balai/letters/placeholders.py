"""The placeholder language of letter templates: district-written text, never code.

A template is plain text. `{{ penduduk.nama }}` prints one field from a fixed list (FIELDS, plus
the template's own `isian.<name>` fields), `{% jika isian.x %}…{% selain %}…{% akhir %}` keeps a
part only when the field has a value. A line starting with `|` is a row of the data table
(`| Nama | {{ penduduk.nama }}`); blank lines separate paragraphs; the last paragraph is the
closing, printed together with the signature. Nothing else is understood: no filters, no
attribute lookups, no Django template engine, so a template cannot run anything. Mistakes are
reported with their line number when the template is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Every field a template may print, by group, with the label the editor lists.
FIELDS: dict[str, Any] = {
    "penduduk.nama": gettext_lazy("nama lengkap"),
    "penduduk.nik": gettext_lazy("NIK"),
    "penduduk.no_kk": gettext_lazy("nomor KK"),
    "penduduk.tempat_lahir": gettext_lazy("tempat lahir"),
    "penduduk.tanggal_lahir": gettext_lazy("tanggal lahir"),
    "penduduk.tempat_tanggal_lahir": gettext_lazy("tempat, tanggal lahir"),
    "penduduk.umur": gettext_lazy("umur (tahun)"),
    "penduduk.jenis_kelamin": gettext_lazy("jenis kelamin"),
    "penduduk.agama": gettext_lazy("agama"),
    "penduduk.pekerjaan": gettext_lazy("pekerjaan"),
    "penduduk.pendidikan": gettext_lazy("pendidikan dalam KK"),
    "penduduk.status_perkawinan": gettext_lazy("status perkawinan"),
    "penduduk.kewarganegaraan": gettext_lazy("kewarganegaraan"),
    "penduduk.golongan_darah": gettext_lazy("golongan darah"),
    "penduduk.nama_ayah": gettext_lazy("nama ayah"),
    "penduduk.nama_ibu": gettext_lazy("nama ibu"),
    "penduduk.akta_lahir": gettext_lazy("nomor akta kelahiran"),
    "penduduk.alamat": gettext_lazy("alamat (dengan RT/RW dan dusun)"),
    "penduduk.rt": gettext_lazy("RT"),
    "penduduk.rw": gettext_lazy("RW"),
    "penduduk.dusun": gettext_lazy("dusun"),
    "penduduk.status": gettext_lazy("status (hidup, meninggal, pindah…)"),
    "penduduk.hubungan_keluarga": gettext_lazy("hubungan dalam keluarga"),
    "keluarga.no_kk": gettext_lazy("nomor KK"),
    "keluarga.kepala": gettext_lazy("nama kepala keluarga"),
    "keluarga.alamat": gettext_lazy("alamat keluarga"),
    "keluarga.jumlah_anggota": gettext_lazy("jumlah anggota keluarga"),
    "desa.nama": gettext_lazy("nama desa (mis. Desa Dagan)"),
    "desa.sebutan": gettext_lazy("Desa atau Kelurahan"),
    "desa.kepala_sebutan": gettext_lazy("Kepala Desa atau Lurah"),
    "desa.jabatan_kepala": gettext_lazy("jabatan kepala (mis. Kepala Desa Dagan)"),
    "desa.kecamatan": gettext_lazy("kecamatan"),
    "desa.kabupaten": gettext_lazy("kabupaten"),
    "desa.provinsi": gettext_lazy("provinsi"),
    "desa.alamat_kantor": gettext_lazy("alamat kantor desa"),
    "desa.kode": gettext_lazy("kode wilayah desa"),
    "penanda.nama": gettext_lazy("nama penanda tangan"),
    "penanda.jabatan": gettext_lazy("jabatan penanda tangan"),
    "surat.nomor": gettext_lazy("nomor surat"),
    "surat.tanggal": gettext_lazy("tanggal surat"),
    "surat.judul": gettext_lazy("judul surat"),
    "surat.kode": gettext_lazy("kode klasifikasi"),
}
SYNTAX_HELP = gettext_lazy(
    "Tulis {{ penduduk.nama }} untuk mencetak isian; {% jika isian.x %}…{% selain %}…{% akhir %} "
    "untuk bagian yang hanya muncul bila isian terisi. Baris yang diawali | menjadi baris tabel "
    "data: | Label | isi. Baris kosong memisahkan paragraf; paragraf terakhir adalah penutup yang "
    "dicetak bersama tanda tangan."
)
OPERATOR_GROUP = "isian"
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_REFERENCE = re.compile(r"[a-z_]+\.[a-z0-9_]+")
_TOKEN = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}")
_STRAY = ("{{", "}}", "{%", "%}")


class TemplateError(ValueError):
    """A template or a field list that cannot be saved: (line, message) pairs."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{line}: {msg}" for line, msg in problems))

    def messages(self) -> list[str]:
        return [
            _("Baris %(line)d: %(msg)s") % {"line": ln, "msg": msg} for ln, msg in self.problems
        ]


@dataclass
class Var:
    name: str


@dataclass
class If:
    name: str
    then: list[Any] = field(default_factory=list)
    otherwise: list[Any] = field(default_factory=list)


Node = str | Var | If


def _check_name(name: str, allowed: set[str]) -> str | None:
    if not _REFERENCE.fullmatch(name):
        return _("tulisan “%(name)s” bukan nama isian (contoh: {{ penduduk.nama }})") % {
            "name": name
        }
    if name not in allowed:
        return _("isian “%(name)s” tidak dikenal; lihat daftar isian") % {"name": name}
    return None


def allowed_names(operator_fields: list[dict[str, Any]]) -> set[str]:
    return set(FIELDS) | {f"{OPERATOR_GROUP}.{f['name']}" for f in operator_fields}


def parse(body: str, operator_fields: list[dict[str, Any]]) -> list[Node]:
    """The template as a tree, or TemplateError naming every mistake with its line."""
    allowed = allowed_names(operator_fields)
    problems: list[tuple[int, str]] = []
    root: list[Node] = []
    # Each open block: (the list being filled, the If, the line it opened on).
    stack: list[tuple[list[Node], If | None, int]] = [(root, None, 0)]
    for lineno, line in enumerate(body.splitlines(keepends=True), 1):
        pos = 0
        for match in _TOKEN.finditer(line):
            _text(line[pos : match.start()], lineno, stack[-1][0], problems)
            pos = match.end()
            if match.group(1) is not None:
                name = match.group(1).strip()
                problem = _check_name(name, allowed)
                if problem:
                    problems.append((lineno, problem))
                stack[-1][0].append(Var(name))
            else:
                _tag(match.group(2).split(), lineno, stack, allowed, problems)
        _text(line[pos:], lineno, stack[-1][0], problems)
    for _nodes, block, opened in stack[1:]:
        assert block is not None
        problems.append((opened, _("{% jika %} ini tidak ditutup dengan {% akhir %}")))
    if problems:
        raise TemplateError(problems)
    return root


def _text(text: str, lineno: int, nodes: list[Node], problems: list[tuple[int, str]]) -> None:
    for stray in _STRAY:
        if stray in text:
            problems.append(
                (
                    lineno,
                    _("tanda “%(mark)s” tanpa pasangannya di baris yang sama") % {"mark": stray},
                )
            )
            return
    if text:
        nodes.append(text)


def _tag(
    words: list[str],
    lineno: int,
    stack: list[tuple[list[Node], If | None, int]],
    allowed: set[str],
    problems: list[tuple[int, str]],
) -> None:
    head = words[0] if words else ""
    if head == "jika" and len(words) == 2:
        problem = _check_name(words[1], allowed)
        if problem:
            problems.append((lineno, problem))
        new = If(words[1])
        stack[-1][0].append(new)
        stack.append((new.then, new, lineno))
    elif head == "selain" and len(words) == 1 and stack[-1][1] is not None:
        nodes, block, opened = stack.pop()
        assert block is not None
        if nodes is block.otherwise:
            problems.append((lineno, _("{% selain %} kedua dalam satu {% jika %}")))
        stack.append((block.otherwise, block, opened))
    elif head == "akhir" and len(words) == 1 and stack[-1][1] is not None:
        stack.pop()
    elif head in ("selain", "akhir") and len(words) == 1:
        problems.append((lineno, _("{%% %(tag)s %%} tanpa {%% jika %%}") % {"tag": head}))
    else:
        problems.append(
            (
                lineno,
                _("perintah “%(tag)s” tidak dikenal; yang ada: jika, selain, akhir")
                % {"tag": " ".join(words)},
            )
        )


def render_text(nodes: list[Node], data: dict[str, str]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Var):
            out.append(data.get(node.name, ""))
        else:
            out.append(render_text(node.then if data.get(node.name) else node.otherwise, data))
    return "".join(out)


def used_names(nodes: list[Node]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, Var):
            names.add(node.name)
        elif isinstance(node, If):
            names |= {node.name} | used_names(node.then) | used_names(node.otherwise)
    return names


@dataclass
class Block:
    """A paragraph (`rows` empty) or a data table (`text` empty)."""

    text: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    """The rendered text as paragraphs and tables: lines starting with `|` are table rows."""
    found: list[Block] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            found.append(Block(text=" ".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            close()
            cells = [c.strip() for c in line.strip("|").split("|", 1)]
            row = (cells[0], cells[1] if len(cells) > 1 else "")
            if found and found[-1].rows:
                found[-1].rows.append(row)
            else:
                found.append(Block(rows=[row]))
        elif line:
            paragraph.append(line)
        else:
            close()
    close()
    return found


# ---------------------------------------------------------------------------------------------
# The fields a template asks the operator for, written one per line in the editor:
#   keperluan | Keperluan | teks | wajib
#   jenis_usaha | Jenis usaha | pilihan: Dagang; Jasa; Pertanian | opsional


def parse_fields(text: str) -> list[dict[str, Any]]:
    problems: list[tuple[int, str]] = []
    fields: list[dict[str, Any]] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) != 4:
            problems.append((lineno, _("tulis: nama | label | jenis | wajib atau opsional")))
            continue
        name, label, kind, need = parts
        kind_word, _sep, options = kind.partition(":")
        choices = [c.strip() for c in options.split(";") if c.strip()]
        if not FIELD_NAME.fullmatch(name):
            problems.append((lineno, _("nama isian memakai huruf kecil, angka dan _ saja")))
        elif name in seen:
            problems.append((lineno, _("nama isian “%(name)s” dipakai dua kali") % {"name": name}))
        if not label:
            problems.append((lineno, _("label isian kosong")))
        if kind_word.strip() not in ("teks", "tanggal", "angka", "pilihan"):
            problems.append((lineno, _("jenis isian: teks, tanggal, angka atau pilihan")))
        elif kind_word.strip() == "pilihan" and len(choices) < 2:
            problems.append((lineno, _("pilihan perlu paling sedikit dua, dipisah dengan ;")))
        if need not in ("wajib", "opsional"):
            problems.append((lineno, _("tulis wajib atau opsional")))
        seen.add(name)
        fields.append(
            {
                "name": name,
                "label": label,
                "kind": kind_word.strip(),
                "required": need == "wajib",
                "choices": choices,
            }
        )
    if problems:
        raise TemplateError(problems)
    return fields


def fields_text(fields: list[dict[str, Any]]) -> str:
    lines = []
    for f in fields:
        kind = f["kind"] + (": " + "; ".join(f["choices"]) if f["kind"] == "pilihan" else "")
        lines.append(
            f"{f['name']} | {f['label']} | {kind} | {'wajib' if f['required'] else 'opsional'}"
        )
    return "\n".join(lines)
