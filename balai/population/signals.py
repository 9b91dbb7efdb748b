"""`figures_recomputed` is sent after a village's population figures are recounted (an event,
an import, the daily recount): modules whose figures hang off the register recount theirs."""

from __future__ import annotations

from django.dispatch import Signal

figures_recomputed = Signal()  # sender=PopulationFigure, village=Village
