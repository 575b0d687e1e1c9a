// Starts Pagefind's search UI on the search page (no inline script: CSP-friendly).
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#search", bundlePath: box.dataset.bundle, showSubResults: false, showImages: false });
});
