from __future__ import annotations

from datetime import date

from balai.population.models import ResidentEvent
from balai.population.services import event_record
from balai.welfare.figures import figures_recompute
from balai.welfare.models import WelfareFigure, WelfareRank


def persons_in_decile_1(village) -> int:
    row = WelfareFigure.objects.for_village(village).filter(category="decile-person", label="1")
    return row.first().count if row.exists() else 0


def test_a_death_in_the_register_updates_the_welfare_figures_at_once(
    dagan, register, alice, django_capture_on_commit_callbacks
):
    head, spouse, child = register[1]
    WelfareRank.objects.create(
        village=dagan, household=head.household, decile=1, data_date=date(2026, 6, 1)
    )
    figures_recompute(village=dagan)
    assert persons_in_decile_1(dagan) == 3

    death = ResidentEvent(
        kind=ResidentEvent.Kind.DEATH, event_date=date(2026, 11, 1), report_date=date(2026, 11, 2)
    )
    with django_capture_on_commit_callbacks(execute=True):  # the recount task runs on commit
        event_record(village=dagan, resident=child, event=death, user=alice)

    assert persons_in_decile_1(dagan) == 2
