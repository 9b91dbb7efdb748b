"""Adding and editing acts on the dashboard: every rule is a field error in Indonesian and
nothing is written; the status of an amended or revoked act follows from the act that changes
it, and goes back when that act is changed, unpublished or deleted."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.audit.models import AuditEntry
from balai.legal import services
from balai.legal.models import LegalAct
from balai.legal.tests.conftest import make_act
from balai.lib.tests.files import pdf_open_action_javascript, png_bytes, reportlab_pdf

pytestmark = pytest.mark.django_db
ADD = "/dasbor/dagan/produk-hukum/tambah/"


def _form(**extra):
    data = {
        "kind": "perdes",
        "number": "7",
        "title": "Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2026",
        "enacted_on": "2025-12-22",
        "enacted_place": "Dagan",
        "promulgated_on": "2025-12-22",
        "gazette_number": "7",
        "status": "berlaku",
        "language": "Indonesia",
        "topic": "apbdes",
        "period_from": "2026",
        "subjects": "Anggaran,  keuangan desa, anggaran",
        "published": "on",
        "file": SimpleUploadedFile("apbdes.pdf", reportlab_pdf(), "application/pdf"),
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def test_an_admin_adds_a_perdes_with_its_pdf(login, alice, dagan):
    response = login(alice).post(ADD, _form())
    assert response.status_code == 302
    act = LegalAct.objects.for_village(dagan).get()
    assert act.citation == "Peraturan Desa Nomor 7 Tahun 2025"
    assert act.slug == "perdes-2025-7"
    assert act.subjects == "anggaran, keuangan desa"
    assert (act.period_from, act.period_to) == (2026, 2026)
    assert act.file.name.endswith(".pdf") and "apbdes" not in act.file.name
    assert act.source == "Lembaran Desa Dagan Tahun 2025 Nomor 7"
    entry = AuditEntry.objects.get(action="legal.act_save")
    assert entry.village == dagan and entry.target == act.citation


def test_an_external_link_may_stand_in_for_the_pdf(login, alice, dagan):
    url = "jdih.purbalinggakab.go.id/desa/dagan/perdes-7-2025.pdf"
    response = login(alice).post(ADD, _form(file=None, external_url=url))
    assert response.status_code == 302
    act = LegalAct.objects.for_village(dagan).get()
    assert act.external_url == "https://" + url and not act.file


def _refused(client, data, field, message):
    """Post the add form: the page comes back with `message` at `field`, nothing written."""
    before = sorted(LegalAct.objects.values_list("pk", "status", "updated_at"))
    response = client.post(ADD, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field, [])), errors
    assert sorted(LegalAct.objects.values_list("pk", "status", "updated_at")) == before
    return response


def test_neither_a_file_nor_a_link_is_refused(login, alice):
    _refused(login(alice), _form(file=None), "file", "Unggah naskah PDF atau isi tautan naskah.")


def test_a_pdf_with_javascript_is_refused_by_its_content(login, alice):
    bad = SimpleUploadedFile("apbdes.pdf", pdf_open_action_javascript(), "application/pdf")
    response = login(alice).post(ADD, _form(file=bad))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not LegalAct.objects.exists()


def test_a_picture_named_pdf_is_refused(login, alice):
    fake = SimpleUploadedFile("apbdes.pdf", png_bytes(), "application/pdf")
    response = login(alice).post(ADD, _form(file=fake))
    assert response.context["form"].errors["file"]
    assert not LegalAct.objects.exists()


def test_an_act_amending_a_missing_act_is_a_form_error(login, alice, dagan):
    older = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    _refused(
        login(alice),
        _form(relation="amends", target=str(older.pk + 999)),
        "target",
        "Produk hukum itu tidak ada di daftar desa ini.",
    )


def test_an_act_of_another_village_cannot_be_amended(login, alice, bojongsari):
    theirs = make_act(bojongsari, number="3", enacted_on=date(2020, 3, 16))
    _refused(
        login(alice),
        _form(relation="revokes", target=str(theirs.pk)),
        "target",
        "Produk hukum itu tidak ada di daftar desa ini.",
    )
    theirs.refresh_from_db()
    assert theirs.status == LegalAct.Status.BERLAKU


def test_a_relation_needs_its_act_and_an_act_its_relation(login, alice, dagan):
    older = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    client = login(alice)
    _refused(client, _form(relation="amends"), "target", "Pilih produk hukum yang diubah")
    _refused(client, _form(target=str(older.pk)), "relation", "mengubah atau mencabut")


def test_an_act_cannot_amend_itself(login, alice, dagan):
    act = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    response = login(alice).post(
        f"/dasbor/dagan/produk-hukum/{act.pk}/",
        _form(number="3", enacted_on="2020-03-16", relation="amends", target=str(act.pk)),
    )
    # The act is not among the choices, so it is a missing act for the form.
    assert response.context["form"].errors["target"]
    act.refresh_from_db()
    assert act.target is None and act.number == "3"


def test_a_later_act_cannot_be_amended_by_an_earlier_one(login, alice, dagan):
    later = make_act(dagan, number="9", enacted_on=date(2026, 1, 5))
    _refused(
        login(alice),
        _form(relation="amends", target=str(later.pk)),
        "target",
        "harus ditetapkan lebih dulu",
    )


def test_amending_and_revoking_set_the_status_of_the_target(login, alice, dagan):
    rpjm = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    client = login(alice)
    client.post(ADD, _form(number="2", enacted_on="2023-04-10", relation="amends", target=rpjm.pk))
    rpjm.refresh_from_db()
    assert rpjm.status == LegalAct.Status.DIUBAH
    client.post(ADD, _form(number="8", enacted_on="2025-06-02", relation="revokes", target=rpjm.pk))
    rpjm.refresh_from_db()
    assert rpjm.status == LegalAct.Status.DICABUT


def test_unpublishing_or_deleting_the_changing_act_restores_the_target(login, alice, dagan):
    rpjm = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    client = login(alice)
    client.post(ADD, _form(number="2", enacted_on="2023-04-10", relation="revokes", target=rpjm.pk))
    changer = LegalAct.objects.get(number="2")
    rpjm.refresh_from_db()
    assert rpjm.is_revoked

    data = _form(number="2", enacted_on="2023-04-10", relation="revokes", target=rpjm.pk)
    data.pop("published")
    data.pop("file")
    client.post(f"/dasbor/dagan/produk-hukum/{changer.pk}/", data)
    rpjm.refresh_from_db()
    assert rpjm.status == LegalAct.Status.BERLAKU

    services.act_save(act=LegalAct.objects.get(pk=changer.pk), actor=alice)
    changer.published = True
    services.act_save(act=changer, actor=alice)
    rpjm.refresh_from_db()
    assert rpjm.is_revoked
    response = client.post(f"/dasbor/dagan/produk-hukum/{changer.pk}/hapus/")
    assert response.status_code == 302
    rpjm.refresh_from_db()
    assert rpjm.status == LegalAct.Status.BERLAKU
    assert AuditEntry.objects.filter(action="legal.act_delete").count() == 1


def test_an_amended_act_cannot_be_deleted_before_the_act_amending_it(login, alice, dagan):
    rpjm = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    make_act(dagan, number="2", enacted_on=date(2023, 4, 10), relation="amends", target=rpjm)
    response = login(alice).post(f"/dasbor/dagan/produk-hukum/{rpjm.pk}/hapus/", follow=True)
    assert "diubah oleh Peraturan Desa Nomor 2 Tahun 2023" in response.content.decode()
    assert LegalAct.objects.filter(pk=rpjm.pk).exists()


def test_a_status_set_by_hand_needs_the_act_that_changed_it(login, alice, dagan):
    client = login(alice)
    _refused(client, _form(status="dicabut"), "status_note", "Tulis peraturan")
    client.post(ADD, _form(status="dicabut", status_note="Peraturan Bupati Nomor 12 Tahun 2026"))
    act = LegalAct.objects.get()
    assert act.is_revoked and act.status_note.startswith("Peraturan Bupati")


def test_a_status_given_by_the_register_cannot_be_overwritten(login, alice, dagan):
    rpjm = make_act(dagan, number="3", enacted_on=date(2020, 3, 16))
    services.act_save(
        act=LegalAct(
            village=dagan,
            kind="perdes",
            number="2",
            title="Pencabutan",
            enacted_on=date(2023, 4, 10),
            relation="revokes",
            target=rpjm,
            external_url="https://contoh.id/a.pdf",
        ),
        actor=alice,
    )
    data = _form(number="3", enacted_on="2020-03-16", status="berlaku", file=None)
    response = login(alice).post(f"/dasbor/dagan/produk-hukum/{rpjm.pk}/", data)
    assert response.status_code == 302
    rpjm.refresh_from_db()
    assert rpjm.is_revoked


def test_the_same_number_twice_in_a_year_is_refused(login, alice, dagan):
    make_act(dagan, number="7", enacted_on=date(2025, 12, 22))
    _refused(login(alice), _form(), "number", "Sudah ada Peraturan Desa Nomor 7 Tahun 2025")


def test_a_keputusan_is_not_promulgated(login, alice):
    _refused(
        login(alice),
        _form(kind="kepdes", number="141/3/2026", topic="", period_from=""),
        "gazette_number",
        "tidak diundangkan",
    )


def test_a_plan_needs_its_years(login, alice):
    client = login(alice)
    _refused(client, _form(period_from=""), "period_from", "Isi tahun berlakunya")
    _refused(client, _form(period_from="2026", period_to="2020"), "period_to", "Tahun akhir")


def test_the_enactment_date_cannot_be_in_the_future(login, alice):
    _refused(login(alice), _form(enacted_on="2999-01-01"), "enacted_on", "setelah hari ini")


def test_an_editor_has_no_legal_register(login, bob):
    assert login(bob).get("/dasbor/dagan/produk-hukum/").status_code == 404


def test_a_kelurahan_is_told_it_has_no_perdes(login, dina):
    from balai.conftest import make_village
    from balai.regions.models import Region

    region = Region.objects.filter(type="kelurahan").order_by("code").first()
    make_village(region.code, "kelurahan-uji")
    response = login(dina).get("/dasbor/kelurahan-uji/produk-hukum/")
    assert "adalah kelurahan" in response.content.decode()
    assert login(dina).get("/dasbor/kelurahan-uji/produk-hukum/tambah/").status_code == 404
    assert login(dina).get("/desa/kelurahan-uji/produk-hukum/").status_code == 404


def test_a_replaced_pdf_is_removed_from_storage(
    login, alice, dagan, django_capture_on_commit_callbacks
):
    act = make_act(dagan, number="7", enacted_on=date(2025, 12, 22))
    old = act.file.name
    storage = act.file.storage
    assert storage.exists(old)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(alice).post(f"/dasbor/dagan/produk-hukum/{act.pk}/", _form())
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.file.name != old and storage.exists(act.file.name)
    assert not storage.exists(old)


def test_the_add_form_starts_with_the_desa_as_the_place(login, alice):
    body = login(alice).get(ADD).content.decode()
    assert 'name="enacted_place" value="Dagan"' in body
