"""Which app may import which (docs/architecture.md): no app imports the district portal (the
portal shows the domains, never the other way round), and `lib` knows no domain at all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BALAI = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _modules(app: str) -> list[Path]:
    return [
        p
        for p in (BALAI / app).rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts
    ]


APPS = sorted(
    p.name for p in BALAI.iterdir() if (p / "apps.py").exists() and p.name not in {"portal"}
)


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_the_portal(app):
    offenders = {
        str(path.relative_to(BALAI)): sorted(
            m for m in _imports(path) if m.startswith("balai.portal")
        )
        for path in _modules(app)
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_lib_imports_no_app():
    offenders = {
        str(path.relative_to(BALAI)): sorted(
            m for m in _imports(path) if m.startswith("balai.") and not m.startswith("balai.lib")
        )
        for path in _modules("lib")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_the_walk_sees_the_apps():
    assert {"news", "population", "imports", "watch", "lib"} <= set(APPS)
