// Keyboard navigation for the review queue: j/k move, o or Enter opens, a assigns to me,
// x selects for a bulk action, ? shows the help. Rows come and go with htmx swaps, so the
// current row is looked up each time rather than remembered.
(function () {
  "use strict";
  function rows() { return Array.from(document.querySelectorAll("[data-keyboard-table] tbody tr")); }
  function current() { return document.querySelector("[data-keyboard-table] tr.current"); }
  function move(step) {
    var all = rows(); if (!all.length) return;
    var index = all.indexOf(current());
    var next = all[Math.min(Math.max(index + step, 0), all.length - 1)];
    all.forEach(function (row) { row.classList.remove("current"); row.removeAttribute("aria-selected"); });
    next.classList.add("current"); next.setAttribute("aria-selected", "true");
    next.scrollIntoView({block: "nearest"});
  }
  function csrf() {
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    return headers["X-CSRFToken"];
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var row = current();
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if ((event.key === "o" || event.key === "Enter") && row) { window.location = row.dataset.url; event.preventDefault(); }
    else if (event.key === "x" && row) { var box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; event.preventDefault(); }
    else if (event.key === "a" && row) {
      fetch(row.dataset.takeUrl, {method: "POST", headers: {"X-CSRFToken": csrf()}, credentials: "same-origin"})
        .then(function (response) { if (response.ok || response.redirected) { window.location.reload(); } else { alert("This claim could not be assigned to you (" + response.status + ")."); } });
      event.preventDefault();
    }
    else if (event.key === "?") { document.getElementById("keys").showModal(); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.matches("[data-show-keys]")) document.getElementById("keys").showModal();
  });
})();
