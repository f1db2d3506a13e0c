"""The pizza order form (examples/components.py) and a page of the remaining cases,
driven in Chromium: Number, Checkbox, Dropdown, HTML, Group, Accordion and Tabs.

Every control is found by its label or role, as a user's own Playwright test would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

OpenApp = Callable[[str | Path], Page]

APP = "examples/components.py"

CASES_APP = '''
import gradio as gr

UNSAFE = (
    "<h2>Welcome</h2>"
    "<script>window.pwned = 1</script>"
    "<img src='data:,' onerror='window.pwned = 2'>"
    "<a href='javascript:window.pwned = 3'>bad link</a> "
    "<a href='https://example.test/'>safe link</a>"
)

with gr.Blocks() as demo:
    banner = gr.HTML(UNSAFE)
    clicks = gr.Number(0, label="Clicks", precision=0, interactive=False)
    banner.click(lambda n: n + 1, clicks, clicks)

    amount = gr.Number(label="Amount", minimum=0, maximum=10)
    echo = gr.Textbox(label="Echo")
    amount.submit(lambda value: f"submitted {value!r}", amount, echo)

    with gr.Group():
        gr.Textbox(label="Grouped one")
        gr.Textbox(label="Grouped two")

    with gr.Tab("First"):
        gr.Markdown("first panel")
    with gr.Tab("Hidden", visible=False):
        gr.Markdown("hidden panel")
    with gr.Tab("Locked", interactive=False):
        gr.Markdown("locked panel")
    with gr.Tab("Last"):
        gr.Markdown("last panel")
'''


@pytest.fixture(scope="module")
def cases_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("components") / "cases.py"
    path.write_text(CASES_APP, encoding="utf-8")
    return path


def review(page: Page) -> None:
    page.get_by_role("button", name="Review order").click()


# The order form --------------------------------------------------------------------


def test_order_form_shows_fields(open_app: OpenApp) -> None:
    page = open_app(APP)

    expect(page.get_by_role("tab", name="Order")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tab", name="Summary")).to_have_attribute("aria-selected", "false")
    expect(page.get_by_role("tabpanel")).to_have_count(1)
    expect(page.get_by_label("Size")).to_have_value("0")
    expect(page.get_by_label("Size").locator("option:checked")).to_have_text("Small (25 cm)")
    expect(page.get_by_label("Quantity")).to_have_value("1")
    expect(page.get_by_role("list", name="Chosen")).to_have_text("Cheese×")
    expect(page.get_by_text("Up to three")).to_be_visible()
    expect(page.get_by_label("Deliver to my door")).to_be_hidden()


def test_order_review_switches_tab(open_app: OpenApp) -> None:
    page = open_app(APP)

    page.get_by_label("Size").select_option("Large (35 cm)")
    page.get_by_label("Toppings").select_option("Olives")
    page.get_by_label("Quantity").fill("2")
    review(page)

    summary_tab = page.get_by_role("tab", name="Summary")
    expect(summary_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel")).to_contain_text("2 × large with Cheese, Olives")
    expect(page.get_by_label("Total (€)")).to_have_value("31")
    expect(page.get_by_label("Total (€)")).not_to_be_editable()
    expect(page.get_by_label("Size")).to_be_hidden()


def test_order_review_after_tab_click(open_app: OpenApp) -> None:
    """A listener that selects the tab it selected before still switches the page."""
    page = open_app(APP)

    review(page)
    expect(page.get_by_role("tab", name="Summary")).to_have_attribute("aria-selected", "true")
    page.get_by_role("tab", name="Order").click()
    expect(page.get_by_role("button", name="Review order")).to_be_visible()
    review(page)
    expect(page.get_by_role("tab", name="Summary")).to_have_attribute("aria-selected", "true")
    page.get_by_role("button", name="Change order").click()
    expect(page.get_by_role("tab", name="Order")).to_have_attribute("aria-selected", "true")


def test_tabs_follow_arrow_keys(open_app: OpenApp) -> None:
    page = open_app(APP)
    order = page.get_by_role("tab", name="Order")
    summary = page.get_by_role("tab", name="Summary")

    expect(order).to_have_attribute("tabindex", "0")
    expect(summary).to_have_attribute("tabindex", "-1")
    order.focus()
    page.keyboard.press("ArrowRight")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("No order yet.")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(order).to_be_focused()
    page.keyboard.press("End")
    expect(summary).to_be_focused()
    page.keyboard.press("Home")
    expect(order).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("tabpanel")
    expect(panel).to_have_attribute("aria-labelledby", order.get_attribute("id") or "")


def test_accordion_checkbox_custom_address(open_app: OpenApp) -> None:
    page = open_app(APP)

    page.get_by_text("Delivery", exact=True).click()
    checkbox = page.get_by_label("Deliver to my door")
    expect(checkbox).to_be_visible()
    checkbox.check()
    review(page)
    expect(page.get_by_text("Enter an address for the delivery.")).to_be_visible()

    address = page.get_by_label("Address", exact=True)
    address.fill("<b>9 Elm</b>")
    address.press("Enter")
    review(page)
    expect(page.get_by_role("tabpanel")).to_contain_text("to <b>9 Elm</b>.")
    expect(page.get_by_label("Total (€)")).to_have_value("12.5")


def test_accordion_stays_as_user_left_it(open_app: OpenApp) -> None:
    page = open_app(APP)
    heading = page.get_by_text("Delivery", exact=True)

    heading.click()
    expect(page.get_by_label("Deliver to my door")).to_be_visible()
    heading.press("Enter")
    expect(page.get_by_label("Deliver to my door")).to_be_hidden()
    review(page)
    page.get_by_role("button", name="Change order").click()
    expect(page.get_by_label("Deliver to my door")).to_be_hidden()


def test_multiselect_adds_removes_up_to_max(open_app: OpenApp) -> None:
    page = open_app(APP)
    add = page.get_by_label("Toppings")
    chosen = page.get_by_role("list", name="Chosen")

    add.select_option("Olives")
    add.select_option("Peppers")
    expect(chosen.get_by_role("listitem")).to_have_text(["Cheese×", "Olives×", "Peppers×"])
    expect(add).to_be_disabled()
    page.get_by_role("button", name="Remove Cheese").click()
    expect(chosen.get_by_role("listitem")).to_have_text(["Olives×", "Peppers×"])
    expect(add).to_be_enabled()
    expect(add).to_be_focused()
    expect(add.locator("option")).to_have_text(
        ["Add a choice", "Cheese", "Mushrooms", "Onions"])
    review(page)
    expect(page.get_by_role("tabpanel")).to_contain_text("with Olives, Peppers")


def test_number_out_of_range_is_invalid(open_app: OpenApp) -> None:
    page = open_app(APP)
    quantity = page.get_by_label("Quantity")

    quantity.fill("3")
    quantity.fill("50")
    expect(quantity).to_have_attribute("aria-invalid", "true")
    review(page)
    expect(page.get_by_role("tabpanel")).to_contain_text("3 × small")


# The remaining cases ---------------------------------------------------------------


def test_html_is_sanitized(open_app: OpenApp, cases_app: Path) -> None:
    page = open_app(cases_app)
    html = page.locator(".lite-html")

    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    expect(html.locator("script")).to_have_count(0)
    assert html.locator("img").get_attribute("onerror") is None
    assert html.get_by_text("bad link").get_attribute("href") is None
    safe = html.get_by_role("link", name="safe link")
    expect(safe).to_have_attribute("href", "https://example.test/")
    expect(safe).to_have_attribute("target", "_blank")
    html.get_by_text("bad link").click()
    assert page.evaluate("window.pwned") is None


def test_html_click_runs_listener(open_app: OpenApp, cases_app: Path) -> None:
    page = open_app(cases_app)

    page.get_by_role("heading", name="Welcome").click()
    expect(page.get_by_label("Clicks")).to_have_value("1")
    page.get_by_role("heading", name="Welcome").click()
    expect(page.get_by_label("Clicks")).to_have_value("2")


def test_number_enter_submits(open_app: OpenApp, cases_app: Path) -> None:
    page = open_app(cases_app)
    amount = page.get_by_label("Amount")

    amount.fill("7.5")
    amount.press("Enter")
    expect(page.get_by_label("Echo")).to_have_value("submitted 7.5")
    amount.fill("")
    amount.press("Enter")
    expect(page.get_by_label("Echo")).to_have_value("submitted None")


def test_group_joins_children(open_app: OpenApp, cases_app: Path) -> None:
    page = open_app(cases_app)
    group = page.locator(".lite-group")

    expect(group.get_by_label("Grouped one")).to_be_visible()
    expect(group.get_by_label("Grouped two")).to_be_visible()
    gap = group.evaluate("(element) => getComputedStyle(element).rowGap")
    assert gap == "1px"


def test_tabs_skip_hidden_and_locked(open_app: OpenApp, cases_app: Path) -> None:
    page = open_app(cases_app)
    tabs = page.get_by_role("tab")

    expect(tabs).to_have_text(["First", "Locked", "Last"])
    expect(page.get_by_role("tab", name="Locked")).to_be_disabled()
    page.get_by_role("tab", name="First").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="Last")).to_be_focused()
    expect(page.get_by_text("last panel")).to_be_visible()
    expect(page.get_by_text("first panel")).to_be_hidden()
    expect(page.get_by_text("hidden panel")).to_be_hidden()
