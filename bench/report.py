"""Write docs/benchmarks.md from the results of a run (the raw samples are in the JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .figures import (
    EARLIER_GRADIO,
    MODES,
    ROUND_TRIPS,
    USABLE_LIMIT_MS,
    cell,
    cpython_case,
    interval,
    median,
    ms,
    pyodide_case,
    ratio,
    size,
    startup_stages,
    stat,
    table,
)
from .startup import GRADIO_STAGES, LITE_STAGES, RESOURCES
from .targets import profile_block, targets_section

# Sections ---------------------------------------------------------------------------


def header(results: dict[str, Any]) -> list[str]:
    meta = results["meta"]
    machine = meta["machine"]
    lines = [
        "# Benchmarks",
        "",
        (
            "lite against real Gradio on the same apps, in the same run, in headless "
            "Chromium. This page is written by `bench/run`; the raw samples are in "
            "benchmarks.json next to it. Every time is in milliseconds, as median / p95 "
            "(number of samples); with fewer than 20 samples the p95 is the maximum."
        ),
        "",
        (
            f"- Run: `{meta['command']}` ({meta['mode']}), {meta['date']}, "
            f"{meta.get('seconds', 0) / 60:.1f} minutes."
        ),
        (
            f"- Machine: {machine['cpu']}, {machine['cores']} cores, "
            f"{machine['memory_gib']} GiB, {machine['os']}. Other jobs shared the machine: "
            "see the load averages below."
        ),
        "- Versions: "
        + ", ".join(
            f"{name} {version}" for name, version in meta["versions"].items() if version
        )
        + ".",
        "- Load average (1, 5, 15 min) at the start → end of each section: "
        + "; ".join(
            f"{name} {_load(section['load_start'])} → {_load(section['load_end'])}"
            f" ({section['seconds']:.0f} s)"
            for name, section in meta["sections"].items()
        )
        + ".",
        "",
    ]
    for error in meta.get("errors", []):
        lines += [
            (
                f"**The {error['section']} section failed** ({error['error']}); its "
                "figures are missing or partial."
            ),
            "",
        ]
    return lines


def _load(load: Sequence[float]) -> str:
    return "/".join(f"{value:.1f}" for value in load)


# lite milestones that have a Gradio counterpart, for the ratio columns.
SHARED_STAGES = {
    "html": "html",
    "first_patch_applied": "first_render",
    "usable": "usable",
}
STARTUP_STEPS = [
    ("worker_started", "pyodide_ready", "loading Pyodide"),
    ("pyodide_ready", "engine_installed", "fetching engine.whl"),
    ("engine_installed", "engine_imported", "importing lite.bridge"),
    ("engine_imported", "app_run", "running the app module"),
    ("app_run", "first_patch_sent", "first render, diff and JSON in Python"),
    ("first_patch_sent", "first_patch_applied", "posting, parsing, applying"),
    ("first_patch_applied", "usable", "until the next frame"),
    (
        "pyodide_ready",
        "usable",
        f"**Pyodide ready → page usable** (target ≤ {USABLE_LIMIT_MS} ms)",
    ),
]


def startup_section(results: dict[str, Any]) -> list[str]:
    if "startup" not in results:
        return []
    lite = {mode: startup_stages(results, "lite", mode) for mode in MODES}
    gradio = {mode: startup_stages(results, "gradio", mode) for mode in MODES}
    lines = [
        "## Start-up (the to-do list)",
        "",
        (
            f"Milestones in ms since navigation start, median / p95 of {len(lite['cold'])} "
            "loads each. Cold: a new browser context (empty HTTP cache) per load. Warm: "
            "reloads in one persistent profile."
        ),
        "",
    ]
    rows = _milestone_rows(lite, gradio)
    for start, end, label in STARTUP_STEPS:
        rows.append(
            [f"step: {label}"]
            + [
                cell(stat(interval(lite[m], start, end), "value"), n=False)
                for m in MODES
            ]
            + ["", "", "", ""]
        )
    for name in RESOURCES:
        rows.append(
            [f"download of {name} (request → response end)"]
            + [
                cell(stat(_resources(results, m, name), "value"), n=False)
                for m in MODES
            ]
            + ["", "", "", ""]
        )
    lines += table(
        [
            "milestone",
            "lite cold",
            "lite warm",
            "Gradio cold",
            "Gradio warm",
            "lite/Gradio cold",
            "lite/Gradio warm",
        ],
        rows,
    )

    lines.append(
        f"Earlier measurement of Gradio 6.31 on these machines: "
        f"{EARLIER_GRADIO['first_render']} ms from navigation to the first render "
        "of the to-do list."
    )
    lines += ["", "Milestones:", ""]
    lines += [f"- {label}: {meaning}." for label, meaning in LITE_STAGES.values()]
    lines += [
        f"- {label} (Gradio): {meaning}."
        for key, (label, meaning) in GRADIO_STAGES.items()
        if key in ("dom_content_loaded", "load", "first_render")
    ]
    lines.append("")
    return lines


def _milestone_rows(
    lite: dict[str, list[dict[str, Any]]], gradio: dict[str, list[dict[str, Any]]]
) -> list[list[str]]:
    rows = []
    for key, (label, _) in LITE_STAGES.items():
        other = SHARED_STAGES.get(key)
        row = [label] + [
            cell(stat(_as_values(lite[m], key), "value"), n=False) for m in MODES
        ]
        for mode in MODES:
            row.append(
                cell(stat(_as_values(gradio[mode], other), "value"), n=False)
                if other
                else ""
            )
        for mode in MODES:
            row.append(
                ratio(
                    median(_as_values(lite[mode], key), "value"),
                    median(_as_values(gradio[mode], other), "value"),
                )
                if other
                else ""
            )
        rows.append(row)

    for key in ("dom_content_loaded", "load"):
        rows.append(
            [f"{GRADIO_STAGES[key][0]} (Gradio)", "", ""]
            + [cell(stat(_as_values(gradio[m], key), "value"), n=False) for m in MODES]
            + ["", ""]
        )
    return rows


def _as_values(stages: list[dict[str, Any]], key: str | None) -> list[dict[str, Any]]:
    if key is None:
        return []
    return [{"value": s[key]} for s in stages if key in s]


def _resources(results: dict[str, Any], mode: str, name: str) -> list[dict[str, Any]]:
    samples = results.get("startup", {}).get("lite", {}).get(mode, [])
    return [
        {"value": s["resources"][name]}
        for s in samples
        if name in s.get("resources", {})
    ]


def round_trip_section(results: dict[str, Any]) -> list[str]:
    trips = results.get("round_trips")
    if not trips:
        return []
    rows = []
    for key, label in ROUND_TRIPS.items():
        lite, gradio = trips[key].get("lite"), trips[key].get("gradio")
        split = (
            f"send {ms(median(lite, 'send'))}, worker {ms(median(lite, 'worker'))}, "
            f"apply {ms(median(lite, 'apply'))}; {size(median(lite, 'ops'))} ops, "
            f"{size(median(lite, 'bytes'))} B"
        )
        rows.append(
            [
                label,
                cell(stat(lite, "dom")),
                cell(stat(lite, "frame")),
                cell(stat(gradio, "dom")),
                cell(stat(gradio, "frame")),
                ratio(median(lite, "dom"), median(gradio, "dom")),
                split,
                EARLIER_GRADIO.get(key, ""),
            ]
        )
    lines = [
        "## Event round trips",
        "",
        (
            "Each time runs from the synthetic action, dispatched inside the page, to "
            "the MutationObserver callback that observes the expected DOM (→ DOM). "
            "→ frame runs to the next frame after it, so it includes the wait for the "
            'next vsync (up to 17 ms at 60 Hz). "lite split" gives three medians. '
            "send is the page handler until the message is posted. worker runs from "
            "the worker receiving the message to posting the patch (batching timer, "
            "Python, JSON). apply is the page's handling of the patch (JSON parsing "
            "and DOM changes)."
        ),
        "",
    ]
    lines += table(
        [
            "round trip",
            "lite → DOM",
            "lite → frame",
            "Gradio → DOM",
            "Gradio → frame",
            "lite/Gradio (DOM)",
            "lite split (medians)",
            "earlier Gradio → DOM",
        ],
        rows,
    )
    return lines


def scaling_section(results: dict[str, Any]) -> list[str]:
    scaling = results.get("scaling")
    if not scaling:
        return []
    cases = [
        ("split", count, f"split: paste {int(count):,} letters")
        for count in scaling["split"]
    ]
    cases += [
        ("todo", count, f"to-do: Done in a list of {int(count):,} tasks")
        for count in scaling["todo"]
    ]
    engine_rows, browser_rows = [], []
    for group, count, label in cases:
        lite = scaling[group][count].get("lite")
        gradio = scaling[group][count].get("gradio")
        cpython = cpython_case(results, group, count)
        pyodide = pyodide_case(results, group, count)
        engine_rows.append(
            [
                label,
                size(median(cpython, "ops")),
                size(median(cpython, "bytes")),
                cell(stat(cpython, "total_ms")),
                cell(stat(pyodide, "total_ms")),
                cell(stat(lite, "worker")),
                cell(stat(lite, "apply")),
            ]
        )
        browser_rows.append(
            [
                label,
                cell(stat(lite, "dom")),
                cell(stat(lite, "frame")),
                cell(stat(gradio, "dom")),
                cell(stat(gradio, "frame")),
                ratio(median(lite, "dom"), median(gradio, "dom")),
                EARLIER_GRADIO.get(f"{group}_{count}", ""),
            ]
        )
    lines = [
        "## Scaling",
        "",
        (
            "Split: from an empty input to N letters, pasted as one input event. "
            "To-do: each sample clicks Done on the first task of a list that starts "
            "with N tasks. That list is a copy of the example whose `gr.State([])` "
            "contains N tasks, written to bench/out/apps/. The engine side is timed "
            "with `lite.testing.TestClient` under CPython and inside Pyodide under "
            "Node.js. It covers the session handling the message (listener, "
            "re-render, keyed diff) and `json.dumps` of the patch. Patch bytes are "
            "`len(json.dumps(patch.to_dict()))`."
        ),
        "",
    ]
    lines += table(
        [
            "case",
            "patch ops",
            "patch bytes",
            "Python, CPython",
            "Python, Pyodide (Node)",
            "lite worker (browser)",
            "lite apply (browser)",
        ],
        engine_rows,
    )
    lines += table(
        [
            "case",
            "lite → DOM",
            "lite → frame",
            "Gradio → DOM",
            "Gradio → frame",
            "lite/Gradio (DOM)",
            "earlier Gradio → DOM",
        ],
        browser_rows,
    )
    return lines


def size_section(results: dict[str, Any]) -> list[str]:
    sizes = results.get("sizes")
    if not sizes:
        return []
    rows = []
    for product, data in sizes.items():
        for category, bucket in sorted(
            data["totals"].items(), key=lambda item: item[0] == "total"
        ):
            rows.append(
                [
                    product,
                    category,
                    str(bucket["files"]),
                    size(bucket["raw"]),
                    size(bucket["gzip"]),
                ]
            )
    lines = [
        "## Downloads",
        "",
        (
            "Bytes of every file a cold load of the to-do list fetched (page and worker), "
            "raw and compressed with gzip -9. Neither server compresses, so raw is what "
            "crossed the loopback."
        ),
        "",
    ]
    lines += table(["product", "part", "files", "raw bytes", "gzip bytes"], rows)
    lite = sizes.get("lite", {}).get("totals", {}).get("total")
    gradio = sizes.get("gradio", {}).get("totals", {}).get("total")
    if lite and gradio:
        lines += [
            (
                f"lite/Gradio, all files: {ratio(lite['raw'], gradio['raw'])} raw, "
                f"{ratio(lite['gzip'], gradio['gzip'])} gzipped."
            ),
            "",
        ]
    return lines


def memory_section(results: dict[str, Any]) -> list[str]:
    memory = results.get("memory")
    if not memory:
        return []
    lite, gradio = memory.get("lite", {}), memory.get("gradio", {})
    tasks = lite.get("tasks") or gradio.get("tasks")
    rows = [
        [
            "page JS heap (used)",
            size(lite.get("page_js_heap")),
            size(gradio.get("page_js_heap")),
        ],
        ["worker JS heap (used)", size(lite.get("worker_js_heap")), ""],
        ["Pyodide WebAssembly memory", size(lite.get("wasm_memory")), ""],
        ["Gradio server process (resident set)", "", size(gradio.get("server_rss"))],
        [
            "total",
            size(
                sum(
                    lite.get(k) or 0
                    for k in ("page_js_heap", "worker_js_heap", "wasm_memory")
                )
                or None
            ),
            size(
                sum(gradio.get(k) or 0 for k in ("page_js_heap", "server_rss")) or None
            ),
        ],
    ]
    lines = [
        "## Memory",
        "",
        (
            f"Bytes after the to-do list of {tasks:,} tasks and its Done clicks, after a "
            "forced garbage collection. The heaps come from the DevTools protocol "
            "(`Runtime.getHeapUsage`, for the worker through the page's session); the "
            "WebAssembly memory from the worker probe, which keeps a reference to the "
            "memory Pyodide instantiates. Gradio's Python runs in its server, so its "
            "resident set stands where lite's worker and WebAssembly memory stand."
        ),
        "",
    ]
    return lines + table(["figure", "lite", "Gradio"], rows)


METHOD = """## Method

- Pages are served on 127.0.0.1: lite's with `lite.site.assemble_site` and
  `lite.site.SiteServer`, as `lite serve` does; Gradio's by the app file itself
  (`demo.launch()`) in `bench/.venv-gradio`, with `GRADIO_SERVER_NAME=127.0.0.1`, a free
  port and `GRADIO_ANALYTICS_ENABLED=False`. Chromium resolves every other host to
  nothing (`--host-resolver-rules`), which keeps the HTTP cache on.
- A probe (bench/probe/page.js) is added to every page before its scripts run. It
  records start-up milestones with a MutationObserver, dispatches each user action
  from `page.evaluate` and stops the clock when the expected DOM appears. On lite
  pages it swaps lite/worker.js for a two-line module that loads the worker probe
  (bench/probe/worker.js) and then lite/worker.js, and it times every message both
  ways around the page's handler. The worker probe stamps each message the worker
  receives and posts, reads the worker's resource timing and performance marks, and
  keeps a reference to Pyodide's `WebAssembly.Memory`. Worker times are absolute
  (`timeOrigin + now()`), so the page puts them on its own clock.
- The start-up of lite runs a copy of the to-do app with a `performance.mark()` as its
  first and last line (bench/apps.py). The marks show when lite.bridge was imported and
  when the app module had run, which nothing else observable from outside separates.
- Per-product DOM lookups are in bench/apps.py: only the text field needs a selector
  per product; labels, buttons and headings are found by their text.
- Between samples the page waits two frames and 100 ms, so that no event of the
  previous sample is still running. Round trips reload the page every round, so lists
  stay short.
- Every sample of a run uses one copy of web/dist and one engine wheel, taken when the
  run starts (bench/out/snapshot/), because the checkout may change while it runs.

### Not observable without the probes

The worker probe, the swapped worker URL and the marked app copy stand in for
instrumentation that lite does not have yet. With these hooks in the product, the
benchmark could time the real page unchanged:

- `performance.mark()` in the worker at each start-up step: Pyodide loaded, engine
  fetched, lite.bridge imported, app module run, first render done, first patch posted.
- `performance.measure()` in the worker around each batch: Python handling (listener,
  render, diff) apart from JSON encoding, and the batching delay before it.
- `performance.measure()` in the page around parsing and applying each patch, named
  with its `seq`.
- A way to read Pyodide's WebAssembly memory size and Python's allocated blocks, for
  example a `stats` message that the worker answers.
"""


def render(results: dict[str, Any]) -> str:
    lines = header(results)
    lines += targets_section(results, profile_block(results))
    lines += startup_section(results)
    lines += round_trip_section(results)
    lines += scaling_section(results)
    lines += size_section(results)
    lines += memory_section(results)
    lines += [METHOD]
    return "\n".join(lines).rstrip("\n") + "\n"
