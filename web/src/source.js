// Helpers that turn what the page gives <lite-app> into the app's files.

/**
 * Removes the indentation that every non-blank line shares, and the blank
 * lines at the start and end, so Python code can sit indented inside HTML.
 * @param {string} text
 * @returns {string}
 */
export function dedent(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();

  let common = null;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = /** @type {string} */ (line.match(/^[ \t]*/)?.[0]);
    if (common === null || !indent.startsWith(common)) {
      common = commonPrefix(common ?? indent, indent);
    }
  }
  const width = common ? common.length : 0;
  const body = lines.map((line) => (line.trim() === "" ? "" : line.slice(width)));
  return body.length ? body.join("\n") + "\n" : "";
}

/**
 * @param {string} a
 * @param {string} b
 */
function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * Returns the file name an app fetched from `url` gets in the worker's file
 * system: the last path segment, or "app.py" when the URL ends in a slash.
 * @param {URL} url
 * @returns {string}
 */
export function entryName(url) {
  const segment = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  return segment && segment !== "." && segment !== ".." ? segment : "app.py";
}

/**
 * Makes a directory URL end in a slash, so relative URLs resolve inside it.
 * @param {string | URL} url
 * @param {string | URL} base
 * @returns {string}
 */
export function directoryUrl(url, base) {
  const resolved = new URL(url, base);
  if (!resolved.pathname.endsWith("/")) resolved.pathname += "/";
  return resolved.href;
}
