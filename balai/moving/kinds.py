"""The kinds moved after the register, the website and the government: public information and
legal acts (PPID), aid programmes, the APBDes and projects, the lapak. Each is a module with
`plan_X(backup, folder, issues)` (read and check, nothing written) and
`write_X(village, plan, stored)` (inside the move's one transaction); this runs them in order
for both entry points (the import pipeline and `manage.py import_opensid`)."""

from __future__ import annotations

from typing import Any

from balai.imports.registry import Issues
from balai.moving import aid, documents, finance, shop
from balai.moving.content import DesaFolder
from balai.moving.opensid import Backup

KINDS = (
    ("documents", documents.plan_documents, documents.write_documents),
    ("legal", documents.plan_legal, documents.write_legal),
    ("aid", aid.plan_aid, aid.write_aid),
    ("finance", finance.plan_finance, finance.write_finance),
    ("shop", shop.plan_shop, shop.write_shop),
)


def plan_kinds(backup: Backup, folder: DesaFolder | None, issues: Issues) -> dict[str, Any]:
    return {key: plan(backup, folder, issues) for key, plan, _write in KINDS}


def kinds_counts(plans: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for plan in plans.values():
        counts.update(plan.counts)
    return counts


def write_kinds(village: Any, plans: dict[str, Any], stored: Any) -> dict[str, Any]:
    return {key: write(village, plans[key], stored) for key, _plan, write in KINDS}
