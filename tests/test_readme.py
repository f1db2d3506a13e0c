"""The README's test client example, run as written."""

from __future__ import annotations

import pathlib
import re

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def test_readme_test_client_example_runs(monkeypatch):
    text = README.read_text(encoding="utf-8")
    section = text.split("## Testing your app without a browser", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(README.parent)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    namespace["test_adding_a_task"]()


def test_readme_build_example_app_runs(tmp_path):
    """The app that the README's build example writes with a heredoc works."""
    from lite.testing import TestClient

    text = README.read_text(encoding="utf-8")
    section = text.split("## Building a static site", 1)[1]
    code = re.search(r"<<'PY'\n(.*?)\nPY\n", section, re.S).group(1)
    app = tmp_path / "app.py"
    app.write_text(code + "\n")

    client = TestClient(str(app))
    box = client.get("textbox", label="Name")
    client.type(box, "Ada")
    client.submit(box)

    assert client.find("markdown")[0].props["value"] == "Hello, Ada!"
