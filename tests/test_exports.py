"""The public namespace: what ``import gradio`` gives an app inside the page."""

from __future__ import annotations

import lite

EXPECTED = [
    "Accordion", "Audio", "Block", "Blocks", "Button", "Checkbox", "Column", "Component",
    "Dropdown", "Error", "Group", "HTML", "Listener", "Markdown", "Number", "Radio", "Row",
    "Slider", "State", "Tab", "TabItem", "Tabs", "Textbox", "gradio_alias",
    "install_gradio_alias", "on", "render", "skip", "update",
]


def test_exports_are_exactly_the_public_api():
    assert sorted(lite.__all__) == sorted(EXPECTED)
    assert lite.__all__ == sorted(lite.__all__)


def test_exported_classes_report_lite_module():
    assert repr(lite.Textbox) == "<class 'lite.Textbox'>"


def test_gradio_alias_is_scoped():
    import sys

    assert "gradio" not in sys.modules or sys.modules["gradio"] is not lite
    with lite.gradio_alias():
        import gradio

        assert gradio is lite
    assert sys.modules.get("gradio") is not lite
