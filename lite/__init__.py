"""lite: Gradio's Blocks and ``@gr.render`` API, running in the browser on Pyodide.

Apps import it as ``gradio`` inside the page. Under CPython, use it directly
(``import lite as gr``) or call :func:`install_gradio_alias` first.
"""

from .alias import gradio_alias, install_gradio_alias
from .blocks import Block, Blocks
from .components import (
    HTML,
    Audio,
    Button,
    Checkbox,
    Component,
    Dropdown,
    Markdown,
    Number,
    Radio,
    Slider,
    State,
    Textbox,
)
from .containers import Accordion, Group, Tab, TabItem, Tabs
from .errors import Error
from .events import Listener, on
from .layouts import Column, Row
from .outputs import skip, update
from .render import render

__version__ = "0.1.0"

__all__ = [
    "Accordion",
    "Audio",
    "Block",
    "Blocks",
    "Button",
    "Checkbox",
    "Column",
    "Component",
    "Dropdown",
    "Error",
    "Group",
    "HTML",
    "Listener",
    "Markdown",
    "Number",
    "Radio",
    "Row",
    "Slider",
    "State",
    "Tab",
    "TabItem",
    "Tabs",
    "Textbox",
    "gradio_alias",
    "install_gradio_alias",
    "on",
    "render",
    "skip",
    "update",
]

for _name in __all__:
    _obj = globals()[_name]
    if hasattr(_obj, "__module__") and isinstance(_obj, type):
        _obj.__module__ = "lite"
del _name, _obj
