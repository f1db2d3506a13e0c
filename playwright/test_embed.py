"""Browser tests of hand-written pages that embed apps with ``<lite-app>``.

Each page is served next to the runtime files of a site (``lite/``, ``pyodide/``), as
a user's own page would be after copying them, and loads ``lite/lite.js`` with one
script tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import OpenPage, ServeSite, wait_until_ready
from playwright.sync_api import Page, expect

from lite import site

README = Path(__file__).resolve().parent.parent / "README.md"
COUNTER_APP = """
import gradio as gr
import store

with gr.Blocks() as demo:
    label = gr.Markdown(f"{store.NAME}: {len(store.CLICKS)}")
    button = gr.Button(f"Count {store.NAME}")

    def count():
        store.CLICKS.append(1)
        return f"{store.NAME}: {len(store.CLICKS)}"

    button.click(count, None, label)
"""


def page_html(body: str) -> bytes:
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<title>embed</title><link rel='icon' href='data:,'>"
        "<script type='module' src='lite/lite.js'></script></head>"
        f"<body>\n{body}\n</body></html>\n"
    ).encode()


@pytest.fixture
def runtime_site(tmp_path: Path) -> site.Site:
    """The runtime files of a site, without its index.html or app."""
    app = tmp_path / "runtime" / "app.py"
    app.parent.mkdir()
    app.write_text("import gradio as gr\n")
    pages = site.assemble_site(app)
    return {
        path: content
        for path, content in pages.items()
        if path.startswith(("lite/", "pyodide/"))
    }


@pytest.fixture
def open_embed(
    runtime_site: site.Site, serve_site: ServeSite, open_page: OpenPage
) -> Callable[[dict[str, bytes]], Page]:
    """Return a function that serves pages and files with the runtime and opens
    ``index.html``."""

    def open_(files: dict[str, bytes]) -> Page:
        return open_page(serve_site({**runtime_site, **files}))

    return open_


def readme_embed_blocks() -> list[tuple[str, str]]:
    """Return the (language, text) of each code block in the README's embed section."""
    section = README.read_text("utf-8").split("## Embedding in your own page", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"```(\w+)\n(.*?)```", section, re.S)


def test_readme_inline_example(open_embed: Callable[..., Page]) -> None:
    """The README's inline example runs as written."""
    html = [text for language, text in readme_embed_blocks() if language == "html"]
    page = open_embed({"index.html": html[0].encode()})
    wait_until_ready(page)

    field = page.get_by_label("Name")
    field.fill("A")
    field.press("Enter")
    expect(page.get_by_text("Type a longer name.")).to_be_visible()
    field.fill("Ada")
    field.press("Enter")
    expect(page.get_by_text("Hello, Ada!")).to_be_visible()
    expect(page.locator("lite-app")).not_to_contain_text("def greet")


def test_readme_src_example(open_embed: Callable[..., Page]) -> None:
    """The README's src example runs as written, with the files the README lists."""
    section = README.read_text("utf-8").split("## Embedding in your own page", 1)[1]
    labelled = re.findall(r"`([\w./-]+)`:\n\n```\w+\n(.*?)```", section, re.S)
    files = {name: text.encode() for name, text in labelled}
    assert sorted(files) == ["app.py", "data/words.txt", "index.html", "words.py"]
    page = open_embed(files)
    wait_until_ready(page)

    expect(page.get_by_text("The list has 3 words.")).to_be_visible()


def test_src_app_with_listed_files(open_embed: Callable[..., Page]) -> None:
    """``files`` are fetched relative to the app file; binary data keeps its bytes."""
    page = open_embed({
        "index.html": page_html(
            '<lite-app src="apps/reader.py" files="words.py data/all%20bytes.bin">'
            "</lite-app>"
        ),
        "apps/reader.py": b"""
import gradio as gr
import words

data = open("data/all bytes.bin", "rb").read()
with gr.Blocks() as demo:
    gr.Markdown(f"{words.WORD}: {len(data)} bytes, last {data[-1]}, ok {data == bytes(range(256))}")
""",
        "apps/words.py": b"WORD = 'fetched'\n",
        "apps/data/all bytes.bin": bytes(range(256)),
    })
    wait_until_ready(page)

    expect(page.get_by_text("fetched: 256 bytes, last 255, ok True")).to_be_visible()


def test_two_apps_are_isolated(open_embed: Callable[..., Page]) -> None:
    """Two apps with a module of the same name each get their own worker and state."""
    apps = "\n".join(
        f"""<lite-app id="{name}"><script type="text/python">{COUNTER_APP}</script>
<lite-file name="store.py">NAME = "{name}"
CLICKS = []
</lite-file></lite-app>"""
        for name in ("first", "second")
    )
    page = open_embed({"index.html": page_html(apps)})
    wait_until_ready(page)

    first, second = page.locator("#first"), page.locator("#second")
    first.get_by_role("button", name="Count first").click()
    first.get_by_role("button", name="Count first").click()
    expect(first.get_by_text("first: 2")).to_be_visible()
    second.get_by_role("button", name="Count second").click()
    expect(second.get_by_text("second: 1")).to_be_visible()
    expect(first.get_by_text("first: 2")).to_be_visible()
    assert len(page.workers) == 2


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<lite-app src="app.py" files="missing.txt"></lite-app>', "missing.txt could not be loaded"),
        ('<lite-app src="app.py" files="../up.py"></lite-app>', 'lists "../up.py"'),
        ("<lite-app><lite-file>X = 1</lite-file>import gradio</lite-app>", "needs a name"),
        ('<lite-app><lite-file name="a.py">A = 1</lite-file></lite-app>', "<lite-app> has no app"),
        ("<lite-app src='gone.py'></lite-app>", "404"),
    ],
)
def test_bad_files_are_explained(
    open_embed: Callable[..., Page], body: str, expected: str
) -> None:
    page = open_embed({"index.html": page_html(body), "app.py": b"import gradio\n"})
    wait_until_ready(page, allow_errors=True)

    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("The app could not be loaded")
    expect(alert).to_contain_text(expected)
