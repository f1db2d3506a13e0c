"""Hostile text and messages: markup never runs, and garbage never breaks the worker.

Text from the app or its users is shown as text; Markdown and gr.HTML go through
DOMPurify. Messages posted straight to the app's worker, as other scripts on the
page could, are rejected with a reason in the console, and the app goes on working.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect

from conftest import OpenPage
from spy import APPS, Console, count, open_spied, post_to_worker

ServeApp = Callable[[str | Path], str]
RecordProperty = Callable[[str, Any], None]

TODO = "examples/todo_list.py"
MARKUP = APPS / "markup.py"
FUZZ_BATCHES = count("fuzz_batches", 60)

IMG = "<img src=x onerror=window.pwned=1>"

# Each payload tries a different way to run script from Markdown or HTML.
PAYLOADS = [
    "<img src=x onerror=\"window.pwned='img'\">",
    "[click](javascript:window.pwned='markdown-link')",
    "<a href=\"javascript:window.pwned='a'\">a</a>",
    "<a href=\"  jAvAsCrIpT:window.pwned='case'\">case</a>",
    "<a href=\"&#106;avascript:window.pwned='entity'\">entity</a>",
    "<div onclick=\"window.pwned='div'\" onmouseover=\"window.pwned='hover'\">div</div>",
    "<script>window.pwned='script'</script>",
    "<iframe src=\"javascript:window.pwned='iframe'\"></iframe>",
    "<svg onload=\"window.pwned='svg'\"><script>window.pwned='svg-script'</script></svg>",
    "<form action=\"javascript:window.pwned='form'\"><button>go</button></form>",
    "<object data=\"javascript:window.pwned='object'\"></object><embed src=\"x.js\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.pwned='mxss'\">",
    "<details open ontoggle=\"window.pwned='details'\">d</details>",
    "<input autofocus onfocus=\"window.pwned='input'\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned='meta'\">",
    "<base href=\"javascript:window.pwned='base'//\">",
    "<a href=\"data:text/html,<script>window.pwned='data'</script>\">data</a>",
]

UNSAFE_CONTENT = """(root) => {
  const problems = [];
  for (const element of root.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (["script", "iframe", "object", "embed", "form", "meta", "base"].includes(tag)) {
      problems.push(`<${tag}>`);
    }
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (name.startsWith("on")) problems.push(`${tag} ${name}`);
      if (value.startsWith("javascript:") || value.startsWith("data:text/html")) {
        problems.push(`${tag} ${name}=${attribute.value}`);
      }
    }
  }
  return problems;
}"""


def node_id(page: Page, label: str) -> int:
    """Return the node id of the component labelled ``label``."""
    field = page.get_by_label(label, exact=True)
    return field.evaluate("(field) => Number(field.closest('[data-lite-id]').dataset.liteId)")


def task_names(page: Page) -> list[str]:
    """Return the names of the tasks in the to-do list's rows."""
    return page.get_by_role("textbox", name="Textbox", exact=True).evaluate_all(
        "(fields) => fields.map((field) => field.value)"
    )


def add_task(page: Page, name: str) -> None:
    field = page.get_by_label("Task Name")
    field.fill(name)
    field.press("Enter")
    expect(field).to_have_value("")


# Text is never HTML


def test_task_name_markup_is_text(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(TODO))
    add_task(page, IMG)
    expect(page.get_by_role("textbox", name="Textbox", exact=True)).to_have_value(IMG)
    page.get_by_role("button", name="Done").click()
    expect(page.get_by_text("Complete Tasks (1)")).to_be_visible()
    expect(page.get_by_role("textbox", name="Textbox", exact=True)).to_have_value(IMG)
    assert page.locator("lite-app img").count() == 0
    assert page.evaluate("window.pwned") is None


def test_labels_info_and_choices_are_text(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(MARKUP))
    label = "<b>bold label</b><img src=x onerror=window.pwned=1>"
    info = "<i>info</i><script>window.pwned=2</script>"
    expect(page.get_by_text(label, exact=True)).to_have_count(3)
    expect(page.get_by_text(info, exact=True)).to_have_count(3)
    expect(page.get_by_label("<img src=y onerror=window.pwned=3>")).to_be_visible()
    expect(page.get_by_role("button", name="<img src=z onerror=window.pwned=4>")).to_be_visible()

    page.get_by_label("Source").fill(IMG)
    page.get_by_role("button", name="Relabel").click()
    relabelled = page.get_by_label(IMG, exact=True)
    expect(relabelled).to_be_visible()
    block = page.locator(".lite-textbox").filter(has=relabelled)
    expect(block.get_by_text(IMG, exact=True)).to_have_count(2)  # the label and the info
    # Only Markdown and HTML may contain markup, and they contain IMG from Source.
    outside = "lite-app :is(b, i, script, img):not(.lite-markdown *, .lite-html *)"
    assert page.locator(outside).count() == 0
    assert page.evaluate("window.pwned") is None


def test_markdown_and_html_are_sanitized(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    page = open_spied(open_page, serve_app(MARKUP))
    record_property("payloads", len(PAYLOADS))
    source = page.get_by_label("Source")
    markdown = page.locator(".lite-markdown")
    html = page.locator(".lite-html")
    for number, payload in enumerate(PAYLOADS):
        marker = f"payload {number}"
        source.fill(f"{marker}\n\n{payload}")
        expect(markdown).to_contain_text(marker)
        expect(html).to_contain_text(marker)
        page.mouse.move(10, 10)
        for block in (markdown, html):
            block.hover()
            assert block.evaluate(UNSAFE_CONTENT) == [], payload
        assert page.evaluate("window.pwned") is None, payload
    # Safe markup stays.
    source.fill("**bold** [site](https://example.com)")
    expect(markdown.locator("strong")).to_have_text("bold")
    expect(markdown.get_by_role("link", name="site")).to_have_attribute(
        "href", "https://example.com")
    expect(markdown.get_by_role("link", name="site")).to_have_attribute("rel",
                                                                       "noopener noreferrer")


# Messages posted straight to the worker


def garbage_messages(page: Page, task_id: int) -> int:
    """Post messages of every broken shape straight to the worker, built in the page.

    Returns the number of messages posted.
    """
    return page.evaluate(
        """(taskId) => {
          const worker = window.liteWorkers.at(-1);
          const deep = [];
          let level = deep;
          for (let i = 0; i < 100; i++) { const next = []; level.push(next); level = next; }
          const cycle = { type: "edit", id: taskId };
          cycle.value = cycle;
          const messages = [
            "text", 42, null, [1, 2], true,
            { type: "edit", id: taskId, value: deep },
            cycle,
            { type: "edit", id: taskId, value: { $buffer: 0 } },
            { type: "edit", id: taskId, value: { pcm: new ArrayBuffer(70 * 1024 * 1024) } },
            { type: "edit", id: taskId, value: 10n },
            { type: "shout", id: taskId },
            { type: "edit", id: "one", value: "x" },
            { type: "edit", id: taskId },
            { type: "event", id: taskId, name: 7 },
            { type: "event", id: 999999, name: "click", seq: 1 },
            { type: "edit", id: taskId, value: new Date(0), seq: 1 },
            { type: "edit", id: taskId, value: new Map([[1, 2]]), seq: 1 },
            { type: "event", id: taskId, name: "x".repeat(10000), seq: 1 },
            { type: "init" },
          ];
          for (const message of messages) worker.postMessage(message);
          return messages.length;
        }""",
        task_id,
    )


def test_garbage_to_worker_is_rejected(
    open_page: OpenPage, serve_app: ServeApp, record_property: RecordProperty
) -> None:
    page = open_spied(open_page, serve_app(TODO))
    console = Console(page)
    task_id = node_id(page, "Task Name")
    record_property("garbage_messages", garbage_messages(page, task_id))
    reasons = [
        "rejected a page message: a page message must be an object, not a string",
        "rejected a page message: a page message must be an object, not a number",
        "rejected a page message: a page message must be an object, not null",
        "rejected a page message: a page message must be an object, not an array",
        "rejected a page message: a page message must be an object, not a boolean",
        "rejected a page message: it is nested more than 32 levels deep",
        'rejected a page message: it contains a "$buffer" key',
        "rejected a page message: it carries more than 67,108,864 bytes of binary data",
        "dropping a page message that cannot be encoded",
        "Dropped a malformed message: unknown message type 'shout'",
        "Dropped a malformed message: message field 'id' must be a whole number, not 'one'",
        "Dropped a malformed message: an edit message is missing its 'value'",
        "Dropped a malformed message: an event message needs a 'name' string, not 7",
        "Dropped a malformed message: an event message needs a 'name' string, not 'xxx",
        "ignoring a second init message",
    ]
    for reason in reasons:
        console.wait_for(reason)
    add_task(page, "after garbage")
    assert task_names(page) == ["after garbage"]
    assert console.matching("the engine failed") == []
    assert console.matching("unhandled error") == []


def test_huge_edit_from_page_is_rejected(open_page: OpenPage, serve_app: ServeApp) -> None:
    """A 50 MB paste is rejected before it is posted, and the page stays responsive."""
    page = open_spied(open_page, serve_app(TODO))
    console = Console(page)
    field = page.get_by_label("Task Name")
    field.fill("small")
    took_ms = field.evaluate(
        """(field) => {
          const start = performance.now();
          field.value = "x".repeat(50_000_000);
          field.dispatchEvent(new Event("input", { bubbles: true }));
          return performance.now() - start;
        }"""
    )
    toast = page.locator(".lite-toast").filter(has_text="Too large to send")
    expect(toast).to_contain_text("The value of Task Name was not sent to the app: it is "
                                  "larger than 4,000,000 characters of JSON.")
    console.wait_for("lite: rejected the edit message for Task Name: it is larger than "
                     "4,000,000 characters of JSON.")
    print(f"rejecting the 50 MB edit took {took_ms:.0f} ms")
    assert took_ms < 2_000
    # The field shows the app's value again: Chromium takes seconds to lay out an
    # input that holds 50 MB, so keeping the paste would freeze the page.
    expect(field).to_have_value("small")
    delay_ms = page.evaluate(
        "() => new Promise((resolve) => requestAnimationFrame(() => {"
        " const start = performance.now();"
        " requestAnimationFrame(() => resolve(performance.now() - start)); }))"
    )
    assert delay_ms < 500
    field.press("Enter")
    expect(page.get_by_text("Incomplete Tasks (1)")).to_be_visible()
    assert task_names(page) == ["small"]


def test_huge_edit_to_worker_is_rejected(open_page: OpenPage, serve_app: ServeApp) -> None:
    page = open_spied(open_page, serve_app(TODO))
    console = Console(page)
    task_id = node_id(page, "Task Name")
    page.get_by_label("Task Name").fill("small")
    page.evaluate(
        """(id) => window.liteWorkers.at(-1).postMessage(
          { type: "edit", id, value: "x".repeat(50_000_000), t: 0, seq: 1 })""",
        task_id,
    )
    console.wait_for("lite worker: rejected a page message: it is larger than 4,000,000 "
                     "characters of JSON.")
    page.get_by_label("Task Name").press("Enter")
    expect(page.get_by_text("Incomplete Tasks (1)")).to_be_visible()
    assert task_names(page) == ["small"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False,
                                                                    allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def page_messages(node_ids: list[int]) -> st.SearchStrategy[Any]:
    """Messages that look like the page's, with each field valid, wrong or missing."""
    ids = st.sampled_from(node_ids) | st.integers(-5, 10**6) | json_values
    fields = st.fixed_dictionaries(
        {"type": st.sampled_from(["edit", "event", "init", "", "patch"]), "id": ids},
        optional={
            "value": json_values,
            "name": st.sampled_from(["click", "submit", "change", "load", "focus", "then"])
            | st.text(max_size=80),
            "t": st.floats(allow_nan=False, allow_infinity=False) | st.none() | st.text(max_size=3),
            "seq": st.integers(-3, 10**6) | st.none() | st.booleans(),
        },
    )
    return fields | json_values


def test_fuzzed_messages_never_break_worker(
    open_page: OpenPage, serve_app: ServeApp, record_property: Callable[[str, Any], None]
) -> None:
    page = open_spied(open_page, serve_app(TODO))
    console = Console(page)
    node_ids = page.locator("[data-lite-id]").evaluate_all(
        "(nodes) => nodes.map((node) => Number(node.dataset.liteId))"
    )
    posted: list[Any] = []

    @settings(max_examples=FUZZ_BATCHES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(batch=st.lists(page_messages(node_ids), min_size=1, max_size=10))
    def post_batch(batch: list[Any]) -> None:
        post_to_worker(page, batch)
        posted.extend(batch)

    post_batch()
    record_property("fuzzed_messages", len(posted))
    print(f"posted {len(posted)} fuzzed messages in {FUZZ_BATCHES} batches")
    # The app still takes input, and no message broke the worker or the engine.
    page.get_by_label("Task Name").fill("after fuzz")
    page.get_by_label("Task Name").press("Enter")
    expect(page.get_by_role("textbox", name="Textbox", exact=True).last).to_have_value(
        "after fuzz", timeout=20_000)
    assert console.matching("the engine failed") == []
    assert console.matching("unhandled error") == []
    assert console.matching("Internal error") == []
    assert page.locator("lite-app").get_attribute("data-state") == "ready"
    dropped = console.matching("Dropped a malformed message")
    rejected = console.matching("rejected a page message")
    assert dropped or rejected
    print(f"{len(dropped)} dropped by the engine, {len(rejected)} rejected by the worker; "
          f"first: {json.dumps((dropped + rejected)[:1])}")
