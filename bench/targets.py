"""The benchmark's targets: which a run met, and why it missed the others."""

from __future__ import annotations

from typing import Any

from .figures import (
    FEW_OPS,
    MODES,
    RERENDER_LIMIT_MS,
    ROUND_TRIP_LIMIT_MS,
    ROUND_TRIPS,
    SIZE_LIMIT_BYTES,
    USABLE_LIMIT_MS,
    Samples,
    cpython_case,
    interval,
    median,
    ms,
    pyodide_case,
    ratio,
    size,
    size_total,
    startup_stages,
    table,
)

Check = tuple[str, str, bool | None, str]


def targets(results: dict[str, Any]) -> list[Check]:
    """Return (target, measured, met, paragraph if missed) for each target.

    ``met`` is None when the run did not measure what the target compares with.
    """
    scaling = results.get("scaling", {})
    checks = _round_trip_targets(results.get("round_trips", {}))
    checks += _ratio_target(
        results,
        scaling.get("split", {}).get("500"),
        "split",
        "500",
        "500 letters: ≤ 1/5 of Gradio's",
        5,
    )
    checks += _ratio_target(
        results,
        scaling.get("todo", {}).get("200"),
        "todo",
        "200",
        "Done in a 200-task list: ≤ 1/50 of Gradio's",
        50,
    )
    checks += _rerender_target(results)
    checks += _usable_targets(results)
    checks += _size_target(results)
    return checks


def _round_trip_targets(trips: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    for key, label in ROUND_TRIPS.items():
        lite, gradio = trips.get(key, {}).get("lite"), trips.get(key, {}).get("gradio")
        lite_ms, gradio_ms = median(lite, "dom"), median(gradio, "dom")
        if lite_ms is None:
            continue
        met = lite_ms < ROUND_TRIP_LIMIT_MS
        measured = f"{ms(lite_ms)} ms"
        if gradio_ms is not None:
            met = met and lite_ms <= gradio_ms / 5
            measured += f", Gradio {ms(gradio_ms)} ms ({ratio(lite_ms, gradio_ms)})"
        checks.append(
            (
                f"{label}: median ≤ 1/5 of Gradio's and < {ROUND_TRIP_LIMIT_MS} ms",
                measured,
                met,
                _trip_paragraph(label, lite, gradio),
            )
        )
    return checks


def _rerender_target(results: dict[str, Any]) -> list[Check]:
    largest = results.get("scaling", {}).get("todo", {}).get("1000", {}).get("lite")
    if not largest:
        return []
    lite_ms, ops = median(largest, "dom"), median(largest, "ops")
    met = (
        lite_ms is not None
        and ops is not None
        and ops <= FEW_OPS
        and lite_ms < RERENDER_LIMIT_MS
    )
    return [
        (
            (
                f"1,000-task list, one change: a few ops (≤ {FEW_OPS}) and "
                f"< {RERENDER_LIMIT_MS} ms click → DOM"
            ),
            f"{size(ops)} ops, {ms(lite_ms)} ms",
            met,
            _scaling_paragraph(results, "todo", "1000", f"{RERENDER_LIMIT_MS} ms"),
        )
    ]


def _usable_targets(results: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    explained = False  # the import measurement goes in the first missed paragraph
    for mode in MODES:
        spans = interval(
            startup_stages(results, "lite", mode), "pyodide_ready", "usable"
        )
        value = median(spans, "value")
        if value is None:
            continue
        met = value <= USABLE_LIMIT_MS
        paragraph = _usable_paragraph(results, mode, with_import=not explained)
        explained = explained or not met
        checks.append(
            (
                f"page usable ≤ {USABLE_LIMIT_MS} ms after Pyodide is ready ({mode})",
                f"{ms(value)} ms",
                met,
                paragraph,
            )
        )
    return checks


def _size_target(results: dict[str, Any]) -> list[Check]:
    total = size_total(
        results, "lite", ("engine wheel", "renderer and worker JS", "CSS")
    )
    if total is None:
        return []
    return [
        (
            f"engine wheel + renderer + CSS ≤ {SIZE_LIMIT_BYTES // 1000} kB gzipped",
            f"{total / 1000:.1f} kB ({total:,} bytes)",
            total <= SIZE_LIMIT_BYTES,
            _size_paragraph(results, total),
        )
    ]


def _ratio_target(
    results: dict[str, Any],
    case: dict[str, Any] | None,
    group: str,
    count: str,
    label: str,
    factor: int,
) -> list[Check]:
    if not case or not case.get("lite"):
        return []
    lite_ms, gradio_ms = median(case["lite"], "dom"), median(case.get("gradio"), "dom")
    if gradio_ms is None:
        return [(label, f"{ms(lite_ms)} ms; Gradio not measured in this run", None, "")]
    met = lite_ms is not None and lite_ms <= gradio_ms / factor
    return [
        (
            label,
            (
                f"{ms(lite_ms)} ms, Gradio {ms(gradio_ms)} ms "
                f"({ratio(lite_ms, gradio_ms)})"
            ),
            met,
            _scaling_paragraph(
                results,
                group,
                count,
                f"1/{factor} of Gradio's ({ms(gradio_ms / factor)} ms)",
            ),
        )
    ]


def _trip_paragraph(label: str, lite: Samples | None, gradio: Samples | None) -> str:
    parts = {
        "the page handler": median(lite, "send"),
        "the worker": median(lite, "worker"),
        "applying the patch": median(lite, "apply"),
    }
    largest = max(
        (k for k, v in parts.items() if v is not None),
        key=lambda k: parts[k] or 0,
        default="the worker",
    )
    gradio_ms = median(gradio, "dom")
    versus = f" against Gradio's {ms(gradio_ms)} ms" if gradio_ms is not None else ""
    return (
        f"**{label}.** The median was {ms(median(lite, 'dom'))} ms{versus}. Of it, "
        + ", ".join(f"{name} took {ms(value)} ms" for name, value in parts.items())
        + f"; the rest is message passing and the observer. The largest part is "
        f"{largest}."
    )


def _scaling_paragraph(
    results: dict[str, Any], group: str, count: str, limit: str
) -> str:
    lite = results["scaling"][group][count].get("lite")
    cpython = cpython_case(results, group, count)
    pyodide = pyodide_case(results, group, count)
    subject = (
        f"Pasting {int(count):,} letters"
        if group == "split"
        else f"Clicking Done in a list of {int(count):,} tasks"
    )
    text = (
        f"**{subject}** took {ms(median(lite, 'dom'))} ms to the DOM in lite "
        f"(target {limit}). The patch had {size(median(lite, 'ops'))} ops and "
        f"{size(median(lite, 'bytes'))} bytes. The worker took "
        f"{ms(median(lite, 'worker'))} ms and applying the patch "
        f"{ms(median(lite, 'apply'))} ms. The engine alone took "
        f"{ms(median(cpython, 'total_ms'))} ms for the same case under CPython and "
        f"{ms(median(pyodide, 'total_ms'))} ms in Pyodide under Node.js."
    )
    if group == "todo":
        text += (
            " The patch stays small, but the work before it does not. The click "
            "re-runs the render function, which builds every row again as new "
            "blocks and listeners. The session then snapshots the new tree and "
            "diffs all of it against the previous one, so the cost grows linearly "
            "with the number of tasks."
        )
        text += _gc_sentence(results, count, cpython, pyodide)
        text += _profile_sentence(results, count)
    else:
        text += (
            " Here the patch itself is large: one create op per letter, each with "
            "the textbox's full props, so Python builds and encodes it and the page "
            "parses it and builds every element."
        )
    return text


def _gc_sentence(
    results: dict[str, Any], count: str, cpython: Samples, pyodide: Samples
) -> str:
    python = results.get("python", {})
    cpython_off = python.get("cpython", {}).get("results", {}).get("todo_gc_off", {})
    pyodide_off = python.get("pyodide", {}).get("results", {}).get("todo_gc_off", {})
    if count not in cpython_off:
        return ""
    runs = median(cpython, "gc_collections")
    return (
        f" Python's cyclic garbage collector ran {size(runs)} "
        f"{'time' if runs == 1 else 'times'} during a click under CPython (median). "
        f"With it disabled for the whole sample, a click took "
        f"{ms(median(cpython_off[count], 'total_ms'))} ms instead of "
        f"{ms(median(cpython, 'total_ms'))} ms under CPython, and "
        f"{ms(median(pyodide_off.get(count), 'total_ms'))} ms instead of "
        f"{ms(median(pyodide, 'total_ms'))} ms in Pyodide."
    )


def _profile_sentence(results: dict[str, Any], count: str) -> str:
    profile = results.get("python", {}).get("profile")
    if not profile or str(profile.get("tasks")) != count:
        return ""
    text = (
        f" Under cProfile (below), the render function, which is the app's code "
        f"together with the blocks and listeners it creates, took "
        f"{ms(profile['app_code_ms'])} of {ms(profile['total_ms'])} ms. The rest is "
        "the session replacing the previous run, snapshotting the tree and diffing it."
    )
    runs = median(cpython_case(results, "todo", count), "gc_collections")
    if runs is not None and runs > 1:
        text += (
            " The own times in the profile include the collector's pauses, which fall "
            "on whichever function is allocating."
        )
    return text


def _usable_paragraph(results: dict[str, Any], mode: str, with_import: bool) -> str:
    stages = startup_stages(results, "lite", mode)

    def span(start: str, end: str) -> str:
        return ms(median(interval(stages, start, end), "value"))

    text = (
        f"**Pyodide ready → usable, {mode}:** "
        f"{span('pyodide_ready', 'usable')} ms. Fetching engine.whl and putting it on "
        f"sys.path took {span('pyodide_ready', 'engine_installed')} ms, and importing "
        f"lite.bridge {span('engine_installed', 'engine_imported')} ms. The app "
        f"module took {span('engine_imported', 'app_run')} ms, the first render with "
        f"its diff and JSON {span('app_run', 'first_patch_sent')} ms, and passing and "
        f"applying the patch {span('first_patch_sent', 'first_patch_applied')} ms. "
        f"The frame after it came {span('first_patch_applied', 'usable')} ms later."
    )
    imported = (
        results.get("python", {})
        .get("pyodide", {})
        .get("results", {})
        .get("engine_import")
    )
    if imported and with_import:
        again = [{"value": value} for value in imported.get("reimport_ms", [])]
        others = len(imported["other_modules"])
        stdlib = (
            f"including {others} standard-library modules it needs"
            if others
            else "with every standard-library module it needs already loaded"
        )
        text += (
            f" Inside Pyodide under Node.js, the first import of lite.bridge from "
            f"engine.whl took {ms(imported['import_ms'])} ms, {stdlib}, and "
            f"importing lite's {imported['modules']} modules again took "
            f"{ms(median(again, 'value'))} ms (median of {len(again)}). Under "
            f"cProfile, {ms(imported['profiled_compile_ms'])} of "
            f"{ms(imported['profiled_ms'])} ms of that import went to `compile()`: the "
            "wheel carries source only, and Python never writes bytecode for modules "
            "imported from a zip, so every start compiles the engine again."
        )
    return text


def _size_paragraph(results: dict[str, Any], total: int) -> str:
    files = results["sizes"]["lite"]["files"]
    parts = ", ".join(
        f"{f['path']} {f['gzip']:,}"
        for f in files
        if f["category"] in ("engine wheel", "renderer and worker JS", "CSS")
    )
    return (
        f"**Engine, renderer and CSS: {total:,} bytes gzipped** "
        f"(target {SIZE_LIMIT_BYTES:,}): {parts}. The wheel is a zip already, so "
        "gzip gains little on it."
    )


def targets_section(results: dict[str, Any], profile: str | None) -> list[str]:
    checks = targets(results)
    rows = [
        [
            target,
            measured,
            {True: "met", False: "**missed**", None: "not measured"}[met],
        ]
        for target, measured, met, _ in checks
    ]
    lines = [
        "## Targets",
        "",
        "Targets from the benchmark issue. They are reported, never asserted.",
        "",
    ]
    lines += table(["target", "measured (medians)", "status"], rows)
    missed = [
        paragraph for _, _, met, paragraph in checks if met is False and paragraph
    ]
    if missed:
        lines += ["### Missed targets", ""]
        for paragraph in missed:
            lines += [paragraph, ""]
    if profile:
        lines += ["### Profile", "", profile, ""]
    return lines


def profile_block(results: dict[str, Any]) -> str | None:
    profile = results.get("python", {}).get("profile")
    if not profile:
        return None
    return (
        f"cProfile of {profile['case']}: session.handle() plus json.dumps() of the "
        f"patch, sorted by own time.\n\n```\n{profile['text']}\n```"
    )
