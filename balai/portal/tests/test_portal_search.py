from __future__ import annotations

from django.urls import reverse


def test_search_finds_a_village_by_name_whatever_the_case(client, dagan):
    html = client.get(reverse("portal:search"), {"q": "dAgAn"}).content.decode()
    assert "1 desa cocok" in html
    assert f'href="{dagan.get_absolute_url()}">Dagan</a>' in html
    assert "Sudah tayang" in html


def test_search_by_kecamatan_lists_its_villages(client, db):
    html = client.get(reverse("portal:search"), {"q": "bobotsari"}).content.decode()
    assert "16 desa cocok" in html
    assert "Gandasuli" in html


def test_search_finds_part_of_a_name_across_kecamatan(client, db):
    html = client.get(reverse("portal:search"), {"q": "Karangsari"}).content.decode()
    assert "Kec. Kalimanah" in html and "Kec. Karangmoncol" in html


def test_empty_search_shows_only_the_form(client, db):
    html = client.get(reverse("portal:search")).content.decode()
    assert 'name="q"' in html
    assert "cocok" not in html and "Tidak ada desa" not in html


def test_search_without_a_match_says_so_helpfully(client, db):
    html = client.get(reverse("portal:search"), {"q": "Atlantis"}).content.decode()
    assert "Tidak ada desa atau kecamatan bernama “Atlantis”" in html
    assert reverse("portal:directory") in html


def test_search_query_is_escaped(client, db):
    html = client.get(reverse("portal:search"), {"q": "<script>x</script>"}).content.decode()
    assert "<script>x" not in html


def test_search_query_count_is_bounded(client, dagan, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(reverse("portal:search"), {"q": "karang"})
