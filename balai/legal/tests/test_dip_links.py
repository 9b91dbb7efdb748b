"""The DIP's RPJM Desa, RKP Desa and APB Desa items link to the matching Perdes of the register
by themselves; the DIP page shows each item's category."""

from __future__ import annotations

from datetime import date

import pytest

from balai.disclosure import services as disclosure
from balai.disclosure.models import DipItem
from balai.legal.services import act_status_refresh
from balai.legal.tests.conftest import make_act

pytestmark = pytest.mark.django_db
DIP = "/desa/dagan/ppid/dip/2026/"


def _rows(client) -> dict:
    response = client.get(DIP)
    assert response.status_code == 200
    return {row.item.checklist_key: row for row in response.context["rows"]}


def test_the_plan_and_budget_items_link_to_their_perdes(client, dagan):
    disclosure.dip_seed(village=dagan, year=2026)
    make_act(
        dagan,
        number="3",
        enacted_on=date(2020, 3, 16),
        topic="rpjmdes",
        period_from=2020,
        period_to=2026,
    )
    make_act(dagan, number="5", enacted_on=date(2025, 10, 13), topic="rkpdes", period_from=2026)
    make_act(dagan, number="7", enacted_on=date(2025, 12, 22), topic="apbdes", period_from=2026)
    make_act(dagan, number="6", enacted_on=date(2024, 12, 27), topic="apbdes", period_from=2025)
    rows = _rows(client)
    assert rows["rpjmdes"].href == "/desa/dagan/produk-hukum/perdes-2020-3/"
    assert rows["rkpdes"].href == "/desa/dagan/produk-hukum/perdes-2025-5/"
    assert rows["apbdes"].href == "/desa/dagan/produk-hukum/perdes-2025-7/"
    assert not rows["rkpdes"].is_missing
    body = client.get(DIP).content.decode()
    assert 'href="/desa/dagan/produk-hukum/perdes-2025-7/">Perdes 7/2025' in body


def test_an_amending_perdes_takes_over_and_a_revoked_one_is_not_linked(client, dagan):
    disclosure.dip_seed(village=dagan, year=2026)
    apb = make_act(
        dagan, number="7", enacted_on=date(2025, 12, 22), topic="apbdes", period_from=2026
    )
    make_act(
        dagan,
        number="4",
        title="Perubahan APB Desa 2026",
        enacted_on=date(2026, 8, 3),
        topic="apbdes",
        period_from=2026,
        relation="amends",
        target=apb,
    )
    assert _rows(client)["apbdes"].href == "/desa/dagan/produk-hukum/perdes-2026-4/"

    rkp = make_act(
        dagan, number="5", enacted_on=date(2025, 10, 13), topic="rkpdes", period_from=2026
    )
    make_act(dagan, number="6", enacted_on=date(2026, 2, 1), relation="revokes", target=rkp)
    act_status_refresh(rkp)
    assert _rows(client)["rkpdes"].act is None


def test_drafts_other_kinds_and_other_villages_are_not_linked(client, dagan, bojongsari):
    disclosure.dip_seed(village=dagan, year=2026)
    make_act(
        dagan,
        number="7",
        enacted_on=date(2025, 12, 22),
        topic="apbdes",
        period_from=2026,
        published=False,
    )
    make_act(
        dagan,
        kind="perkades",
        number="1",
        enacted_on=date(2025, 12, 29),
        topic="apbdes",
        period_from=2026,
    )
    make_act(
        bojongsari, number="7", enacted_on=date(2025, 12, 22), topic="apbdes", period_from=2026
    )
    row = _rows(client)["apbdes"]
    assert row.act is None
    assert "produk-hukum" not in row.href


def test_an_uploaded_dip_file_still_wins(client, dagan):
    from django.core.files.base import ContentFile

    from balai.lib.tests.files import reportlab_pdf

    disclosure.dip_seed(village=dagan, year=2026)
    item = DipItem.objects.get(village=dagan, year=2026, checklist_key="apbdes")
    item.file.save("x.pdf", ContentFile(reportlab_pdf()))
    make_act(dagan, number="7", enacted_on=date(2025, 12, 22), topic="apbdes", period_from=2026)
    assert _rows(client)["apbdes"].href == item.file.url


def test_the_dip_page_shows_each_items_category(client, dagan):
    disclosure.dip_seed(village=dagan, year=2026)
    DipItem.objects.create(
        village=dagan, year=2026, category="setiap_saat", title="Daftar aset desa"
    )
    DipItem.objects.create(
        village=dagan,
        year=2026,
        category="dikecualikan",
        title="Data pribadi penerima bantuan",
        legal_ground="Pasal 17 huruf h",
        consequence_test="Merugikan privasi.",
    )
    body = client.get(DIP).content.decode()
    headers = [part.split("</th>")[0] for part in body.split('scope="rowgroup">')[1:]]
    assert headers == [
        "Golongan: Berkala",
        "Golongan: Tersedia setiap saat",
        "Golongan: Dikecualikan",
    ]
    # each item under its own group
    assert body.index("Golongan: Tersedia setiap saat") < body.index("Daftar aset desa")
    assert body.index("Daftar aset desa") < body.index("Golongan: Dikecualikan")


def test_the_dashboard_dip_names_the_linked_perdes(login, alice, dagan):
    disclosure.dip_seed(village=dagan, year=2026)
    make_act(dagan, number="7", enacted_on=date(2025, 12, 22), topic="apbdes", period_from=2026)
    body = login(alice).get("/dasbor/dagan/ppid/dip/?tahun=2026").content.decode()
    assert "Peraturan Desa Nomor 7 Tahun 2025" in body
