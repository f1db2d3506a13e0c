"""Figures derived from a run's results, and how the report formats them.

Both the report's tables (report.py) and its target checks (targets.py) use these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .stats import summarize

Samples = Sequence[dict[str, Any]]

ROUND_TRIPS = {
    "todo_add": "to-do: Enter in Task Name → new task row",
    "todo_done": "to-do: click Done → task under Complete",
    "add_box": "Add Box: click → new box",
    "letter": "split: type one letter → its box",
}
# Gradio 6.31 figures measured earlier on machines of this kind, for reference.
EARLIER_GRADIO = {
    "first_render": "~650",
    "todo_add": "105–160",
    "add_box": "84",
    "letter": "58",
    "split_500": "670",
    "todo_200": "~2,000",
}
ROUND_TRIP_LIMIT_MS = 16
FEW_OPS = 10
RERENDER_LIMIT_MS = 20
USABLE_LIMIT_MS = 150
SIZE_LIMIT_BYTES = 150_000


MODES = ("cold", "warm")


# Numbers --------------------------------------------------------------------------


def values(samples: Samples | None, key: str) -> list[float]:
    return [float(s[key]) for s in samples or [] if s.get(key) is not None]


def stat(samples: Samples | None, key: str) -> dict[str, Any]:
    return summarize(values(samples, key))


def median(samples: Samples | None, key: str) -> float | None:
    result: float | None = stat(samples, key)["median"]
    return result


def ms(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) < 10:
        return f"{value:.2f}"
    if abs(value) < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def size(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def cell(summary: dict[str, Any], n: bool = True) -> str:
    """Format a summary as ``median / p95 (n)``."""
    if not summary["n"]:
        return "–"
    text = f"{ms(summary['median'])} / {ms(summary['p95'])}"
    return f"{text} ({summary['n']})" if n else text


def ratio(lite: float | None, gradio: float | None) -> str:
    if lite is None or gradio is None or gradio <= 0:
        return "–"
    value = lite / gradio
    if 0 < value < 0.5:
        return f"{value:.3f} (1/{gradio / lite:.0f})"
    return f"{value:.2f}" if value < 10 else f"{value:.0f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


# Derived figures --------------------------------------------------------------------


def startup_stages(
    results: dict[str, Any], product: str, mode: str
) -> list[dict[str, Any]]:
    return [
        s["stages"] for s in results.get("startup", {}).get(product, {}).get(mode, [])
    ]


def interval(
    stages: list[dict[str, Any]], start: str, end: str
) -> list[dict[str, Any]]:
    return [{"value": s[end] - s[start]} for s in stages if start in s and end in s]


def size_total(
    results: dict[str, Any], product: str, categories: Sequence[str]
) -> int | None:
    totals = results.get("sizes", {}).get(product, {}).get("totals")
    if not totals:
        return None
    return sum(totals.get(category, {}).get("gzip", 0) for category in categories)


def pyodide_case(results: dict[str, Any], group: str, name: str) -> Samples:
    samples: Samples = (
        results.get("python", {})
        .get("pyodide", {})
        .get("results", {})
        .get(group, {})
        .get(name, [])
    )
    return samples


def cpython_case(results: dict[str, Any], group: str, name: str) -> Samples:
    samples: Samples = (
        results.get("python", {})
        .get("cpython", {})
        .get("results", {})
        .get(group, {})
        .get(name, [])
    )
    return samples
