"""Walking the URL patterns of a resolver, for the project-level tests that must cover every
URL (test_no_store.py, test_tenant_isolation.py)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver


def url_patterns(
    resolver: URLResolver, prefix: str = "", namespace: str = "", converters: dict | None = None
) -> Iterator[tuple[str, str, dict]]:
    """(full route, namespaced name, converters) of every named URL pattern."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        found = {**(converters or {}), **getattr(entry.pattern, "converters", {})}
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from url_patterns(entry, route, inner.strip(":"), found)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield route, name, found
