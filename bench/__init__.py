"""The benchmark of lite against real Gradio; bench/run runs it."""
