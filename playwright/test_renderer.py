"""Browser tests of the renderer in web/dist: patches applied by hand, no worker.

The page imports ``createRenderer`` from ``lite/lite.js`` and renders into a
``<div class="lite-app">``. Every message the renderer would post to the worker is
recorded in ``window.sent``. Tests apply ops with :func:`apply` and check the DOM
through roles and labels, the way a user (or a user's Playwright test) finds it.

The boot tests at the end run the real worker and Pyodide with a stand-in
``lite.bridge`` wheel, so they check the worker's side of the protocol on its own.
"""

from __future__ import annotations

import io
import json
import math
import struct
import threading
import wave
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from lite.site import PYODIDE_FILES, SiteServer, find_runtime

WEB = Path(__file__).resolve().parent.parent / "web"
DIST = WEB / "dist"

RENDERER_PAGE = b"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>renderer test</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="lite/lite.css"></head>
<body>
<div class="lite-app"><div id="root"></div></div>
<script type="module">
import { createRenderer } from "./lite/lite.js";
window.sent = [];
window.renderer = createRenderer(document.getElementById("root"), {
  send: (message) => window.sent.push(message),
});
window.rendererLoaded = true;
</script>
</body>
</html>
"""


def page_files() -> dict[str, Path | bytes]:
    """Map the built renderer bundle to lite/, failing clearly when it is missing."""
    missing = [n for n in ("lite.js", "worker.js", "lite.css") if not (DIST / n).is_file()]
    if missing:
        pytest.fail(f"web/dist lacks {', '.join(missing)}: run 'npm run build' in web/.")
    return {f"lite/{path.name}": path for path in DIST.iterdir() if path.is_file()}


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    """A server on 127.0.0.1 for the renderer page; tests may add files to its site."""
    files: dict[str, Path | bytes] = {"index.html": RENDERER_PAGE, **page_files()}
    server = SiteServer(files, ("127.0.0.1", 0))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser_context: BrowserContext, server: SiteServer) -> Iterator[Page]:
    """A fresh page with the renderer loaded and an empty root."""
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(5_000)
    page.goto(server.url)
    page.wait_for_function("window.rendererLoaded === true")
    yield page
    page.close()
    assert errors == [], f"uncaught errors on the page: {errors}"


def apply(page: Page, *ops: dict[str, Any]) -> None:
    """Apply ops as one patch."""
    page.evaluate("(ops) => window.renderer.apply(ops)", list(ops))


def apply_error(page: Page, *ops: dict[str, Any]) -> str:
    """Apply ops that must fail and return the error's message."""
    return page.evaluate(
        """(ops) => {
          try { window.renderer.apply(ops); } catch (error) { return error.message; }
          return null;
        }""",
        list(ops),
    )


def sent(page: Page) -> list[dict[str, Any]]:
    """Return the messages sent so far, without the time stamps, and clear the list."""
    messages = page.evaluate(
        """() => window.sent.splice(0).map((message) => {
          const copy = { ...message };
          if (copy.value instanceof Object && copy.value.pcm instanceof ArrayBuffer) {
            copy.value = { ...copy.value, pcm: copy.value.pcm.byteLength };
          }
          return copy;
        })"""
    )
    for message in messages:
        assert isinstance(message.pop("t"), float | int)
    return messages


def create(node_id: int, kind: str, parent: int | None, index: int, **props: Any) -> dict:
    props.setdefault("visible", True)
    props.setdefault("events", [])
    return {"op": "create", "id": node_id, "kind": kind, "parent": parent,
            "index": index, "props": props}


def update(node_id: int, **props: Any) -> dict:
    return {"op": "update", "id": node_id, "props": props}


def move(node_id: int, parent: int | None, index: int) -> dict:
    return {"op": "move", "id": node_id, "parent": parent, "index": index}


def remove(node_id: int) -> dict:
    return {"op": "remove", "id": node_id}


def textbox(node_id: int, parent: int, index: int, **props: Any) -> dict:
    defaults = {"label": "Textbox", "value": "", "show_label": True, "lines": 1,
                "max_lines": 1, "interactive": True}
    return create(node_id, "textbox", parent, index, **{**defaults, **props})


def tag(page: Page, selector: str, name: str) -> None:
    """Put a JS property on an element, to check later that it is the same node."""
    page.eval_on_selector(selector, "(element, name) => { element.liteTestTag = name; }", name)


def tag_of(page: Page, selector: str) -> str | None:
    return page.eval_on_selector(selector, "(element) => element.liteTestTag ?? null")


def base_app(page: Page) -> None:
    """Blocks 1 with row 2 (textbox 3, button 4) and markdown 5."""
    apply(
        page,
        create(1, "blocks", None, 0, title="Test"),
        create(2, "row", 1, 0, variant="default", equal_height=False),
        textbox(3, 2, 0, label="Name", events=["submit"]),
        create(4, "button", 2, 1, value="Go", variant="primary", interactive=True,
               events=["click"]),
        create(5, "markdown", 1, 1, value="## Title\n\nSome *text*."),
    )


# Structure and identity


def test_create_builds_labelled_nodes(page: Page) -> None:
    base_app(page)
    expect(page.get_by_label("Name")).to_have_value("")
    expect(page.get_by_role("button", name="Go")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Title")).to_be_visible()
    assert page.eval_on_selector("[data-lite-id='3'] input", "e => e.tagName") == "INPUT"
    assert page.evaluate("window.renderer.size") == 5


def test_update_keeps_element(page: Page) -> None:
    base_app(page)
    tag(page, "[data-lite-id='3']", "box")
    apply(page, update(3, label="Full name", value="Ada"))
    expect(page.get_by_label("Full name")).to_have_value("Ada")
    assert tag_of(page, "[data-lite-id='3']") == "box"
    expect(page.get_by_label("Name", exact=True)).to_have_count(0)


def test_update_sets_only_listed_props(page: Page) -> None:
    base_app(page)
    apply(page, update(3, placeholder="Type here"))
    expect(page.get_by_label("Name")).to_have_attribute("placeholder", "Type here")
    apply(page, update(3, value="x"))
    expect(page.get_by_label("Name")).to_have_attribute("placeholder", "Type here")


def test_move_within_parent(page: Page) -> None:
    base_app(page)
    tag(page, "[data-lite-id='3']", "box")
    apply(page, move(3, 2, 1))
    order = page.eval_on_selector_all("[data-lite-id='2'] > *", "es => es.map(e => e.dataset.liteId)")
    assert order == ["4", "3"]
    assert tag_of(page, "[data-lite-id='3']") == "box"


def test_move_to_other_parent(page: Page) -> None:
    base_app(page)
    tag(page, "[data-lite-id='3']", "box")
    apply(page, move(3, 1, 2))
    order = page.eval_on_selector_all("[data-lite-id='1'] > *", "es => es.map(e => e.dataset.liteId)")
    assert order == ["2", "5", "3"]
    assert tag_of(page, "[data-lite-id='3']") == "box"
    assert page.eval_on_selector_all("[data-lite-id='2'] > *", "es => es.length") == 1


def test_move_keeps_focus_and_caret(page: Page) -> None:
    base_app(page)
    field = page.get_by_label("Name")
    field.fill("hello")
    field.evaluate("e => e.setSelectionRange(2, 2)")
    apply(page, move(3, 2, 1))
    assert field.evaluate("e => document.activeElement === e")
    assert field.evaluate("e => e.selectionStart") == 2


def test_remove_drops_subtree(page: Page) -> None:
    base_app(page)
    apply(page, remove(2))
    expect(page.get_by_role("button", name="Go")).to_have_count(0)
    expect(page.get_by_label("Name")).to_have_count(0)
    assert page.evaluate("window.renderer.size") == 2
    assert page.evaluate("window.renderer.node(3) === undefined")


def test_create_at_index_inserts(page: Page) -> None:
    base_app(page)
    apply(page, textbox(6, 2, 0, label="First"), textbox(7, 2, 3, label="Last"))
    order = page.eval_on_selector_all("[data-lite-id='2'] > *", "es => es.map(e => e.dataset.liteId)")
    assert order == ["6", "3", "4", "7"]


def test_render_area_is_transparent(page: Page) -> None:
    base_app(page)
    apply(page, create(6, "render", 2, 1), textbox(7, 6, 0, label="Inside"))
    display = page.eval_on_selector("[data-lite-id='6']", "e => getComputedStyle(e).display")
    assert display == "contents"
    expect(page.get_by_label("Inside")).to_be_visible()


# Errors in patches


def test_missing_node_is_error(page: Page) -> None:
    base_app(page)
    message = apply_error(page, update(99, value="x"))
    assert message is not None
    assert "op 0 of the patch" in message
    assert "node 99 does not exist" in message


def test_missing_parent_is_error(page: Page) -> None:
    message = apply_error(page, create(1, "row", 42, 0))
    assert "the parent node 42 does not exist" in message


def test_unknown_op_is_error(page: Page) -> None:
    message = apply_error(page, {"op": "replace", "id": 1})
    assert 'unknown op "replace"' in message


def test_index_out_of_range_is_error(page: Page) -> None:
    base_app(page)
    message = apply_error(page, textbox(6, 2, 5))
    assert "index 5 is out of range" in message


def test_duplicate_id_is_error(page: Page) -> None:
    base_app(page)
    message = apply_error(page, textbox(3, 2, 0))
    assert "node 3 already exists" in message


def test_move_into_own_subtree_is_error(page: Page) -> None:
    base_app(page)
    message = apply_error(page, move(1, 2, 0))
    assert "cannot move into its own subtree" in message


def test_component_cannot_have_children(page: Page) -> None:
    base_app(page)
    message = apply_error(page, textbox(6, 3, 0))
    assert "node 3 (textbox) cannot have children" in message


# Markdown


def test_markdown_is_sanitized(page: Page) -> None:
    source = (
        "# Heading\n\n"
        "<script>window.pwned = 1</script>\n\n"
        '<img src="data:," onerror="window.pwned = 2">\n\n'
        "[link](javascript:window.pwned=3) [safe](https://example.test/)\n\n"
        '<a href="#" onclick="window.pwned = 4">click</a>'
    )
    apply(page, create(1, "blocks", None, 0), create(2, "markdown", 1, 0, value=source))
    markdown = page.locator("[data-lite-id='2']")
    expect(page.get_by_role("heading", level=1, name="Heading")).to_be_visible()
    assert markdown.locator("script").count() == 0
    assert markdown.locator("img").get_attribute("onerror") is None
    assert markdown.locator("a", has_text="link").get_attribute("href") is None
    assert markdown.get_by_role("link", name="safe").get_attribute("href") == "https://example.test/"
    assert markdown.get_by_role("link", name="click").get_attribute("onclick") is None
    markdown.get_by_role("link", name="click").click()
    assert page.evaluate("window.pwned") is None


def test_markdown_update_replaces_content(page: Page) -> None:
    base_app(page)
    apply(page, update(5, value="### Other"))
    expect(page.get_by_role("heading", level=3, name="Other")).to_be_visible()
    expect(page.get_by_role("heading", name="Title")).to_have_count(0)


# Text is never HTML


def test_text_props_are_not_html(page: Page) -> None:
    markup = "<b>bold</b><img src=x onerror=window.pwned=1>"
    apply(
        page,
        create(1, "blocks", None, 0),
        textbox(2, 1, 0, label=markup, info=markup, placeholder=markup, value=markup),
        create(3, "button", 1, 1, value=markup, interactive=True),
    )
    expect(page.get_by_label(markup)).to_have_value(markup)
    assert page.locator("b").count() == 0
    assert page.locator("img").count() == 0
    expect(page.get_by_role("button", name=markup)).to_be_visible()


# Textbox


def test_textbox_sends_edit_per_input(page: Page) -> None:
    base_app(page)
    page.get_by_label("Name").press_sequentially("ab")
    assert sent(page) == [
        {"type": "edit", "id": 3, "value": "a", "seq": 0},
        {"type": "edit", "id": 3, "value": "ab", "seq": 0},
    ]


def test_messages_carry_patch_seq(page: Page) -> None:
    base_app(page)
    page.evaluate("window.renderer.applyPatch({seq: 7, ops: []})")
    page.get_by_label("Name").press_sequentially("a")
    assert sent(page)[0]["seq"] == 7


def test_enter_submits_single_line(page: Page) -> None:
    base_app(page)
    field = page.get_by_label("Name")
    field.fill("x")
    sent(page)
    field.press("Enter")
    assert sent(page) == [{"type": "event", "id": 3, "name": "submit", "seq": 0}]
    expect(field).to_have_value("x")


def test_enter_without_listener_sends_nothing(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Plain", max_lines=20, events=[]))
    field = page.get_by_label("Plain")
    assert field.evaluate("e => e.tagName") == "TEXTAREA"
    field.fill("x")
    sent(page)
    field.press("Enter")
    assert sent(page) == []
    expect(field).to_have_value("x")


def test_multiline_enter_adds_line(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Notes", lines=3, max_lines=5, events=["submit"]))
    field = page.get_by_label("Notes")
    assert field.evaluate("e => e.rows") == 3
    field.press_sequentially("a")
    field.press("Enter")
    field.press_sequentially("b")
    expect(field).to_have_value("a\nb")
    assert all(message["type"] == "edit" for message in sent(page))


def test_shift_enter_adds_line(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Chat", lines=1, max_lines=4, events=["submit"]))
    field = page.get_by_label("Chat")
    field.press_sequentially("a")
    field.press("Shift+Enter")
    expect(field).to_have_value("a\n")
    assert field.evaluate("e => e.rows") == 2
    assert [m["type"] for m in sent(page)] == ["edit", "edit"]


def test_value_patch_keeps_caret(page: Page) -> None:
    base_app(page)
    field = page.get_by_label("Name")
    field.fill("hello")
    field.evaluate("e => e.setSelectionRange(2, 2)")
    apply(page, update(3, value="hello"))
    assert field.evaluate("e => e.selectionStart") == 2
    apply(page, update(3, value=""))
    expect(field).to_have_value("")


def test_hidden_label_still_names_field(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Task", show_label=False, value="Buy milk"))
    field = page.get_by_label("Task")
    expect(field).to_have_value("Buy milk")
    label = page.locator("[data-lite-id='2'] label")
    assert label.bounding_box()["width"] <= 1


def test_readonly_textbox(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Letter", value="a", interactive=False))
    field = page.get_by_label("Letter")
    expect(field).not_to_be_editable()
    field.focus()
    assert page.evaluate("document.activeElement.value") == "a"
    apply(page, update(2, interactive=True))
    expect(field).to_be_editable()


def test_textbox_info_describes_field(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Box", info="Default Info"))
    expect(page.get_by_text("Default Info")).to_be_visible()
    expect(page.get_by_label("Box")).to_have_accessible_description("Default Info")


def test_autofocus_focuses_field(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), textbox(2, 1, 0, label="Task Name", autofocus=True))
    expect(page.get_by_label("Task Name")).to_be_focused()


def test_max_lines_switch_keeps_value(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), textbox(2, 1, 0, label="Box", value="v"))
    apply(page, update(2, max_lines=10))
    field = page.get_by_label("Box")
    assert field.evaluate("e => e.tagName") == "TEXTAREA"
    expect(field).to_have_value("v")


def test_password_type_keeps_element(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="Secret", type="password", max_lines=20))
    field = page.get_by_label("Secret")
    assert field.evaluate("e => e.type") == "password"
    field.evaluate("e => { e.liteTestTag = 'field'; }")
    apply(page, update(2, value="x"))
    assert field.evaluate("e => e.liteTestTag") == "field"


def test_copy_button_shown_on_request(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), textbox(2, 1, 0, label="Result", value="42"))
    expect(page.get_by_role("button", name="Copy text")).to_have_count(0)
    apply(page, update(2, show_copy_button=True))
    expect(page.get_by_role("button", name="Copy text")).to_be_visible()
    expect(page.get_by_label("Result")).to_have_value("42")


def test_focus_and_blur_triggers(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          textbox(2, 1, 0, label="A", events=["focus", "blur"]), textbox(3, 1, 1, label="B"))
    page.get_by_label("A").focus()
    page.get_by_label("B").focus()
    names = [(m["id"], m["name"]) for m in sent(page) if m["type"] == "event"]
    assert names == [(2, "focus"), (2, "blur")]


# Common props


def test_visible_false_hides(page: Page) -> None:
    base_app(page)
    apply(page, update(4, visible=False))
    expect(page.get_by_role("button", name="Go")).to_be_hidden()
    apply(page, update(2, visible=False))
    expect(page.get_by_label("Name")).to_be_hidden()
    apply(page, update(2, visible=True), update(4, visible=True))
    expect(page.get_by_role("button", name="Go")).to_be_visible()


def test_error_badge_shows_and_clears(page: Page) -> None:
    base_app(page)
    apply(page, update(3, error="TypeError: cannot unpack"))
    badge = page.locator("[data-lite-id='3'] .lite-error-badge")
    expect(badge).to_have_text("Error")
    expect(badge).to_have_attribute("title", "TypeError: cannot unpack")
    apply(page, update(3, error=None))
    expect(badge).to_have_count(0)


def test_elem_id_and_classes(page: Page) -> None:
    base_app(page)
    apply(page, update(4, elem_id="go-button", elem_classes=["one", "two"]))
    element = page.locator("#go-button")
    expect(element).to_have_class("lite-block lite-button-block one two")
    apply(page, update(4, elem_classes=["three"]))
    expect(element).to_have_class("lite-block lite-button-block three")


def test_scale_sets_row_growth(page: Page) -> None:
    base_app(page)
    apply(page, update(3, scale=3, min_width=100), update(4, scale=0))
    grow = page.eval_on_selector("[data-lite-id='3']", "e => getComputedStyle(e).flexGrow")
    assert grow == "3"
    grow = page.eval_on_selector("[data-lite-id='4']", "e => getComputedStyle(e).flexGrow")
    assert grow == "0"
    min_width = page.eval_on_selector("[data-lite-id='3']", "e => getComputedStyle(e).minWidth")
    assert min_width == "100px"


# Button


def test_button_click_sends_event(page: Page) -> None:
    base_app(page)
    page.get_by_role("button", name="Go").click()
    assert sent(page) == [{"type": "event", "id": 4, "name": "click", "seq": 0}]


def test_button_without_listener_sends_nothing(page: Page) -> None:
    base_app(page)
    apply(page, update(4, events=[]))
    page.get_by_role("button", name="Go").click()
    assert sent(page) == []


def test_disabled_button(page: Page) -> None:
    base_app(page)
    apply(page, update(4, interactive=False))
    expect(page.get_by_role("button", name="Go")).to_be_disabled()


def test_stop_variant_is_red(page: Page) -> None:
    base_app(page)
    apply(page, update(4, variant="stop", value="Delete"))
    button = page.get_by_role("button", name="Delete")
    expect(button).to_have_css("background-color", "rgb(239, 68, 68)")


# Radio and slider


def test_radio_sends_choice_value(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), create(
        2, "radio", 1, 0, label="Mode", value="textbox", interactive=True,
        choices=[["Text box", "textbox"], ["Button", "button"]]))
    expect(page.get_by_role("group", name="Mode")).to_be_visible()
    expect(page.get_by_label("Text box")).to_be_checked()
    page.get_by_label("Button").check()
    assert sent(page) == [{"type": "edit", "id": 2, "value": "button", "seq": 0}]
    apply(page, update(2, value="textbox"))
    expect(page.get_by_label("Text box")).to_be_checked()


def test_radio_keeps_user_choice_on_update(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), create(
        2, "radio", 1, 0, label="Mode", value="a", choices=[["A", "a"], ["B", "b"]]))
    page.get_by_label("B").check()
    apply(page, update(2, label="New mode"))
    expect(page.get_by_label("B")).to_be_checked()


def test_slider_sends_number_once(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), create(
        2, "slider", 1, 0, label="Volume", value=100, minimum=0, maximum=100, step=1,
        interactive=True))
    slider = page.get_by_label("Volume")
    expect(slider).to_have_value("100")
    slider.fill("50")
    slider.fill("50")
    assert sent(page) == [{"type": "edit", "id": 2, "value": 50, "seq": 0}]
    expect(page.get_by_role("spinbutton")).to_have_value("50")


def test_slider_number_box_edits(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), create(
        2, "slider", 1, 0, label="Boxes", value=3, minimum=1, maximum=5, step=1))
    number = page.get_by_role("spinbutton")
    number.fill("5")
    number.blur()
    assert sent(page) == [{"type": "edit", "id": 2, "value": 5, "seq": 0}]
    expect(page.get_by_label("Boxes")).to_have_value("5")


def test_slider_disabled(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), create(
        2, "slider", 1, 0, label="Volume", value=10, minimum=0, maximum=100, step=1,
        interactive=False))
    expect(page.get_by_label("Volume")).to_be_disabled()


# Audio


def wav_bytes(seconds: float = 1.0, rate: int = 16000, frequency: float = 440) -> bytes:
    frames = int(seconds * rate)
    samples = [round(8192 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(frames)]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(struct.pack(f"<{frames}h", *samples))
    return buffer.getvalue()


def audio_app(page: Page, **props: Any) -> None:
    defaults = {"label": "Track 0", "value": None, "show_label": True, "interactive": True,
                "sources": ["upload", "microphone"]}
    apply(page, create(1, "blocks", None, 0), create(2, "audio", 1, 0, **{**defaults, **props}))


def test_audio_upload_sends_pcm(page: Page) -> None:
    audio_app(page)
    expect(page.get_by_text("Drop Audio Here - or - Click to Upload")).to_be_visible()
    page.get_by_label("Track 0").set_input_files(
        {"name": "a.wav", "mimeType": "audio/wav", "buffer": wav_bytes()})
    expect(page.get_by_text("0:01")).to_be_visible()
    page.wait_for_function("window.sent.length > 0")
    assert sent(page) == [{"type": "edit", "id": 2, "seq": 0, "value": {
        "sample_rate": 16000, "channels": 1, "pcm": 32000}}]
    assert page.locator("[data-lite-id='2'] audio").get_attribute("src").startswith("blob:")


def test_audio_pcm_matches_file(page: Page) -> None:
    audio_app(page)
    data = wav_bytes(seconds=0.25)
    page.get_by_label("Track 0").set_input_files(
        {"name": "a.wav", "mimeType": "audio/wav", "buffer": data})
    page.wait_for_function("window.sent.length > 0")
    pcm = page.evaluate("Array.from(new Uint8Array(window.sent[0].value.pcm))")
    assert bytes(pcm) == data[44:]


def test_audio_rejects_non_audio(page: Page) -> None:
    audio_app(page)
    page.get_by_label("Track 0").set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not audio at all"})
    expect(page.get_by_role("alert")).to_contain_text("notes.txt")
    page.wait_for_timeout(200)
    assert sent(page) == []
    expect(page.get_by_text("Drop Audio Here - or - Click to Upload")).to_be_visible()


def test_audio_rejects_empty_file(page: Page) -> None:
    audio_app(page)
    page.get_by_label("Track 0").set_input_files(
        {"name": "empty.wav", "mimeType": "audio/wav", "buffer": b""})
    expect(page.get_by_role("alert")).to_have_text('"empty.wav" is empty. Choose an audio file.')
    assert sent(page) == []


def test_audio_clear_sends_null(page: Page) -> None:
    audio_app(page)
    page.get_by_label("Track 0").set_input_files(
        {"name": "a.wav", "mimeType": "audio/wav", "buffer": wav_bytes()})
    page.get_by_role("button", name="Clear audio").click()
    expect(page.get_by_text("Drop Audio Here - or - Click to Upload")).to_be_visible()
    messages = sent(page)
    assert messages[-1] == {"type": "edit", "id": 2, "value": None, "seq": 0}


def test_audio_value_from_patch(page: Page) -> None:
    audio_app(page, label="Output", interactive=False)
    expect(page.locator("[data-lite-id='2'] audio")).to_have_count(0)
    expect(page.get_by_text("Output")).to_be_visible()
    page.evaluate(
        """() => window.renderer.apply([{op: "update", id: 2, props: {value: {
          sample_rate: 16000, channels: 1, pcm: new Int16Array(16000).buffer}}}])"""
    )
    expect(page.get_by_text("0:01")).to_be_visible()
    expect(page.get_by_role("button", name="Clear audio")).to_have_count(0)
    first = page.locator("[data-lite-id='2'] audio").get_attribute("src")
    page.evaluate(
        """() => window.renderer.apply([{op: "update", id: 2, props: {value: {
          sample_rate: 8000, channels: 2, pcm: new Int16Array(8000 * 2 * 3).buffer}}}])"""
    )
    expect(page.get_by_text("0:03")).to_be_visible()
    assert page.locator("[data-lite-id='2'] audio").get_attribute("src") != first


# Notices


def test_error_notice_is_text(page: Page) -> None:
    page.evaluate(
        """() => { const box = document.createElement("div");
          box.id = "toasts"; document.body.append(box); }"""
    )
    page.evaluate(
        """async () => { const { showNotices } = await import("./lite/lite.js");
          showNotices(document.getElementById("toasts"), [{level: "error",
            title: "Bad <b>input</b>", message: "<img src=x onerror=window.pwned=1>"}]); }"""
    )
    toast = page.get_by_role("alert")
    expect(toast).to_contain_text("Bad <b>input</b>")
    expect(toast).to_contain_text("<img src=x onerror=window.pwned=1>")
    assert page.locator("#toasts img").count() == 0
    toast.get_by_role("button", name="Close").click()
    expect(toast).to_have_count(0)


# Debug trace


def test_debug_log_records_ops(page: Page) -> None:
    page.evaluate(
        """async () => { const { createRenderer } = await import("./lite/lite.js");
          window.liteDebugLog = [];
          const root = document.createElement("div"); document.body.append(root);
          const renderer = createRenderer(root, { debug: true });
          renderer.apply([{op: "create", id: 1, kind: "blocks", parent: null, index: 0,
            props: {}}, {op: "update", id: 1, props: {title: "x"}}]); }"""
    )
    log = page.evaluate("window.liteDebugLog")
    assert log == [
        {"op": "create", "id": 1, "kind": "blocks", "parent": None, "index": 0, "props": []},
        {"op": "update", "id": 1, "props": ["title"]},
    ]


# The <lite-app> element and the worker, with a stand-in engine

STAND_IN_BRIDGE = '''
import json
from pyodide.ffi import to_js


def start(entry, post):
    source = open(entry).read()
    exec(compile(source, entry, "exec"), {})
    return Bridge(post)


class Bridge:
    """Echoes each batch into a Markdown code block, and audio edits into node 5."""

    def __init__(self, post):
        self.post = post
        self.seq = 1
        self.send([
            create(1, "blocks", None, 0, title="stand-in"),
            create(2, "textbox", 1, 0, label="Echo", value="", max_lines=1,
                   events=["submit"]),
            create(3, "markdown", 1, 1, value=""),
            create(4, "audio", 1, 2, label="Input", value=None, interactive=True),
            create(5, "audio", 1, 3, label="Output", value=None, interactive=False),
        ])

    def send(self, ops, buffers=()):
        message = {"type": "patch", "seq": self.seq, "ops": ops, "notices": []}
        self.seq += 1
        self.post(json.dumps(message), to_js(list(buffers)))

    def receive(self, batch_json, buffers):
        batch = json.loads(batch_json)
        blobs = [bytes(buffer.to_bytes()) for buffer in buffers]
        summary = json.dumps({"batch": batch, "sizes": [len(b) for b in blobs]})
        ops = [{"op": "update", "id": 3, "props": {"value": "    " + summary}}]
        for message in batch:
            value = message.get("value")
            if isinstance(value, dict) and "$buffer" in value.get("pcm", {}):
                echoed = dict(value, pcm={"$buffer": 0})
                ops.append({"op": "update", "id": 5, "props": {"value": echoed}})
                self.send(ops, [blobs[value["pcm"]["$buffer"]]])
                return
        self.send(ops)


def create(node_id, kind, parent, index, **props):
    props.setdefault("events", [])
    return {"op": "create", "id": node_id, "kind": kind, "parent": parent,
            "index": index, "props": props}
'''


def stand_in_wheel() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("lite/__init__.py", "")
        archive.writestr("lite/bridge.py", STAND_IN_BRIDGE)
    return buffer.getvalue()


def element_page(attributes: str, body: str = "") -> bytes:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title></title>"
        "<link rel='icon' href='data:,'>"
        "<script type='module' src='lite/lite.js'></script></head><body>"
        f"<lite-app {attributes}>{body}</lite-app></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def boot_server(server: SiteServer) -> SiteServer:
    """The renderer server plus Pyodide, the stand-in engine and some app pages."""
    pyodide = find_runtime().pyodide
    missing = [name for name in PYODIDE_FILES if not (pyodide / name).is_file()]
    if missing:
        pytest.fail(f"{pyodide} lacks {', '.join(missing)}: run 'npm ci' in web/.")
    site = server.site
    site.update({f"pyodide/{name}": pyodide / name for name in PYODIDE_FILES})
    site["pyodide/pyodide-lock.json"] = pyodide / "pyodide-lock.json"
    site["lite/engine.whl"] = stand_in_wheel()
    site.update({
        "app.py": b"print('stand-in app')\n",
        "broken.py": b"raise ValueError('broken at import')\n",
        "empty.py": b"  \n",
        "app.html": element_page("src='app.py'"),
        "inline.html": element_page(
            "", "\n    <script type='text/python'>\n      x = 1 < 2\n    </script>\n"),
        "missing.html": element_page("src='nowhere.py'"),
        "empty.html": element_page("src='empty.py'"),
        "blank.html": element_page(""),
        "broken.html": element_page("src='broken.py'"),
        "no-runtime.html": element_page("src='app.py' pyodide-url='missing-pyodide/'"),
    })
    return server


def open_element(browser_context: BrowserContext, url: str) -> Page:
    """Open a page with one <lite-app> and wait until it is ready or has failed."""
    page = browser_context.new_page()
    page.goto(url)
    page.wait_for_selector("lite-app[data-state=ready], lite-app[data-state=error]",
                           state="attached", timeout=60_000)
    return page


def echoed_batch(page: Page, expected_text: str) -> dict[str, Any]:
    """Wait until the stand-in engine echoes a batch containing the text; return it."""
    code = page.locator("[data-lite-id='3'] code")
    expect(code).to_contain_text(expected_text, timeout=10_000)
    return json.loads(code.text_content() or "")


def test_element_shows_boot_stages(browser_context: BrowserContext,
                                   boot_server: SiteServer) -> None:
    page = browser_context.new_page()
    texts: list[str] = []
    page.expose_function("recordStatus", lambda text: texts.append(text))
    page.add_init_script("""new MutationObserver(() => {
        const text = document.querySelector("lite-app .lite-loading-text")?.textContent;
        if (text) window.recordStatus(text);
      }).observe(document, {subtree: true, childList: true, characterData: true});""")
    page.goto(boot_server.url + "app.html")
    page.wait_for_selector("lite-app[data-state=ready]", state="attached", timeout=60_000)
    assert any(text.startswith("Loading the Python runtime") for text in texts)
    assert any(text.startswith("Starting the app") for text in texts)
    expect(page.locator("lite-app .lite-loading")).to_have_count(0)
    page.close()


def test_element_batches_page_messages(browser_context: BrowserContext,
                                       boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "app.html")
    field = page.get_by_label("Echo")
    field.evaluate("""(field) => {
        for (const text of ["a", "ab", "abc"]) {
          field.value = text;
          field.dispatchEvent(new Event("input", {bubbles: true}));
        }
      }""")
    # Messages posted in one task usually share a batch, but a drain may run
    # between two of them, so only the last batch is checked.
    batch = echoed_batch(page, '"abc"')["batch"]
    assert batch[-1]["value"] == "abc"
    assert [message["type"] for message in batch] == ["edit"] * len(batch)
    assert all(message["seq"] == 1 for message in batch)
    field.press("Enter")
    batch = echoed_batch(page, '"submit"')["batch"]
    assert batch[-1]["type"] == "event"
    assert batch[-1]["seq"] >= 2
    page.close()


def test_element_moves_audio_as_buffers(browser_context: BrowserContext,
                                        boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "app.html")
    page.get_by_label("Input").set_input_files(
        {"name": "a.wav", "mimeType": "audio/wav", "buffer": wav_bytes()})
    summary = echoed_batch(page, '"$buffer"')
    assert summary["sizes"] == [32000]
    assert summary["batch"][0]["value"] == {
        "sample_rate": 16000, "channels": 1, "pcm": {"$buffer": 0}}
    output = page.locator("[data-lite-id='5']")
    expect(output.get_by_text("0:01")).to_be_visible()
    page.close()


def test_inline_source_boots(browser_context: BrowserContext,
                             boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "inline.html")
    expect(page.locator("lite-app")).to_have_attribute("data-state", "ready")
    expect(page.get_by_label("Echo")).to_be_visible()
    expect(page.locator("lite-app")).not_to_contain_text("x = 1 < 2")
    page.close()


def test_missing_src_shows_404(browser_context: BrowserContext,
                               boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "missing.html")
    expect(page.locator("lite-app")).to_have_attribute("data-state", "error")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("nowhere.py could not be loaded")
    expect(alert).to_contain_text("404")
    page.close()


def test_empty_src_is_error(browser_context: BrowserContext,
                            boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "empty.html")
    expect(page.get_by_role("alert")).to_contain_text("empty.py is empty")
    page.close()


def test_blank_element_is_error(browser_context: BrowserContext,
                                boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "blank.html")
    expect(page.get_by_role("alert")).to_contain_text("<lite-app> has no app")
    page.close()


def test_python_error_shows_traceback(browser_context: BrowserContext,
                                      boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "broken.html")
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("The app could not start")
    expect(alert).to_contain_text("ValueError: broken at import")
    expect(alert.locator("pre")).to_contain_text("Traceback")
    page.close()


def test_missing_runtime_is_fatal(browser_context: BrowserContext,
                                  boot_server: SiteServer) -> None:
    page = open_element(browser_context, boot_server.url + "no-runtime.html")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The Python runtime could not be loaded")
    expect(alert).to_contain_text("missing-pyodide/pyodide.mjs")
    page.close()


def test_missing_engine_is_fatal(browser_context: BrowserContext,
                                 boot_server: SiteServer) -> None:
    wheel = boot_server.site.pop("lite/engine.whl")
    try:
        page = open_element(browser_context, boot_server.url + "app.html")
    finally:
        boot_server.site["lite/engine.whl"] = wheel
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The lite engine could not be loaded")
    expect(alert).to_contain_text("404")
    page.close()
