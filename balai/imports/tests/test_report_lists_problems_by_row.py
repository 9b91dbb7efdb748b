"""The report of a refused import lists one line per spreadsheet row, naming each faulty column
and what is wrong with it: a row with three mistakes is one line to fix, not three entries to
scroll past on a phone. Warnings are listed the same way."""

from __future__ import annotations

import re

from django.urls import reverse

from balai.imports.models import ImportJob
from balai.imports.templatetags.import_report import by_row
from balai.imports.tests.jobs import make_job

ERRORS = [
    [4, "nik", "Isi NIK dengan 16 angka, atau 0 bila belum punya."],
    [4, "sex", "“X” bukan kode atau nama yang dikenal."],
    [4, "tanggallahir", "Tanggal ini ada di masa depan."],
    [7, "nama", "Nama wajib diisi."],
    [7, "Dusun II!nik", "NIK ini sudah dipakai di baris 3."],
]


def _lines(html: str, caption: str) -> list[str]:
    table = re.search(rf"<caption[^>]*>{caption}</caption>(.*?)</table>", html, re.S)
    assert table, caption
    return re.findall(r"<tr>(.*?)</tr>", table.group(1).split("<tbody>")[1], re.S)


def test_a_row_with_three_mistakes_is_one_line_naming_each_column(client, alice, dagan):
    report = {
        "rows": 20, "good": 17, "refused": 3, "error_count": len(ERRORS), "errors": ERRORS,
        "warning_count": 2,
        "warnings": [[5, "nik", "Tanggal lahir di NIK tidak sama."], [5, "rt", "RT kosong."]],
    }  # fmt: skip
    job = make_job(dagan, status=ImportJob.Status.REFUSED, report=report)
    client.force_login(alice)
    url = reverse("population_dashboard:import", kwargs={"slug": "dagan", "pk": job.pk})
    html = client.get(url).content.decode()

    lines = _lines(html, "Baris yang salah")
    assert len(lines) == 3  # row 4, row 7 of the first sheet, row 7 of sheet "Dusun II"
    assert '<th scope="row">4</th>' in lines[0]
    for column in ("nik", "sex", "tanggallahir"):
        assert f'<span class="issue-column">{column}</span>:' in lines[0]
    assert "Tanggal ini ada di masa depan." in lines[0] and "Nama wajib diisi." not in lines[0]
    assert "Nama wajib diisi." in lines[1] and "Dusun II!nik" in lines[2]
    warnings = _lines(html, r"Peringatan \(tetap diimpor\)")
    assert len(warnings) == 1 and "RT kosong." in warnings[0]
    assert 'class="stack"' not in html.split('id="import-report"')[1]


def test_problems_of_the_whole_file_stay_apart_and_rows_keep_their_order():
    groups = by_row([[None, "", "Lembar kosong."], [None, "", "Kolom hilang."], *ERRORS[:2]])
    assert [g["number"] for g in groups] == [None, None, 4]
    assert groups[2]["problems"] == [("nik", ERRORS[0][2]), ("sex", ERRORS[1][2])]
    assert by_row([]) == []
