"""Fixtures for the engine's CPython tests."""

from __future__ import annotations

import pytest
from helpers import EXAMPLES

from lite.testing import TestClient


@pytest.fixture
def example():
    """Return a function that opens ``examples/NAME.py`` in a fresh test client."""

    def open_example(name: str) -> TestClient:
        return TestClient(str(EXAMPLES / f"{name}.py"))

    return open_example
