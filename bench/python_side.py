"""The engine's time for the scaling cases under CPython and inside Pyodide (Node.js),
and a cProfile summary of the slowest case."""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import subprocess
from pathlib import Path
from typing import Any

from lite.testing import TestClient

from . import cases
from .apps import REPO_ROOT

PYODIDE_TIMEOUT_S = 600


def cpython(spec: dict[str, Any]) -> dict[str, Any]:
    """Run the cases in this interpreter."""
    return cases.run(REPO_ROOT, spec)


def pyodide(spec: dict[str, Any]) -> dict[str, Any]:
    """Run the cases inside Pyodide under Node.js and return its results."""
    completed = subprocess.run(
        ["node", str(REPO_ROOT / "bench" / "pyodide_cases.mjs"), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=PYODIDE_TIMEOUT_S,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"bench/pyodide_cases.mjs failed with exit code {completed.returncode}:\n"
            f"{completed.stderr[-4000:]}"
        )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def profile_todo(app: Path, lines: int = 18) -> dict[str, Any]:
    """Profile clicking Done once in ``app`` under CPython.

    Returns the summary text, the profiled total and the part of it spent in the
    app's own code (its render function and listeners), in ms. The summary lists the
    functions with the most time of their own, with paths shortened to the part after
    the checkout or the standard library.
    """
    client = TestClient(str(app), check=False)
    done = client.find("button", value="Done")[0]
    message = client.event_message(done, "click")
    profiler = cProfile.Profile()
    profiler.enable()
    patch = client.session.handle([message])
    json.dumps(patch.to_dict(), ensure_ascii=False)
    profiler.disable()

    stats = pstats.Stats(profiler, stream=io.StringIO())
    entries = stats.stats  # type: ignore[attr-defined]
    app_ms = (
        max(
            (entry[3] for key, entry in entries.items() if key[0] == str(app)),
            default=0.0,
        )
        * 1000
    )
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(lines)
    text = out.getvalue().replace(str(REPO_ROOT) + "/", "")
    summary_lines = [
        line.rstrip()
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith(("Ordered by", "List reduced"))
    ]
    return {
        "text": "\n".join(_shorten(line) for line in summary_lines),
        "total_ms": stats.total_tt * 1000,  # type: ignore[attr-defined]
        "app_code_ms": app_ms,
    }


def _shorten(line: str) -> str:
    # "/usr/lib/python3.11/json/encoder.py:200(encode)" -> "json/encoder.py:200(encode)"
    marker = "/python3."
    if marker in line:
        head, _, tail = line.partition(marker)
        prefix = head.rsplit(" ", 1)[0] + " " if " " in head else ""
        tail = tail.split("/", 1)[1] if "/" in tail else tail
        return f"{prefix}{tail}"
    return line
