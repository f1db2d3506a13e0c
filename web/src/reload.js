// The reload client that `lite serve` adds to its page; a built site never
// has it. It listens to the server's events at __lite/events: a `version`
// other than the one this page was served with means the app's files
// changed, so the page reloads. A `site-error` means the server could not
// assemble the site after a change, and the page shows why in a banner until
// the next version arrives.

const script = new URL(import.meta.url);
const pageVersion = script.searchParams.get("version");
const events = new EventSource(new URL("events", script));

events.addEventListener("version", (event) => {
  if (event.data !== pageVersion) location.reload();
});

events.addEventListener("site-error", (event) => {
  showBanner(`lite serve: ${event.data}`);
});

/** @param {string} text */
function showBanner(text) {
  let banner = document.getElementById("lite-serve-error");
  if (!banner) {
    banner = document.createElement("div");
    banner.id = "lite-serve-error";
    banner.setAttribute("role", "alert");
    banner.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;" +
      "padding:0.75em 1em;background:#b91c1c;color:#fff;font:14px/1.4 system-ui," +
      "sans-serif;white-space:pre-wrap";
    document.body.prepend(banner);
  }
  banner.textContent = text;
}
