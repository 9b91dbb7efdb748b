"""Institutions on the dashboard: add, edit, delete (audit-logged), activities, who may."""

from __future__ import annotations

from balai.audit.models import AuditEntry
from balai.institutions.models import Institution, Member
from balai.institutions.tests.conftest import LIST, make_institution
from balai.news.tests.conftest import draft, publish
from balai.villages.models import Village
from balai.villages.tests.conftest import image_upload, text_as_jpg

ADD = f"{LIST}tambah/"
FORM = {
    "kind": "lpm",
    "name": "LPM Desa Dagan",
    "description": "Menggerakkan gotong royong.",
    "decree_number": "141/07/2022",
    "decree_date": "2022-02-01",
    "period_start": "2022-02-07",
    "period_end": "2027-02-06",
    "address": "Balai Desa Dagan",
    "phone": "0281-654321",
    "email": "lpm@dagan.desa.id",
}


def test_an_admin_adds_an_institution_with_its_logo(client, alice, dagan):
    client.force_login(alice)
    response = client.post(ADD, {**FORM, "logo": image_upload(size=(800, 600))})
    inst = Institution.objects.for_village(dagan).get()
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}{inst.pk}/"
    assert inst.slug == "lpm-desa-dagan"
    assert inst.kind == Institution.Kind.LPM
    assert str(inst.period_end) == "2027-02-06"
    assert inst.logo.name.endswith(".jpg") and inst.logo.width == inst.logo.height == 512
    html = client.get(response["Location"]).content.decode()
    assert "LPM Desa Dagan" in html and "141/07/2022" in html


def test_a_second_institution_of_the_same_name_gets_its_own_address(client, alice, dagan):
    make_institution(dagan, "LPM Desa Dagan", slug="lpm-desa-dagan", kind="lpm")
    client.force_login(alice)
    client.post(ADD, FORM)
    assert set(Institution.objects.for_village(dagan).values_list("slug", flat=True)) == {
        "lpm-desa-dagan",
        "lpm-desa-dagan-2",
    }


def test_a_term_that_ends_before_it_starts_is_refused_and_nothing_is_written(client, alice, dagan):
    client.force_login(alice)
    html = client.post(ADD, {**FORM, "period_end": "2020-01-01"}).content.decode()
    assert "Tanggal akhir masa bakti harus sesudah tanggal mulainya." in html
    assert 'href="#id_period_end"' in html  # the error summary links to the field
    assert 'value="LPM Desa Dagan"' in html  # what was typed stays
    assert not Institution.objects.exists()


def test_a_logo_that_is_not_an_image_is_refused(client, alice, dagan):
    client.force_login(alice)
    response = client.post(ADD, {**FORM, "logo": text_as_jpg()})
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert not Institution.objects.exists()


def test_editing_keeps_the_address_so_links_stay_valid(client, alice, dagan, bpd):
    client.force_login(alice)
    client.post(f"{LIST}{bpd.pk}/ubah/", {**FORM, "kind": "bpd", "name": "BPD Dagan Baru"})
    bpd.refresh_from_db()
    assert bpd.name == "BPD Dagan Baru"
    assert bpd.slug == "bpd-desa-dagan"


def test_deleting_an_institution_removes_its_board_and_is_audit_logged(client, alice, dagan, bpd):
    client.force_login(alice)
    page = client.get(f"{LIST}{bpd.pk}/hapus/").content.decode()
    assert "2 pengurusnya" in page
    before = Village.objects.get(pk=dagan.pk).content_version
    response = client.post(f"{LIST}{bpd.pk}/hapus/")
    assert response.status_code == 302
    assert not Institution.objects.exists()
    assert not Member.objects.exists()
    entry = AuditEntry.objects.get(action="institutions.delete")
    assert entry.actor == alice and entry.village == dagan
    assert entry.target == "BPD Desa Dagan" and entry.details["members"] == 2
    assert Village.objects.get(pk=dagan.pk).content_version > before


def test_activities_are_chosen_from_the_villages_published_news(
    client, alice, dagan, bojongsari, bpd
):
    mine = publish(dagan, title="Musdes RKPDes")
    unpublished = draft(dagan, title="Draf musdes")
    theirs = publish(bojongsari, title="Berita Bojongsari")
    client.force_login(alice)
    page = client.get(f"{LIST}{bpd.pk}/kegiatan/").content.decode()
    assert "Musdes RKPDes" in page
    assert "Draf musdes" not in page and "Berita Bojongsari" not in page
    refused = client.post(f"{LIST}{bpd.pk}/kegiatan/", {"articles": [mine.pk, theirs.pk]})
    assert refused.status_code == 200
    assert not bpd.articles.exists()
    client.post(f"{LIST}{bpd.pk}/kegiatan/", {"articles": [unpublished.pk]})
    assert not bpd.articles.exists()
    done = client.post(f"{LIST}{bpd.pk}/kegiatan/", {"articles": [mine.pk]})
    assert done.status_code == 302
    assert list(bpd.articles.all()) == [mine]
    client.post(f"{LIST}{bpd.pk}/kegiatan/", {})
    assert not bpd.articles.exists()


def test_the_list_groups_by_kind_and_marks_terms_that_end(client, alice, dagan, bpd):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    make_institution(
        dagan, "Karang Taruna", kind="karang_taruna", period_end=today + datetime.timedelta(days=30)
    )
    make_institution(
        dagan, "Posyandu", kind="posyandu", period_end=today - datetime.timedelta(days=1)
    )
    client.force_login(alice)
    html = client.get(LIST).content.decode()
    assert html.index("BPD Desa Dagan") < html.index("Karang Taruna") < html.index("Posyandu")
    assert "Masa bakti berakhir dalam 30 hari" in html
    assert "Masa bakti sudah berakhir" in html
    assert "2 pengurus" in html


def test_a_mentor_may_run_institutions_and_an_editor_may_not(client, bob, maya, dagan, bpd):
    client.force_login(maya)
    assert client.get(LIST).status_code == 200
    assert client.get(f"{LIST}{bpd.pk}/").status_code == 200
    client.force_login(bob)
    assert client.get(LIST).status_code == 404
    assert client.post(ADD, FORM).status_code == 404
    assert not Institution.objects.filter(name="LPM Desa Dagan").exists()


def test_the_dashboard_list_keeps_its_query_count(
    client, alice, dagan, django_assert_max_num_queries
):
    for i in range(12):
        make_institution(dagan, f"RT {i:02d}", kind="rt")
    client.force_login(alice)
    client.get(LIST)
    with django_assert_max_num_queries(10):
        html = client.get(LIST).content.decode()
    assert html.count("<strong>RT ") == 12
