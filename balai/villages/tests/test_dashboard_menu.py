"""The dashboard menu: one Menu control in the header with the sections grouped, the portal's
links left out, and each person offered only what their role opens."""

from __future__ import annotations

import re

import pytest

from balai.villages.templatetags.sites import dashboard_menu


def menu_groups(html: str) -> dict[str, list[str]]:
    """The header menu's groups as {label: [link texts]}; links outside a group under ""."""
    panel = html.split('class="dash-menu-panel"', 1)[1].split("</nav>", 1)[0]
    labels = dict(re.findall(r'<p class="dash-group" id="([^"]+)">([^<]+)</p>', panel))
    groups: dict[str, list[str]] = {}
    for attrs, items in re.findall(r"<ul([^>]*)>(.*?)</ul>", panel, re.S):
        labelled = re.search(r'aria-labelledby="([^"]+)"', attrs)
        label = labels[labelled.group(1)] if labelled else ""
        groups.setdefault(label, []).extend(re.findall(r"<li><a [^>]+>([^<]+)</a></li>", items))
    return groups


def header(html: str) -> str:
    return html.split("<header", 1)[1].split("</header>", 1)[0]


def test_a_village_admin_finds_the_sections_grouped_behind_one_menu_control(login, alice):
    html = login(alice).get("/dasbor/dagan/berita/").content.decode()
    assert re.search(r'<details class="dash-menu">\s*<summary>Menu</summary>', header(html))
    groups = menu_groups(html)
    assert list(groups) == [
        "",
        "Konten",
        "Data",
        "Keuangan",
        "Layanan",
        "Pendampingan",
        "Pengaturan",
    ]
    assert groups[""] == ["Ringkasan", "Lihat situs"]
    assert groups["Konten"][:2] == ["Berita", "Kiriman warga"]
    assert "Halaman" in groups["Konten"] and "Perangkat desa" in groups["Konten"]
    assert groups["Data"] == ["Data penduduk", "Bantuan sosial"]
    assert groups["Keuangan"] == ["APBDes", "Pembangunan"]
    assert groups["Layanan"] == ["Surat", "Lapak", "Layanan warga", "PPID", "Pengaduan"]
    assert groups["Pengaturan"] == [
        "Profil desa",
        "Tampilan",
        "Anggota",
        "Cadangan data",
        "Pindah dari OpenSID",
    ]


def test_an_editor_is_offered_only_what_her_role_opens(login, bob):
    groups = menu_groups(login(bob).get("/dasbor/dagan/berita/").content.decode())
    assert "Konten" in groups
    assert not {"Data", "Keuangan", "Pengaturan"} & set(groups)
    assert groups["Layanan"] == ["Pengaduan"]  # complaints, without the complainants' identity


def test_the_wide_screen_sidebar_shows_the_same_menu(login, alice):
    html = login(alice).get("/dasbor/dagan/").content.decode()
    side = html.split('<nav class="dash-side"', 1)[1].split("</nav>", 1)[0]
    panel = html.split('class="dash-menu-panel"', 1)[1].split("</nav>", 1)[0]
    links = re.compile(r'<li><a href="([^"]+)"')
    assert links.findall(side) == links.findall(panel) != []
    # The sidebar stands outside <main>: "Langsung ke isi" skips it.
    assert html.index('<nav class="dash-side"') < html.index('<main id="isi"')


@pytest.mark.parametrize("url", ["/dasbor/dagan/", "/dasbor/kabupaten/", "/dasbor/"])
def test_dashboard_pages_leave_out_the_portal_links_but_keep_a_way_home(login, dina, dagan, url):
    html = login(dina).get(url).content.decode()
    assert 'class="main-nav"' not in html
    assert "Daftarkan desa" not in header(html)
    assert re.search(r'<a class="brand" href="/">', header(html))


def test_the_district_admin_finds_the_district_pages_grouped(login, dina):
    groups = menu_groups(login(dina).get("/dasbor/kabupaten/").content.decode())
    assert groups[""][:3] == ["Ringkasan", "Pendaftaran desa", "Situs desa"]
    assert "Jejak perubahan" in groups[""]
    assert "APBDes desa" in groups["Data desa"]
    assert "Permintaan bantuan" in groups["Pendampingan"]
    assert "Tugas terjadwal" in groups["Pemantauan"]


def test_a_kecamatan_viewer_and_a_mentor_get_their_own_short_menus(login, kiki, maya, client):
    groups = menu_groups(login(kiki).get("/dasbor/kecamatan/").content.decode())
    assert groups == {"": ["Desa di kecamatan", "Kesegaran situs"]}
    client.logout()
    groups = menu_groups(login(maya).get("/dasbor/dagan/").content.decode())
    assert "Permintaan bantuan" in groups[""] and "Ringkasan" in groups[""]
    assert "Anggota" not in sum(groups.values(), [])


def test_the_menu_is_built_once_though_the_page_shows_it_twice(
    rf, alice, dagan, django_assert_num_queries
):
    request = rf.get("/dasbor/dagan/")
    request.user, request.village = alice, dagan
    first = dashboard_menu({"request": request})
    assert first[0]["title"] == "Desa Dagan"
    with django_assert_num_queries(0):
        assert dashboard_menu({"request": request}) is first


def test_the_members_page_stays_within_its_query_budget(
    login, alice, django_assert_max_num_queries
):
    client = login(alice)
    with django_assert_max_num_queries(9):
        client.get("/dasbor/dagan/anggota/")
