"""An institution's board on the dashboard: add, reorder, delete (audit-logged), and the
optional link to the register by NIK, which is never shown back."""

from __future__ import annotations

from balai.audit.models import AuditEntry
from balai.institutions.models import Member
from balai.institutions.tests.conftest import LIST, make_institution, make_resident
from balai.villages.tests.conftest import image_upload


def url(inst, tail: str = "") -> str:
    return f"{LIST}{inst.pk}/pengurus/{tail}"


def names(inst) -> list[str]:
    return list(Member.objects.filter(institution=inst).values_list("name", flat=True))


def test_new_members_go_to_the_end_with_their_photo(client, alice, dagan, bpd):
    client.force_login(alice)
    response = client.post(
        url(bpd, "tambah/"), {"name": "Budi", "position": "Anggota", "photo": image_upload()}
    )
    assert response.status_code == 302
    assert names(bpd) == ["Slamet Riyadi", "Sri Lestari", "Budi"]
    budi = Member.objects.get(name="Budi")
    assert budi.village == dagan and budi.photo.width == 600


def test_a_member_needs_a_name_and_a_position(client, alice, dagan, bpd):
    client.force_login(alice)
    response = client.post(url(bpd, "tambah/"), {"name": "", "position": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "position"}
    assert len(names(bpd)) == 2


def test_members_move_up_and_down(client, alice, dagan, bpd):
    client.force_login(alice)
    sri = Member.objects.get(name="Sri Lestari")
    client.post(url(bpd, f"{sri.pk}/pindah/"), {"arah": "naik"})
    assert names(bpd) == ["Sri Lestari", "Slamet Riyadi"]
    client.post(url(bpd, f"{sri.pk}/pindah/"), {"arah": "naik"})  # already first
    assert names(bpd) == ["Sri Lestari", "Slamet Riyadi"]
    html = client.get("/desa/dagan/lembaga/bpd-desa-dagan/").content.decode()
    assert html.index("Sri Lestari") < html.index("Slamet Riyadi")


def test_a_member_of_another_institution_is_not_found_under_this_one(client, alice, dagan, bpd):
    other = make_institution(dagan, "LPM", kind="lpm")
    sri = Member.objects.get(name="Sri Lestari")
    client.force_login(alice)
    assert client.get(url(other, f"{sri.pk}/")).status_code == 404
    assert client.post(url(other, f"{sri.pk}/hapus/")).status_code == 404
    assert Member.objects.filter(pk=sri.pk).exists()


def test_deleting_a_member_is_audit_logged(client, alice, dagan, bpd):
    sri = Member.objects.get(name="Sri Lestari")
    client.force_login(alice)
    assert "tidak akan tampil lagi" in client.get(url(bpd, f"{sri.pk}/hapus/")).content.decode()
    client.post(url(bpd, f"{sri.pk}/hapus/"))
    assert names(bpd) == ["Slamet Riyadi"]
    entry = AuditEntry.objects.get(action="institutions.member_delete")
    assert entry.target == "Sri Lestari" and entry.details["institution"] == "BPD Desa Dagan"


def test_an_admin_links_a_member_to_the_register_by_nik_which_is_never_shown(
    client, alice, dagan, bpd
):
    resident = make_resident(dagan)
    slamet = Member.objects.get(name="Slamet Riyadi")
    client.force_login(alice)
    form = {"name": "Slamet Riyadi", "position": "Ketua", "nik": "3303 0912 0375 0001"}
    assert client.post(url(bpd, f"{slamet.pk}/"), form).status_code == 302
    slamet.refresh_from_db()
    assert slamet.resident == resident
    entry = AuditEntry.objects.get(action="institutions.member_link")
    assert entry.target == "Slamet Riyadi"
    assert "3303091203750001" not in str(entry.details)
    for page in (f"{LIST}{bpd.pk}/", url(bpd, f"{slamet.pk}/")):
        html = client.get(page).content.decode()
        assert "Tertaut ke" in html
        assert "3303091203750001" not in html and "Jl. Kenanga" not in html
    # A resident who has died or moved away is flagged for the admin.
    resident.status = 2
    resident.save()
    assert "status di data penduduk" in client.get(f"{LIST}{bpd.pk}/").content.decode()
    client.post(
        url(bpd, f"{slamet.pk}/"), {"name": "Slamet Riyadi", "position": "Ketua", "unlink": "on"}
    )
    slamet.refresh_from_db()
    assert slamet.resident is None
    assert AuditEntry.objects.filter(action="institutions.member_unlink").count() == 1


def test_a_nik_not_in_this_villages_register_is_refused(client, alice, dagan, bojongsari, bpd):
    make_resident(bojongsari, nik="3303141203750002")
    client.force_login(alice)
    form = {"name": "Orang Lain", "position": "Anggota", "nik": "3303141203750002"}
    html = client.post(url(bpd, "tambah/"), form).content.decode()
    assert "NIK ini tidak ada di data penduduk desa." in html
    html = client.post(url(bpd, "tambah/"), {**form, "nik": "12345"}).content.decode()
    assert "Isi NIK dengan 16 angka" in html
    assert len(names(bpd)) == 2
    assert not AuditEntry.objects.filter(action="institutions.member_link").exists()


def test_a_mentor_edits_the_board_without_the_register(client, maya, dagan, bpd):
    make_resident(dagan)
    slamet = Member.objects.get(name="Slamet Riyadi")
    client.force_login(maya)
    html = client.get(url(bpd, f"{slamet.pk}/")).content.decode()
    assert 'name="nik"' not in html
    form = {"name": "Slamet R.", "position": "Ketua", "nik": "3303091203750001"}
    client.post(url(bpd, f"{slamet.pk}/"), form)
    slamet.refresh_from_db()
    assert slamet.name == "Slamet R." and slamet.resident is None
