import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  appFilePath, dedent, directoryUrl, entryName, parseFileList, parseRequirements,
  resolveIndexUrl, resolveRequirement,
} from "../src/source.js";

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

describe("parseRequirements", () => {
  test("splits at spaces, commas and new lines", () => {
    assert.deepEqual(parseRequirements("a b,c\n d"), ["a", "b", "c", "d"]);
  });

  test("keeps a version specifier with spaces", () => {
    assert.deepEqual(parseRequirements("foo >= 1.0 bar"), ["foo>=1.0", "bar"]);
  });

  test("keeps commas between version clauses", () => {
    assert.deepEqual(parseRequirements("foo >= 1, < 2, bar==3"), ["foo>=1,<2", "bar==3"]);
  });

  test("keeps extras", () => {
    assert.deepEqual(parseRequirements("foo[a, b] >=1 baz [x]"), ["foo[a,b]>=1", "baz[x]"]);
  });

  test("keeps a direct URL", () => {
    assert.deepEqual(parseRequirements("pkg @ https://example.test/pkg-1.0-py3-none-any.whl"),
      ["pkg@https://example.test/pkg-1.0-py3-none-any.whl"]);
  });

  test("runs a marker to the end of its line", () => {
    assert.deepEqual(parseRequirements('foo >= 1 ; python_version < "3.14"\nbar'),
      ['foo>=1; python_version < "3.14"', "bar"]);
  });

  test("drops comments and keeps URL fragments", () => {
    assert.deepEqual(parseRequirements("# tools\nfoo  # pinned later\nw.whl#sha256=ab"),
      ["foo", "w.whl#sha256=ab"]);
  });

  test("does not join across lines", () => {
    assert.deepEqual(parseRequirements("foo>=\n1.0"), ["foo>=", "1.0"]);
  });

  test("returns nothing for blank text", () => {
    assert.deepEqual(parseRequirements(" , \n "), []);
  });
});

describe("parseFileList", () => {
  test("splits at white space", () => {
    assert.deepEqual(parseFileList(" helpers.py\n data/words%20list.txt "),
      ["helpers.py", "data/words%20list.txt"]);
  });
});

describe("appFilePath", () => {
  test("decodes percent escapes", () => {
    assert.equal(appFilePath("data/words%20list.txt"), "data/words list.txt");
  });

  test("drops dot segments and queries", () => {
    assert.equal(appFilePath("./data//a.txt?v=2"), "data/a.txt");
  });

  for (const name of ["../secret.py", "a/../../b", "/etc/passwd", "https://x.test/a.py",
    "a\\b.py", ".", "%E0%A4%A"]) {
    test(`rejects ${name}`, () => {
      assert.equal(appFilePath(name), null);
    });
  }
});

describe("resolveRequirement", () => {
  test("resolves a relative wheel against the base", () => {
    assert.equal(resolveRequirement("wheels/a-1.0-py3-none-any.whl", "https://h.test/site/app.py"),
      "https://h.test/site/wheels/a-1.0-py3-none-any.whl");
  });

  test("keeps names and absolute URLs", () => {
    assert.equal(resolveRequirement("a>=1", "https://h.test/"), "a>=1");
    assert.equal(resolveRequirement("emfs:/tmp/a-1.0-py3-none-any.whl", "https://h.test/"),
      "emfs:/tmp/a-1.0-py3-none-any.whl");
  });
});

describe("resolveIndexUrl", () => {
  test("resolves a relative index", () => {
    assert.equal(resolveIndexUrl("simple", "https://h.test/site/"), "https://h.test/site/simple");
  });

  test("keeps the package name placeholder", () => {
    assert.equal(resolveIndexUrl("https://i.test/{package_name}/json", "https://h.test/"),
      "https://i.test/{package_name}/json");
  });

  test("keeps PYPI", () => {
    assert.equal(resolveIndexUrl("PYPI", "https://h.test/"), "PYPI");
  });
});
