"""Readers of the to-do list and Add Box pages that return what they show as data.

The race and property tests compare these with a model of what the page must show.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

TODO_STATE = """() => {
  const app = document.querySelector("lite-app");
  const taskName = [...app.querySelectorAll("label")]
    .find((label) => label.textContent === "Task Name")?.control;
  const fields = [...app.querySelectorAll("input, textarea")]
    .filter((field) => field !== taskName);
  return {
    headings: [...app.querySelectorAll("h3")].map((heading) => heading.textContent),
    incomplete: fields.filter((field) => field.closest(".lite-row"))
      .map((field) => field.value),
    complete: fields.filter((field) => !field.closest(".lite-row"))
      .map((field) => field.value),
  };
}"""

ADD_BOX_STATE = """() => {
  const app = document.querySelector("lite-app");
  const labelled = [...app.querySelectorAll("label")].filter((label) => label.control);
  const boxes = labelled.filter((label) => /^Box \\d+$/.test(label.textContent));
  const merged = labelled.find((label) => label.textContent === "Merged Output");
  return {
    labels: boxes.map((label) => label.textContent),
    values: boxes.map((label) => label.control.value),
    merged: merged.control.value,
  };
}"""


def todo_state(page: Page) -> dict[str, Any]:
    """Return the to-do page's headings and its incomplete and complete task names."""
    return page.evaluate(TODO_STATE)


def expected_todo(tasks: list[dict[str, Any]]) -> dict[str, Any]:
    """Return what the to-do page shows for ``tasks``, a list of name and complete."""
    incomplete = [task["name"] for task in tasks if not task["complete"]]
    complete = [task["name"] for task in tasks if task["complete"]]
    return {
        "headings": [f"Incomplete Tasks ({len(incomplete)})",
                     f"Complete Tasks ({len(complete)})"],
        "incomplete": incomplete,
        "complete": complete,
    }


def add_box_state(page: Page) -> dict[str, Any]:
    """Return the Add Box page's box labels, their values and the merged output."""
    return page.evaluate(ADD_BOX_STATE)


def expected_add_box(texts: list[str], merged: str) -> dict[str, Any]:
    return {"labels": [f"Box {i}" for i in range(len(texts))], "values": texts,
            "merged": merged}
