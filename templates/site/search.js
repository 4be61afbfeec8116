/* Full-text search with Pagefind's interface (pagefind/pagefind-ui.js). The site root is
   taken from this script's own address, so result links work below any web path. Opened
   from a folder (file://) browsers do not let Pagefind fetch its index: say so instead.
   Each plan's pages in this language are indexed in a bundle of their own, listed (from
   this page) in the search region's data-bundles: they are merged into the main one. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : location.href);

  function start() {
    var box = document.getElementById("search");
    if (!box) { return; }
    if (location.protocol === "file:") {
      var notice = document.getElementById("search-file");
      if (notice) { notice.hidden = false; }
      return;
    }
    if (typeof PagefindUI !== "function") { return; }
    var merged = (box.getAttribute("data-bundles") || "").split(" ").filter(Boolean)
      .map(function (href) {
        return { bundlePath: new URL(href, location.href).pathname, baseUrl: root.pathname };
      });
    var ui = new PagefindUI({
      element: "#search", baseUrl: root.pathname, mergeIndex: merged, showImages: false,
      showSubResults: true, resetStyles: false, autofocus: true
    });
    // Pagefind labels its field with a title only; name it like the search region.
    var field = box.querySelector("input");
    if (field) { field.setAttribute("aria-label", box.getAttribute("aria-label")); }
    var query = new URLSearchParams(location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
