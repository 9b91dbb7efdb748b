"""Public village pages of this module; included into the `site` namespace, so names carry
the module prefix (e.g. `welfare_index`)."""

from __future__ import annotations

urlpatterns: list = []
