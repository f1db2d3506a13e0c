"""Renderer tests of the new kinds, with patches applied by hand and no worker.

The page and helpers come from test_renderer.py. These tests check what only the
renderer decides: which DOM the props make, which messages a user action sends, and
how tabs follow children that patches add, move and hide.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect
from test_renderer import apply, create, page, sent, server, update  # noqa: F401


def tabs_app(page: Page) -> None:
    """Blocks 1 with tabs 2: tab 3 "A" (id "a"), render 4 with tab 5 "B" (id "b")."""
    apply(
        page,
        create(1, "blocks", None, 0),
        create(2, "tabs", 1, 0, selected=None),
        create(3, "tab", 2, 0, label="A", id="a", interactive=True, events=["select"]),
        create(6, "markdown", 3, 0, value="panel A"),
        create(4, "render", 2, 1),
        create(5, "tab", 4, 0, label="B", id="b", interactive=True, events=["select"]),
        create(7, "markdown", 5, 0, value="panel B"),
    )


def test_tabs_show_first_tab(page: Page) -> None:
    tabs_app(page)
    expect(page.get_by_role("tab")).to_have_text(["A", "B"])
    expect(page.get_by_role("tab", name="A")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("panel A")).to_be_visible()
    expect(page.get_by_text("panel B")).to_be_hidden()


def test_tab_click_sends_select(page: Page) -> None:
    tabs_app(page)
    page.get_by_role("tab", name="B").click()
    expect(page.get_by_text("panel B")).to_be_visible()
    assert sent(page) == [{"type": "event", "id": 5, "name": "select", "seq": 0}]
    page.get_by_role("tab", name="B").click()
    assert sent(page) == []


def test_tabs_selected_prop_switches(page: Page) -> None:
    tabs_app(page)
    apply(page, update(2, selected="b"))
    expect(page.get_by_text("panel B")).to_be_visible()
    apply(page, update(2, selected="missing"))
    expect(page.get_by_text("panel A")).to_be_visible()
    assert sent(page) == []


def test_tabs_follow_patched_children(page: Page) -> None:
    tabs_app(page)
    apply(page, create(8, "tab", 4, 0, label="New", id=None, interactive=True))
    expect(page.get_by_role("tab")).to_have_text(["A", "New", "B"])
    page.get_by_role("tab", name="A").evaluate("(e) => { e.liteTestTag = 'a'; }")
    apply(page, update(3, label="Renamed"))
    renamed = page.get_by_role("tab", name="Renamed")
    expect(renamed).to_be_visible()
    assert renamed.evaluate("(e) => e.liteTestTag") == "a", "the tab button was rebuilt"


def test_hidden_current_tab_moves_selection(page: Page) -> None:
    tabs_app(page)
    apply(page, update(3, visible=False))
    expect(page.get_by_role("tab")).to_have_text(["B"])
    expect(page.get_by_text("panel B")).to_be_visible()
    apply(page, update(3, visible=True))
    expect(page.get_by_text("panel B")).to_be_visible()


def test_accordion_patch_sends_nothing(page: Page) -> None:
    apply(
        page,
        create(1, "blocks", None, 0),
        create(2, "accordion", 1, 0, label="More", open=False,
               events=["collapse", "expand"]),
        create(3, "markdown", 2, 0, value="inside"),
    )
    expect(page.get_by_text("inside")).to_be_hidden()
    apply(page, update(2, open=True))
    expect(page.get_by_text("inside")).to_be_visible()
    # The toggle event of a patch comes in a later task, so give it time to arrive.
    page.wait_for_timeout(50)
    assert sent(page) == []
    page.get_by_text("More").click()
    expect(page.get_by_text("inside")).to_be_hidden()
    page.wait_for_function("window.sent.length > 0")
    assert sent(page) == [{"type": "event", "id": 2, "name": "collapse", "seq": 0}]


def dropdown(node_id: int, **props) -> dict:
    defaults = {"label": "Pick", "choices": [["One", 1], ["Two", "2"]], "value": 1,
                "multiselect": False, "allow_custom_value": False, "interactive": True}
    return create(node_id, "dropdown", 1, 0, **{**defaults, **props})


def test_dropdown_sends_typed_values(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), dropdown(2))
    field = page.get_by_label("Pick")
    expect(field.locator("option:checked")).to_have_text("One")
    field.select_option("Two")
    field.select_option("One")
    assert sent(page) == [
        {"type": "edit", "id": 2, "value": "2", "seq": 0},
        {"type": "edit", "id": 2, "value": 1, "seq": 0},
    ]


def test_dropdown_shows_value_outside_choices(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), dropdown(2, value="other"))
    expect(page.get_by_label("Pick").locator("option:checked")).to_have_text("other")
    apply(page, update(2, value=None))
    assert page.get_by_label("Pick").evaluate("(e) => e.selectedIndex") == -1


def test_custom_dropdown_maps_labels(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), dropdown(2, allow_custom_value=True))
    field = page.get_by_role("combobox", name="Pick")
    expect(field).to_have_value("One")
    field.fill("Two")
    field.press("Enter")
    field.fill("Three")
    field.press("Enter")
    assert sent(page) == [
        {"type": "edit", "id": 2, "value": "2", "seq": 0},
        {"type": "edit", "id": 2, "value": "Three", "seq": 0},
    ]


def test_dropdown_switches_to_multiselect(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0), dropdown(2))
    apply(page, update(2, multiselect=True, allow_custom_value=True, value=[1, "x"]))
    expect(page.get_by_role("listitem")).to_have_text(["One×", "x×"])
    field = page.get_by_label("Pick", exact=True)
    field.fill("Two")
    field.press("Enter")
    assert sent(page) == [{"type": "edit", "id": 2, "value": [1, "x", "2"], "seq": 0}]
    apply(page, update(2, interactive=False))
    expect(page.get_by_role("button", name="Remove One")).to_have_count(0)
    expect(field).to_be_disabled()


def test_checkbox_sends_bool(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          create(2, "checkbox", 1, 0, label="Agree", value=False, interactive=True))
    box = page.get_by_label("Agree")
    box.check()
    box.uncheck()
    assert [m["value"] for m in sent(page)] == [True, False]
    apply(page, update(2, value=True, interactive=False, show_label=False))
    expect(page.get_by_label("Agree")).to_be_checked()
    expect(page.get_by_label("Agree")).to_be_disabled()


def test_number_sends_numbers_and_null(page: Page) -> None:
    apply(page, create(1, "blocks", None, 0),
          create(2, "number", 1, 0, label="N", value=None, interactive=True, step=1,
                 minimum=None, maximum=None, events=["submit"]))
    field = page.get_by_label("N")
    field.fill("4")
    field.fill("-0.5")
    field.fill("")
    field.press("Enter")
    assert sent(page) == [
        {"type": "edit", "id": 2, "value": 4, "seq": 0},
        {"type": "edit", "id": 2, "value": -0.5, "seq": 0},
        {"type": "edit", "id": 2, "value": None, "seq": 0},
        {"type": "event", "id": 2, "name": "submit", "seq": 0},
    ]
