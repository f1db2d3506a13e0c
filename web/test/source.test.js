import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dedent, directoryUrl, entryName } from "../src/source.js";

describe("dedent", () => {
  test("removes shared indentation", () => {
    const text = "\n    import gradio as gr\n\n    with gr.Blocks():\n        pass\n  ";
    assert.equal(dedent(text), "import gradio as gr\n\nwith gr.Blocks():\n    pass\n");
  });

  test("keeps unindented code", () => {
    assert.equal(dedent("a = 1\nb = 2"), "a = 1\nb = 2\n");
  });

  test("uses the shortest common prefix", () => {
    assert.equal(dedent("\t\tx\n\ty"), "\tx\ny\n");
  });

  test("normalizes CRLF line endings", () => {
    assert.equal(dedent("  a\r\n  b\r\n"), "a\nb\n");
  });

  test("returns empty text for blank input", () => {
    assert.equal(dedent("  \n\t\n"), "");
  });
});

describe("entryName", () => {
  test("takes the last path segment", () => {
    assert.equal(entryName(new URL("https://example.test/apps/todo.py?v=2")), "todo.py");
  });

  test("defaults to app.py", () => {
    assert.equal(entryName(new URL("https://example.test/apps/")), "app.py");
  });
});

describe("directoryUrl", () => {
  test("adds a trailing slash", () => {
    assert.equal(directoryUrl("cdn/pyodide", "https://example.test/site/"),
      "https://example.test/site/cdn/pyodide/");
  });

  test("keeps an existing slash", () => {
    assert.equal(directoryUrl("https://cdn.test/p/", "https://example.test/"), "https://cdn.test/p/");
  });
});
