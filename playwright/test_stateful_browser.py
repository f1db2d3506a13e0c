"""Random user actions on the real to-do list and Add Box pages, checked against a model.

The browser counterpart of tests/test_stateful.py: each run draws its actions from a
seeded random generator, drives the page as a user would, and after every action
waits until the page shows what a plain model of the app expects. A failure
names the seed and the actions so far, so it can be replayed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from conftest import OpenPage
from page_state import add_box_state, expected_add_box, expected_todo, todo_state
from spy import count, open_spied, wait_until

ServeApp = Callable[[str | Path], str]
RecordProperty = Callable[[str, Any], None]

TODO = "examples/todo_list.py"
ADD_BOX = "examples/add_box_merge.py"
STEPS = count("property_steps", 30)
SEEDS = range(1, count("property_seeds", 3) + 1)

NAMES = ["A", "B", "", "Buy milk", "日本", "<b>x</b>", "<img src=x onerror=window.pwned=1>"]
TEXTS = ["", "a", "hello", "日本", "<i>x</i>", "a b"]


def click_in_row(page: Page, row: int, caption: str) -> None:
    page.locator("lite-app .lite-row").nth(row).get_by_role("button", name=caption).click()


@pytest.mark.parametrize("seed", SEEDS)
def test_todo_random_actions(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty, seed: int
) -> None:
    page = open_spied(open_page, serve_app(TODO))
    rng = random.Random(seed)
    tasks: list[dict[str, Any]] = []
    done: list[str] = []
    for _ in range(STEPS):
        incomplete = [task for task in tasks if not task["complete"]]
        action = rng.choice(["add", "add", "done", "delete"] if incomplete else ["add"])
        if action == "add":
            name = rng.choice(NAMES)
            field = page.get_by_label("Task Name")
            field.fill(name)
            field.press("Enter")
            tasks.append({"name": name, "complete": False})
            done.append(f"add {name!r}")
        else:
            position = rng.randrange(len(incomplete))
            click_in_row(page, position, "Done" if action == "done" else "Delete")
            if action == "done":
                incomplete[position]["complete"] = True
            else:
                tasks.remove(incomplete[position])  # the first equal task, as the app does
            done.append(f"{action} row {position}")
        try:
            wait_until(lambda: todo_state(page), expected_todo(tasks))
        except AssertionError as error:
            raise AssertionError(f"seed {seed}, after: {'; '.join(done)}") from error
    record_property("actions", len(done))
    assert page.evaluate("window.pwned") is None


@pytest.mark.parametrize("seed", SEEDS)
def test_add_box_random_actions(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty, seed: int
) -> None:
    page = open_spied(open_page, serve_app(ADD_BOX))
    rng = random.Random(seed)
    texts = [""]
    merged = ""
    done: list[str] = []
    for _ in range(STEPS):
        action = rng.choice(["add", "type", "type", "merge"])
        if action == "add":
            page.get_by_role("button", name="Add Box").click()
            texts.append("")
            done.append("add box")
        elif action == "type":
            position = rng.randrange(len(texts))
            text = rng.choice(TEXTS)
            page.get_by_label(f"Box {position}", exact=True).fill(text)
            texts[position] = text
            done.append(f"type {text!r} into box {position}")
        else:
            page.get_by_role("button", name="Merge").click()
            merged = " ".join(texts)
            done.append("merge")
        try:
            wait_until(lambda: add_box_state(page), expected_add_box(texts, merged))
        except AssertionError as error:
            raise AssertionError(f"seed {seed}, after: {'; '.join(done)}") from error
    record_property("actions", len(done))
