"""Run the tests in tests/ with pytest inside Pyodide.

tests/pyodide/run.mjs loads Pyodide, unpacks the test wheels, mounts the checkout and
calls :func:`main`. The tests in ``EXCLUDED`` cannot run inside Pyodide. Each is
listed with its reason, printed before the run, and still runs under CPython.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Paths to test files, or pytest node ids, relative to the checkout.
EXCLUDED = {
    "tests/test_cli.py": (
        "starts HTTP servers in threads and the lite command in subprocesses, "
        "and Pyodide has neither"
    ),
    "tests/test_reload.py": (
        "starts HTTP servers and file watchers in threads, and Pyodide has no threads"
    ),
    "tests/test_mixer_numpy.py": (
        "imports numpy, which has no Pyodide build on these machines"
    ),
    "tests/test_site.py::test_engine_wheel_imports_from_zip": (
        "starts a Python subprocess, and Emscripten does not support processes"
    ),
    "tests/test_site.py::test_engine_wheel_installs_with_pip": (
        "starts pip in a subprocess, and Emscripten does not support processes"
    ),
}


class Exclusions:
    """pytest plugin that drops the tests in ``EXCLUDED`` and rejects stale entries."""

    def __init__(self, root: Path, excluded: dict[str, str]) -> None:
        self.root = root
        self.files = {key for key in excluded if "::" not in key}
        self.node_ids = {key for key in excluded if "::" in key}

    def pytest_ignore_collect(self, collection_path: Path) -> bool | None:
        if not collection_path.is_relative_to(self.root):
            return None
        relative = collection_path.relative_to(self.root).as_posix()
        return True if relative in self.files else None

    # Run before -k and --deselect drop tests, because the check for stale entries
    # needs every collected test.
    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        kept = [item for item in items if item.nodeid not in self.node_ids]
        dropped = [item for item in items if item.nodeid in self.node_ids]
        collected_files = {item.nodeid.split("::")[0] for item in items}
        missing = {
            node_id
            for node_id in self.node_ids - {item.nodeid for item in dropped}
            if node_id.split("::")[0] in collected_files
        }
        if missing:
            raise pytest.UsageError(
                "EXCLUDED in tests/pyodide/runner.py names tests that were not "
                f"found: {', '.join(sorted(missing))}. Remove them from EXCLUDED."
            )
        items[:] = kept
        config.hook.pytest_deselected(items=dropped)


def check_excluded_paths(root: Path, excluded: dict[str, str]) -> None:
    """Raise ``FileNotFoundError`` if an entry names a file that does not exist."""
    for key in excluded:
        path = root / key.split("::")[0]
        if not path.is_file():
            raise FileNotFoundError(
                f"EXCLUDED in tests/pyodide/runner.py names {key}, but {path} "
                "was not found. Remove the entry from EXCLUDED."
            )


def main(root: str, args: list[str]) -> int:
    """Run pytest in the checkout at ``root`` and return its exit code.

    Args:
        root: The checkout's path in Pyodide's file system.
        args: pytest arguments. When they name no test paths, pytest runs
            ``tests`` only, because the override of ``testpaths`` leaves out
            ``playwright``, which needs a browser.
    """
    checkout = Path(root)
    check_excluded_paths(checkout, EXCLUDED)
    os.chdir(checkout)
    sys.path.insert(0, root)
    # Hypothesis keeps its example database in Pyodide's in-memory /tmp, not in the
    # checkout's .hypothesis/ that CPython runs use.
    os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", "/tmp/hypothesis")

    print("Excluded from the Pyodide run (they run under CPython):")
    for key, reason in EXCLUDED.items():
        print(f"  {key}: {reason}")
    sys.stdout.flush()

    plugin = Exclusions(checkout, EXCLUDED)
    defaults = ["-p", "no:cacheprovider", "-q", "-o", "testpaths=tests"]
    return int(pytest.main([*defaults, *args], [plugin]))
