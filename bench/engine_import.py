"""Time importing lite.bridge from the engine wheel inside Pyodide, as the worker does.

bench/pyodide_cases.mjs calls `measure` before anything else imports lite or the
modules that lite needs, so the first import costs what it costs in the worker. The
module itself imports only ``importlib``, ``sys`` and ``time`` before that first import.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import Any


def measure(wheel: str, repeats: int) -> dict[str, Any]:
    """Import ``lite.bridge`` from ``wheel`` and time it.

    The first import is timed as it is, with the standard-library modules it needs.
    Then lite's modules are dropped and imported again ``repeats`` times, which times
    lite alone, and once more under cProfile, to find the share of compiling source to
    bytecode. A wheel contains no ``.pyc`` files, and imports from a zip never write
    any, so every import compiles again.
    """
    if "lite" in sys.modules:
        raise RuntimeError("lite is imported already; time the import first")
    sys.path.insert(0, wheel)
    before = set(sys.modules)
    first_ms = _time_import()
    modules = _lite_modules()
    others = sorted(set(sys.modules) - before - set(modules))
    again_ms = []
    for _ in range(repeats):
        _drop(modules)
        again_ms.append(_time_import())

    import cProfile
    import pstats

    _drop(modules)
    profiler = cProfile.Profile()
    profiler.enable()
    importlib.import_module("lite.bridge")
    profiler.disable()
    stats = pstats.Stats(profiler)
    compile_s = sum(
        entry[2]
        for key, entry in stats.stats.items()  # type: ignore[attr-defined]
        if key[2] == "<built-in method builtins.compile>"
    )
    return {
        "import_ms": first_ms,
        "reimport_ms": again_ms,
        "modules": len(modules),
        "other_modules": others,
        "profiled_ms": stats.total_tt * 1000,  # type: ignore[attr-defined]
        "profiled_compile_ms": compile_s * 1000,
    }


def _time_import() -> float:
    start = time.perf_counter()
    importlib.import_module("lite.bridge")
    return (time.perf_counter() - start) * 1000


def _lite_modules() -> list[str]:
    return [name for name in sys.modules if name == "lite" or name.startswith("lite.")]


def _drop(modules: list[str]) -> None:
    for name in modules:
        sys.modules.pop(name, None)
