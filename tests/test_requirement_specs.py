"""Tests of lite.requirements with a stand-in micropip.

The requirements that must count as installed are pytest and pluggy, which every
test environment has, under CPython and inside Pyodide.
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Coroutine
from typing import Any

import pytest

from lite import requirements


class FakeMicropip(types.ModuleType):
    """Records install calls and raises for the requirements in ``failures``."""

    def __init__(self, failures: dict[str, Exception] | None = None) -> None:
        super().__init__("micropip")
        self.failures = failures or {}
        self.calls: list[tuple[str, list[str] | None]] = []

    async def install(self, requirement: str, index_urls: list[str] | None) -> None:
        self.calls.append((requirement, index_urls))
        if requirement in self.failures:
            raise self.failures[requirement]


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine that never suspends, without an event loop."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("the coroutine suspended")


def install(
    monkeypatch: pytest.MonkeyPatch,
    names: list[str],
    index_urls: list[str] | None = None,
    failures: dict[str, Exception] | None = None,
) -> tuple[dict[str, Any] | None, FakeMicropip, list[tuple[str, int, int]]]:
    micropip = FakeMicropip(failures)
    monkeypatch.setitem(sys.modules, "micropip", micropip)
    reports: list[tuple[str, int, int]] = []
    request = json.dumps({"requirements": names, "indexUrls": index_urls or []})
    result = run(
        requirements.install(request, lambda *args: reports.append(args))
    )
    return (json.loads(result) if result else None), micropip, reports


def test_install_each_requirement(monkeypatch: pytest.MonkeyPatch) -> None:
    failure, micropip, reports = install(
        monkeypatch, ["pytest>=1", "pluggy"], ["https://index.test/simple"]
    )

    assert failure is None
    assert micropip.calls == [
        ("pytest>=1", ["https://index.test/simple"]),
        ("pluggy", ["https://index.test/simple"]),
    ]
    assert reports == [("pytest>=1", 0, 2), ("pluggy", 1, 2)]


def test_install_default_index_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    _, micropip, _ = install(monkeypatch, ["pytest"])

    assert micropip.calls == [("pytest", None)]


def test_install_failure_names_requirement(monkeypatch: pytest.MonkeyPatch) -> None:
    error = ValueError("Can't fetch metadata for 'nope'.\nPlease check the name.")

    failure, micropip, _ = install(
        monkeypatch, ["pytest", "nope", "pluggy"], ["https://index.test/simple"],
        failures={"nope": error},
    )

    assert failure is not None
    assert failure["requirement"] == "nope"
    assert failure["message"] == (
        "Can't fetch metadata for 'nope'. Please check the name. "
        "Package index: https://index.test/simple."
    )
    assert "ValueError" in failure["traceback"]
    assert [call[0] for call in micropip.calls] == ["pytest", "nope"]


def test_install_failure_keeps_error_type(monkeypatch: pytest.MonkeyPatch) -> None:
    failure, _, _ = install(
        monkeypatch, ["pytest"], failures={"pytest": OSError("Failed to fetch")}
    )

    assert failure is not None
    assert failure["message"].startswith("OSError: Failed to fetch. Package index: ")


def test_install_checks_package_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    """micropip can return without error and without the package."""
    failure, _, _ = install(monkeypatch, ["surely-not-installed-lite-test"])

    assert failure is not None
    assert failure["requirement"] == "surely-not-installed-lite-test"
    assert "no package named 'surely-not-installed-lite-test'" in failure["message"]
    assert "PyPI (the default)" in failure["message"]
    assert failure["traceback"] is None


@pytest.mark.parametrize(
    ("requirement", "name"),
    [
        ("foo", "foo"),
        ("Foo.Bar_baz>=1,<2", "Foo.Bar_baz"),
        ("foo[cli]==2", "foo"),
        ("pkg@https://host.test/files/pkg-1.0-py3-none-any.whl", "pkg"),
        ("https://host.test/files/foo_bar-1.0-py3-none-any.whl#sha256=00", "foo_bar"),
        ("emfs:/tmp/wheels/foo-1.0-py3-none-any.whl", "foo"),
        ('foo; python_version >= "3"', "foo"),
        ('foo; python_version < "3"', None),
        ("", None),
    ],
)
def test_installed_name(requirement: str, name: str | None) -> None:
    assert requirements.installed_name(requirement) == name
