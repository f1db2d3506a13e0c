# Python that never returns, for the busy banner and its Stop button.
import time

import gradio as gr

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    level = gr.Slider(0, 10, value=0, step=1, label="Level")
    color = gr.Radio(["red", "green"], label="Color")
    clicks = gr.State(0)
    out = gr.Textbox(label="Out")

    gr.Button("Count").click(lambda n: (n + 1, f"count {n + 1}"), clicks, [clicks, out])
    gr.Button("Show").click(
        lambda n, text, value, choice: f"clicks={n} name={text} level={value} color={choice}",
        [clicks, name, level, color],
        out,
    )

    def spin():
        while True:
            pass

    gr.Button("Spin").click(spin, None, out)

    def nap():
        # time.sleep runs in C, where Pyodide's interrupt does not reach.
        time.sleep(120)
        return "woke up"

    gr.Button("Nap").click(nap, None, out)

    extra = gr.State(0)
    gr.Button("Add field").click(lambda n: n + 1, extra, extra)

    @gr.render(inputs=extra)
    def fields(n):
        for i in range(n):
            gr.Textbox(label=f"Extra {i}", key=i)

demo.launch()
