"""Time the engine's side of the scaling cases with ``lite.testing.TestClient``.

This module runs in two interpreters: under CPython, imported by the benchmark, and
inside Pyodide under Node.js, where ``bench/pyodide_cases.mjs`` runs ``main()`` and
reads one JSON document from stdout. It imports nothing but lite and the standard
library.

For each case it times what the worker does with one page message: the session
handles it (the listener, the re-render and the keyed diff) and the patch is encoded
as JSON, as ``lite.bridge`` encodes it. Patch bytes are
``len(json.dumps(patch.to_dict()))``.

lite is imported only inside the functions, so that bench/engine_import.py can import
it first, from the engine wheel, as the worker does.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lite.testing import TestClient

SPLIT_APP = "examples/split_letters.py"


def letters(count: int) -> str:
    """Return ``count`` letters, a to z repeated (the same text as bench/apps.py)."""
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    return (alphabet * (count // len(alphabet) + 1))[:count]


def handle(client: TestClient, message: dict[str, Any]) -> dict[str, Any]:
    """Send one message through the session and time it; return the sample.

    ``gc_collections`` counts the runs of Python's cyclic garbage collector (all
    generations) during the sample.
    """
    collections = _gc_collections()
    start = time.perf_counter()
    patch = client.session.handle([message])
    handled = time.perf_counter()
    json.dumps(patch.to_dict(), ensure_ascii=False)
    encoded = time.perf_counter()
    collected = _gc_collections() - collections
    client.page.apply(patch.ops)
    return {
        "handle_ms": (handled - start) * 1000,
        "json_ms": (encoded - handled) * 1000,
        "total_ms": (encoded - start) * 1000,
        "gc_collections": collected,
        "ops": len(patch.ops),
        "bytes": len(json.dumps(patch.to_dict())),
    }


def _gc_collections() -> int:
    return sum(generation["collections"] for generation in gc.get_stats())


def split_case(root: Path, count: int, repeats: int) -> list[dict[str, Any]]:
    """Paste ``count`` letters into an empty input of the split example."""
    from lite.testing import TestClient

    client = TestClient(str(root / SPLIT_APP), check=False)
    field = client.get("textbox", label="input")
    samples = []
    # The first sample warms up caches and is dropped.
    for _ in range(repeats + 1):
        client.type(field, "")
        samples.append(handle(client, client.edit_message(field, letters(count))))
    return samples[1:]


def todo_case(app: Path, repeats: int, gc_off: bool = False) -> list[dict[str, Any]]:
    """Click Done on the first task of a to-do list that starts with many tasks.

    With ``gc_off``, Python's cyclic garbage collector is disabled during the samples,
    which shows how much of the time it takes.
    """
    from lite.testing import TestClient

    client = TestClient(str(app), check=False)
    samples = []
    # Each sample moves one task to Complete, so a list has at most as many samples
    # as tasks. A first sample warms up caches and is dropped, when there is one left.
    tasks = len(client.find("button", value="Done"))
    repeats = min(repeats, tasks)
    warm_up = tasks > repeats
    if gc_off:
        gc.disable()
    try:
        for _ in range(repeats + warm_up):
            done = client.find("button", value="Done")[0]
            samples.append(handle(client, client.event_message(done, "click")))
    finally:
        gc.enable()
    return samples[warm_up:]


def run(root: Path, spec: dict[str, Any]) -> dict[str, Any]:
    """Run the cases that ``spec`` lists and return their samples.

    ``spec`` is ``{"split": [counts], "todo": {name: app path}, "repeats": n}``, with
    ``"gc_off": [names]`` to time those to-do cases again with the garbage collector
    off.
    """
    repeats = int(spec["repeats"])
    results: dict[str, Any] = {"split": {}, "todo": {}}
    for count in spec["split"]:
        results["split"][str(count)] = split_case(root, int(count), repeats)
    for name, app in spec["todo"].items():
        results["todo"][name] = todo_case(Path(app), repeats)
    results["todo_gc_off"] = {
        name: todo_case(Path(spec["todo"][name]), repeats, gc_off=True)
        for name in spec.get("gc_off", [])
    }
    return results


def main(argv: list[str]) -> int:
    """Run ``run(Path(argv[0]), json.loads(argv[1]))`` and print the result as JSON."""
    root, spec = Path(argv[0]), json.loads(argv[1])
    print(json.dumps({"python": sys.version, "results": run(root, spec)}))
    return 0
