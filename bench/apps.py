"""The apps the benchmark runs, the variants it writes, and how to find things in the DOM.

Both products render the same apps, but their DOM differs. Everything the harness looks
up in a page goes through the conditions and actions below, which the page probe
(``probe/page.js``) evaluates. Only the text field needs a selector per product: labels,
buttons and headings are found by their text, which is the same in both.

Conditions are plain dicts:

- ``{"fields": n}``: the page shows exactly ``n`` text fields (inputs and textareas of
  textboxes, found with the product's selector in `FIELD_SELECTORS`).
- ``{"text": s, "selector": css}``: an element matching ``css`` has the text ``s``.
- ``{"label": s}``: a form control is labelled ``s``.
- ``{"all": [condition, ...]}``: every condition is true.

Actions are plain dicts too:

- ``{"click": s, "index": i}``: click the ``i``-th button whose text is ``s``.
- ``{"enter": s}``: press Enter in the field labelled ``s`` (keydown, then keypress
  unless keydown was cancelled, then keyup, as a browser sends them).
- ``{"paste": text, "field": s}``: replace the text of the field labelled ``s`` and fire
  one ``input`` event, as a paste does.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples"

Condition = dict[str, Any]
Action = dict[str, Any]

# The one part of the DOM that differs between the products: the <input> or <textarea>
# of a gr.Textbox. lite: web/src/components/textbox.js. Gradio 6.31: the Textbox
# component's template puts data-testid="textbox" on the field.
FIELD_SELECTORS = {
    "lite": ".lite-textbox .lite-input",
    "gradio": '[data-testid="textbox"]',
}


def heading(text: str, level: int) -> Condition:
    """Return the condition that a heading of ``level`` shows ``text``."""
    return {"text": text, "selector": f"h{level}"}


@dataclasses.dataclass(frozen=True)
class App:
    """An app file and the condition that its first render is on the page.

    Attributes:
        name: a short name used in the results, such as ``"todo_list"``.
        path: the app file.
        first_render: a condition that becomes true when the page shows the app's
            first render, in either product.
    """

    name: str
    path: Path
    first_render: Condition


TODO = App("todo_list", EXAMPLES / "todo_list.py", heading("Incomplete Tasks (0)", 3))
ADD_BOX = App("add_box_merge", EXAMPLES / "add_box_merge.py", {"label": "Box 0"})
SPLIT = App(
    "split_letters", EXAMPLES / "split_letters.py", heading("No Input Provided", 2)
)

EMPTY_STATE = "tasks = gr.State([])"
TASK_STATE = (
    'tasks = gr.State([{{"name": f"Task {{i}}", "complete": False}} '
    "for i in range({count})])"
)


def in_own_folder(app: App, folder: Path) -> App:
    """Copy ``app`` unchanged into a folder of its own under ``folder``.

    lite serves, and the page fetches, every file in the app's folder, so an example
    served from examples/ would also download the other examples. A folder of its own
    is how an app is deployed.
    """
    path = _write_variant(folder / app.name, app.path.name, app.path.read_text("utf-8"))
    return dataclasses.replace(app, path=path)


def todo_with_tasks(count: int, folder: Path) -> App:
    """Write the to-do app with ``count`` tasks in its initial state into ``folder``.

    Only the ``gr.State([])`` line changes, so the app renders and handles events with
    the example's own code. Each variant gets a folder of its own, because lite serves
    every file in the app's folder.
    """
    source = (EXAMPLES / "todo_list.py").read_text("utf-8")
    if source.count(EMPTY_STATE) != 1:
        raise ValueError(
            f"examples/todo_list.py no longer contains {EMPTY_STATE!r} once; update "
            "bench/apps.py to build the to-do variants from the current example."
        )
    variant = source.replace(EMPTY_STATE, TASK_STATE.format(count=count))
    path = _write_variant(folder / f"todo_{count}", "todo_list.py", variant)
    return App(f"todo_{count}", path, heading(f"Incomplete Tasks ({count})", 3))


MARK = "import js as _bench_js; _bench_js.performance.mark({name!r})"
APP_START_MARK = "bench:app-start"
APP_END_MARK = "bench:app-end"


def with_timing_marks(app: App, folder: Path) -> App:
    """Write a copy of ``app`` that sets a performance mark first and last.

    The marks land in the worker's performance timeline, which the worker probe
    reports. The first mark is set when lite.bridge has been imported and the app's
    module starts. The last one is set when the module has run, before the first
    render. The copy runs only in lite, because ``js`` is Pyodide's module.
    """
    source = app.path.read_text("utf-8")
    lines = [
        MARK.format(name=APP_START_MARK),
        source.rstrip("\n"),
        MARK.format(name=APP_END_MARK),
        "",
    ]
    path = _write_variant(
        folder / f"{app.name}_marked", app.path.name, "\n".join(lines)
    )
    return dataclasses.replace(app, path=path)


def _write_variant(folder: Path, name: str, source: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(source, "utf-8")
    return path


def letters(count: int) -> str:
    """Return ``count`` letters, a to z repeated, for the split example."""
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    return (alphabet * (count // len(alphabet) + 1))[:count]


def task_count_heading(kind: str, count: int) -> Condition:
    """Return the condition that the to-do list heading of ``kind`` shows ``count``.

    ``kind`` is ``"Incomplete"`` or ``"Complete"``.
    """
    return heading(f"{kind} Tasks ({count})", 3)
