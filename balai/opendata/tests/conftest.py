from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The demo district (three live villages with every module's data, Dagan among them),
    built once per test module inside a transaction rolled back at its end; each test runs in
    a savepoint inside it (as balai/tests/test_tenant_isolation.py does)."""
    from balai.budget import tree
    from balai.portal.demo import demo_build

    with django_db_blocker.unblock():
        block = transaction.atomic()
        block._from_testcase = True  # type: ignore[attr-defined]  # not a request's transaction
        block.__enter__()
        try:
            demo_build(villages=3)
            yield
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
            tree.account_index_clear()


def get_json(client: Any, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response.json()
