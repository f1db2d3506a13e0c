# One listener per trigger mode, each recording what it saw, for event storms.
import time

import gradio as gr

with gr.Blocks() as demo:
    clicks = gr.State(0)
    clicks_out = gr.Textbox(label="Clicks counted")
    gr.Button("Count every click").click(
        lambda n: (n + 1, str(n + 1)), clicks, [clicks, clicks_out], trigger_mode="multiple"
    )

    slow_runs = gr.State(0)
    slow_out = gr.Textbox(label="Slow runs")

    def slow(n):
        time.sleep(0.02)
        return n + 1, str(n + 1)

    gr.Button("Slow once").click(slow, slow_runs, [slow_runs, slow_out], trigger_mode="once")

    every = gr.Textbox(label="Every keystroke")
    every_state = gr.State((0, "", True))
    every_out = gr.Textbox(label="Keystrokes seen")

    def record_every(state, text):
        seen, last, in_order = state
        in_order = in_order and len(text) == len(last) + 1 and text.startswith(last)
        return (seen + 1, text, in_order), f"{seen + 1} {'in order' if in_order else 'out of order'}"

    every.input(record_every, [every_state, every], [every_state, every_out],
                trigger_mode="multiple")

    latest = gr.Textbox(label="Latest keystroke")
    latest_state = gr.State((0, "", True))
    latest_out = gr.Textbox(label="Latest seen")

    def record_latest(state, text):
        time.sleep(0.01)
        runs, last, growing = state
        growing = growing and len(text) > len(last) and text.startswith(last)
        return (runs + 1, text, growing), f"{runs + 1} {len(text)} {'growing' if growing else 'repeated or shrank'}"

    latest.input(record_latest, [latest_state, latest], [latest_state, latest_out],
                 trigger_mode="always_last")

demo.launch()
