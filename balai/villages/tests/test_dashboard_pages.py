"""Free pages on the dashboard: editors may write them; the body is cleaned."""

from __future__ import annotations

from balai.villages.models import Page, Village

LIST = "/dasbor/dagan/halaman/"
ADD = "/dasbor/dagan/halaman/tambah/"


def test_an_editor_adds_a_page_with_a_slug_from_the_title(client, bob, dagan):
    client.force_login(bob)
    response = client.post(
        ADD,
        {
            "title": "Layanan Surat Keterangan",
            "slug": "",
            "body": "Bawa <strong>KTP</strong>.<script>alert(1)</script>\n\nGratis.",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    page = Page.objects.get(village=dagan)
    assert page.slug == "layanan-surat-keterangan"
    assert page.body == "<p>Bawa <strong>KTP</strong>.</p><p>Gratis.</p>"
    assert Village.objects.get(pk=dagan.pk).content_version == 2


def test_a_slug_already_used_in_the_village_is_refused(client, alice, dagan, bojongsari):
    Page.objects.create(village=dagan, title="Privasi", slug="privasi", body="x")
    Page.objects.create(village=bojongsari, title="Sejarah", slug="sejarah", body="x")
    client.force_login(alice)
    response = client.post(ADD, {"title": "Lain", "slug": "privasi", "body": "y"})
    assert "Alamat ini sudah dipakai halaman lain" in response.content.decode()
    assert Page.objects.for_village(dagan).count() == 1
    # the same slug in another village is no conflict
    assert client.post(ADD, {"title": "Sejarah", "slug": "sejarah", "body": "y"}).status_code == 302


def test_an_editor_edits_and_unpublishes_a_page(client, bob, dagan):
    page = Page.objects.create(village=dagan, title="Agenda", slug="agenda", body="x")
    client.force_login(bob)
    response = client.post(
        f"{LIST}{page.pk}/", {"title": "Agenda Desa", "slug": "agenda", "body": "y"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Agenda Desa"
    assert not page.is_published
    client.logout()
    assert client.get("/desa/dagan/halaman/agenda/").status_code == 404


def test_deleting_a_page_asks_first(client, alice, dagan):
    page = Page.objects.create(village=dagan, title="Agenda", slug="agenda", body="x")
    client.force_login(alice)
    assert "Hapus halaman “Agenda”?" in client.get(f"{LIST}{page.pk}/hapus/").content.decode()
    client.post(f"{LIST}{page.pk}/hapus/")
    assert not Page.objects.exists()


def test_the_privacy_start_fills_the_form(client, alice, dagan):
    client.force_login(alice)
    html = client.get(ADD + "?jenis=privasi").content.decode()
    assert 'value="Kebijakan Privasi"' in html
    assert 'value="kebijakan-privasi"' in html


def test_the_pages_list_keeps_its_query_count(client, alice, dagan, django_assert_max_num_queries):
    Page.objects.bulk_create(
        [Page(village=dagan, title=f"Halaman {i}", slug=f"h-{i}", body="x") for i in range(10)]
    )
    client.force_login(alice)
    client.get(LIST)
    with django_assert_max_num_queries(8):
        html = client.get(LIST).content.decode()
    assert html.count("Halaman ") >= 10
