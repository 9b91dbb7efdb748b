from __future__ import annotations

from balai.accounts.services import invitation_create
from balai.audit.selectors import audit_entries
from balai.audit.services import audit_record


def test_audit_entries_give_one_village_newest_first(dagan, bojongsari, alice, charlie):
    invitation_create(village=dagan, email="a@dagan.desa.id", role="editor", invited_by=alice)
    invitation_create(village=dagan, email="b@dagan.desa.id", role="admin", invited_by=alice)
    invitation_create(
        village=bojongsari, email="c@bojongsari.desa.id", role="editor", invited_by=charlie
    )
    entries = list(audit_entries(village=dagan))
    assert [e.target for e in entries] == ["b@dagan.desa.id", "a@dagan.desa.id"]
    assert entries[0].actor == alice


def test_without_a_village_every_entry_but_the_demo_bookkeeping(dagan, alice):
    for n in range(5):
        audit_record(actor=alice, action="test.action", target=str(n), village=dagan)
    audit_record(actor=None, action="registration.approve", target="district-wide")
    audit_record(actor=None, action="demo.build", target="demo")
    assert audit_entries().count() == 6
    assert [e.target for e in audit_entries()[:2]] == ["district-wide", "4"]


def test_audit_entries_read_actor_and_village_in_one_query(dagan, alice, django_assert_num_queries):
    for n in range(10):
        audit_record(actor=alice, action="test.action", target=str(n), village=dagan)
    with django_assert_num_queries(1):
        names = [(e.actor.name, e.village.display_name) for e in audit_entries(village=dagan)]
    assert names[0] == ("Alice Rahayu", "Desa Dagan")
