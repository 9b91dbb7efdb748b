"""The district's template editor (versions, publish, refusals with the line) and the monthly
counts (counts only)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from balai.letters.models import LetterType, TemplateVersion
from balai.letters.services import issue_letter

pytestmark = pytest.mark.django_db
EDIT = reverse("letters_district_dashboard:template", kwargs={"key": "domisili"})
FORM = {
    "title": "Surat Keterangan Domisili",
    "code": "470",
    "fields_text": "keperluan | Keperluan | teks | wajib",
    "body": "Untuk {{ penduduk.nama }}.\n\n{{ isian.keperluan }}.\n\nDemikian.",
    "needs_living": "on",
    "publish": "on",
}


def test_only_district_admins(login, alice):
    assert login(alice).get(EDIT).status_code == 404


def test_save_makes_a_version_and_publishes_it(login, dina):
    client = login(dina)
    assert "penduduk.nama" in client.get(EDIT).content.decode()  # the field list is shown
    client.post(EDIT, FORM)
    letter_type = LetterType.objects.get(key="domisili")
    assert letter_type.current.number == 2
    client.post(EDIT, {**FORM, "title": "Draf", "publish": ""})
    letter_type.refresh_from_db()
    assert letter_type.current.number == 2 and letter_type.versions.count() == 3
    draft = TemplateVersion.objects.get(letter_type=letter_type, number=3)
    publish = reverse(
        "letters_district_dashboard:template_publish", kwargs={"key": "domisili", "pk": draft.pk}
    )
    client.post(publish)
    letter_type.refresh_from_db()
    assert letter_type.current == draft


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"body": "Satu\nDua {{ penduduk.gaji }}"}, "body", "Baris 2"),
        ({"body": "{% jika isian.keperluan %}\nx"}, "body", "Baris 1"),
        ({"body": "{{ isian.tidak_ada }}"}, "body", "isian.tidak_ada"),
        ({"fields_text": "a | A | teks | wajib\nb | B"}, "fields_text", "Baris 2"),
        ({"code": "abc"}, "code", "kode angka"),
    ],
)
def test_bad_templates_are_refused_with_the_line(login, dina, change, field, message):
    client = login(dina)
    response = client.post(EDIT, {**FORM, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert TemplateVersion.objects.filter(letter_type__key="domisili").count() == 1


def test_monthly_counts_per_type_are_counts_only(login, dina, dagan, resident, officials):
    for day in (datetime.date(2026, 3, 2), datetime.date(2026, 3, 9), datetime.date(2026, 4, 1)):
        issue_letter(
            village=dagan,
            template="skck",
            resident=resident,
            values={"keperluan": "x"},
            signer=officials[0],
            on_behalf=False,
            user=None,
            day=day,
        )
    html = (
        login(dina).get(reverse("letters_district_dashboard:home") + "?tahun=2026").content.decode()
    )
    row = html.split("Surat Pengantar SKCK</th>", 1)[1].split("</tr>", 1)[0]
    assert "<td>0</td><td>0</td><td>2</td><td>1</td>" in row
    assert resident.name not in html and "300/001" not in html
