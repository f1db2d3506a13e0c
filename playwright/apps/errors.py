# Listeners, a render and a generator that raise, for the error tests.
import gradio as gr

with gr.Blocks() as demo:
    text = gr.Textbox(label="Text")
    out = gr.Textbox(label="Out")

    def echo(value):
        if value == "boom":
            raise ValueError("the listener failed on purpose")
        return f"echo {value}"

    gr.Button("Echo").click(echo, text, out)

    def count_up():
        for step in range(1, 4):
            if step == 3:
                raise RuntimeError("the generator failed at step 3")
            yield f"step {step}"

    gr.Button("Count up").click(count_up, None, out)

    shown = gr.Textbox(label="Render input")

    @gr.render(inputs=shown)
    def letters(value):
        if value == "boom":
            raise KeyError("the render failed on purpose")
        for letter in value:
            gr.Textbox(letter, label="Letter", interactive=False)

demo.launch()
