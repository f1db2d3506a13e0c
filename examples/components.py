"""A pizza order form that uses Number, Checkbox, Dropdown, HTML, Group, Accordion
and Tabs. "Review order" fills the summary and switches to its tab."""

import html

import gradio as gr

SIZES = [("Small (25 cm)", "small"), ("Medium (30 cm)", "medium"), ("Large (35 cm)", "large")]
PRICES = {"small": 8.0, "medium": 10.0, "large": 12.5}
TOPPINGS = ["Cheese", "Mushrooms", "Olives", "Peppers", "Onions"]
TOPPING_PRICE = 1.5
DELIVERY_PRICE = 3.0


def price(size, toppings, quantity, delivery):
    each = PRICES[size] + TOPPING_PRICE * len(toppings)
    return each * quantity + (DELIVERY_PRICE if delivery else 0)


def review(size, toppings, quantity, delivery, address):
    if size is None:
        raise gr.Error("Pick a size first.")
    if delivery and not address:
        raise gr.Error("Enter an address for the delivery.")
    toppings_text = ", ".join(toppings) if toppings else "no toppings"
    where = f"to {html.escape(address)}" if delivery else "for pick-up"
    summary = (
        f"<p><strong>{quantity} × {html.escape(size)}</strong> "
        f"with {html.escape(toppings_text)}, {where}.</p>"
    )
    total = price(size, toppings, quantity, delivery)
    return summary, total, gr.Tabs(selected="summary")


with gr.Blocks(title="Pizza order") as demo:
    gr.Markdown("# Pizza order")
    with gr.Tabs(selected="order") as tabs:
        with gr.Tab("Order", id="order"):
            with gr.Group():
                size = gr.Dropdown(SIZES, label="Size")
                toppings = gr.Dropdown(
                    TOPPINGS, value=["Cheese"], multiselect=True, max_choices=3,
                    label="Toppings", info="Up to three",
                )
                quantity = gr.Number(1, label="Quantity", precision=0, minimum=1, maximum=20)
            with gr.Accordion("Delivery", open=False):
                delivery = gr.Checkbox(label="Deliver to my door")
                address = gr.Dropdown(
                    ["1 Main Street", "5 Station Road"], value=None,
                    allow_custom_value=True, label="Address",
                    info="Pick a saved address or type a new one",
                )
            review_button = gr.Button("Review order", variant="primary")
        with gr.Tab("Summary", id="summary"):
            summary = gr.HTML("<p>No order yet.</p>")
            total = gr.Number(label="Total (€)", precision=2, interactive=False)
            change_button = gr.Button("Change order")

    order = [size, toppings, quantity, delivery, address]
    review_button.click(review, order, [summary, total, tabs])
    quantity.submit(review, order, [summary, total, tabs])
    change_button.click(lambda: gr.Tabs(selected="order"), None, tabs)

demo.launch()
