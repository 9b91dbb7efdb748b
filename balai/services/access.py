"""Who works the counter on the dashboard. One constant, so the area can change in one place
(the personal-data area of the village's admins for now; a counter-service area later)."""

from __future__ import annotations

STAFF_AREA = "personal"
