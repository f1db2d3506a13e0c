"""The pizza order form (examples/components.py), step by step through the engine."""

from __future__ import annotations

from lite.testing import TestClient


def review(client: TestClient) -> None:
    client.click(client.get("button", value="Review order"))


def test_order_opens_on_order_tab(example):
    client = example("components")
    assert client.get("tabs").props["selected"] == "order"
    assert client.get("dropdown", label="Size").props["value"] == "small"
    assert client.get("dropdown", label="Toppings").props["value"] == ["Cheese"]
    assert client.get("number", label="Quantity").props["value"] == 1
    assert client.get("accordion").props["open"] is False


def test_order_review_fills_summary(example):
    client = example("components")
    client.set(client.get("dropdown", label="Size"), "large")
    client.set(client.get("dropdown", label="Toppings"), ["Cheese", "Olives"])
    client.set(client.get("number", label="Quantity"), 2)
    review(client)
    summary = client.get("html").props["value"]
    assert "2 × large" in summary
    assert "Cheese, Olives" in summary
    assert "pick-up" in summary
    assert client.get("number", label="Total (€)").props["value"] == 31.0
    assert client.get("tabs").props["selected"] == "summary"


def test_order_delivery_needs_address(example):
    client = example("components")
    client.toggle(client.get("accordion"))
    client.set(client.get("checkbox", label="Deliver to my door"), True)
    review(client)
    assert client.notices[-1].message == "Enter an address for the delivery."
    assert client.get("tabs").props["selected"] == "order"


def test_order_custom_address_is_escaped(example):
    client = example("components")
    client.set(client.get("checkbox"), True)
    client.set(client.get("dropdown", label="Address"), "<b>9 Elm</b>")
    review(client)
    summary = client.get("html").props["value"]
    assert "to &lt;b&gt;9 Elm&lt;/b&gt;" in summary
    assert client.get("number", label="Total (€)").props["value"] == 12.5


def test_order_review_again_after_tab_click(example):
    client = example("components")
    review(client)
    client.select(client.get("tab", label="Order"))
    assert client.get("tabs").props["selected"] == "order"
    review(client)
    assert client.get("tabs").props["selected"] == "summary"


def test_order_change_button_returns(example):
    client = example("components")
    review(client)
    client.click(client.get("button", value="Change order"))
    assert client.get("tabs").props["selected"] == "order"
