from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse

from balai.accounts.models import KecamatanViewer, User
from balai.portal.demo import LOGINS, PASSWORD
from balai.registrations.models import Application
from balai.villages.models import Membership, Official, Page, Village


def run_demo() -> str:
    out = StringIO()
    call_command("demo", "--villages", "5", stdout=out)
    return out.getvalue()


def test_demo_builds_a_small_district_with_one_login_per_role(db):
    output = run_demo()
    assert Village.objects.filter(status="draft").count() == 2
    assert Village.objects.filter(status="suspended").count() == 1
    dagan = Village.objects.get(slug="dagan")
    assert dagan.is_live and dagan.region.parent.name == "Bobotsari"
    assert dagan.history and dagan.vision and dagan.office_address.startswith("Jl. ")
    assert -7.45 <= float(dagan.latitude) <= -7.30 and 109.2 <= float(dagan.longitude) <= 109.5
    assert 6 <= Official.objects.filter(village=dagan).count() <= 10
    assert Official.objects.filter(village=dagan, position="Kepala Desa").exists()
    assert set(Page.objects.filter(village=dagan).values_list("title", flat=True)) == {
        "Kebijakan Privasi",
        "Layanan Administrasi",
    }
    for email, _name, _role in LOGINS:
        assert authenticate(email=email, password=PASSWORD) is not None, email
        assert email in output
    assert PASSWORD in output and "http://127.0.0.1:8000/" in output


def test_demo_roles_are_the_ones_the_readme_promises(db):
    run_demo()
    assert User.objects.get(email="admin@purbalinggakab.go.id").is_district_admin
    camat = User.objects.get(email="camat.bobotsari@purbalinggakab.go.id")
    assert KecamatanViewer.objects.get(user=camat).kecamatan_id == "33.03.09"
    mentor = Membership.objects.filter(user__email="mentor@rtik-purbalingga.or.id", role="mentor")
    assert mentor.count() == 3 and mentor.filter(village__slug="dagan").exists()
    assert Membership.objects.get(user__email="admin@dagan.desa.id").role == "admin"
    assert Membership.objects.get(user__email="editor@dagan.desa.id").role == "editor"


def test_demo_has_applications_in_every_state(db):
    run_demo()
    states = set(Application.objects.values_list("status", flat=True))
    assert {"submitted", "revision", "rejected"} <= states


def test_demo_runs_twice_and_builds_the_same_district(db):
    run_demo()
    first = sorted(Village.objects.values_list("slug", "status"))
    officials = Official.objects.count()
    run_demo()
    assert sorted(Village.objects.values_list("slug", "status")) == first
    assert Official.objects.count() == officials
    assert User.objects.filter(email__in=[e for e, _n, _r in LOGINS]).count() == len(LOGINS)


def test_demo_refuses_to_take_over_a_real_dagan_and_changes_nothing(dagan, alice):
    with pytest.raises(RuntimeError, match="Dagan"):
        run_demo()
    assert list(Village.objects.all()) == [dagan]
    assert Membership.objects.filter(user=alice).exists()
    assert not User.objects.filter(email__in=[e for e, _n, _r in LOGINS]).exists()


def test_demo_portal_shows_the_live_sites(db, client):
    run_demo()
    live = Village.objects.filter(status="live").count()
    assert f"{live} dari 239" in client.get(reverse("portal:home")).content.decode()
