# Text with markup in every place an app or its user can put text.
import gradio as gr

LABEL = "<b>bold label</b><img src=x onerror=window.pwned=1>"
INFO = "<i>info</i><script>window.pwned=2</script>"

with gr.Blocks() as demo:
    source = gr.Textbox(label="Source")
    markdown = gr.Markdown("nothing yet")
    html = gr.HTML("<p>nothing yet</p>")
    source.change(lambda value: (value, value), source, [markdown, html])
    gr.Textbox("plain", label=LABEL, info=INFO)
    gr.Slider(0, 5, label=LABEL, info=INFO)
    gr.Radio(["<b>a</b>", "<img src=y onerror=window.pwned=3>"], label=LABEL, info=INFO)
    gr.Button("<img src=z onerror=window.pwned=4>")

    relabel = gr.Textbox(label="Relabelled")
    gr.Button("Relabel").click(
        lambda value: gr.update(label=value, info=value), source, relabel
    )

demo.launch()
