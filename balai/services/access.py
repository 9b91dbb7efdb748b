"""Who works the counter on the dashboard. One constant, so the area can change in one place
(the counter's area: the village's admins and the editors given "pelayanan", as for letters)."""

from __future__ import annotations

STAFF_AREA = "service"
