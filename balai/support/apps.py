"""The former support app, kept only for its migration history.

Its models moved to `balai.mentoring`, `balai.watch` and `balai.backups` (issue 12): the new
apps' first migrations take the tables over (state moves, tables are renamed), and
`0002_hand_over_to_mentoring_watch_backups` drops the models from this app's state. An
install migrated to before the split upgrades through them; once every install has run them,
the lead can squash the new apps' migrations and remove this app (and `tasks.py`, which keeps
task rows queued before the upgrade runnable).
"""

from __future__ import annotations

from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "balai.support"
    verbose_name = "Pendampingan (lama)"
