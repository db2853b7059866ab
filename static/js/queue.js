// Keyboard navigation for the review queue: j/k move, o or Enter opens, a assigns to me,
// x selects for a bulk action, ? shows the help. Rows come and go with htmx swaps, so the
// current row is looked up each time; the claim it shows is remembered, so that a swap (the row
// answered by `a`, new results) puts the cursor back on the same claim.
(function () {
  "use strict";
  var remembered = null;  // the data-url of the claim under the cursor

  function rows() { return Array.from(document.querySelectorAll("[data-keyboard-table] tbody tr")); }
  function current() { return document.querySelector("[data-keyboard-table] tr.current"); }
  function select(row) {
    rows().forEach(function (other) { other.classList.remove("current"); other.removeAttribute("aria-selected"); });
    row.classList.add("current"); row.setAttribute("aria-selected", "true");
    remembered = row.dataset.url;
    // Focus follows the cursor, so a screen reader reads the claim and focus survives no swap.
    var link = row.querySelector("a[href='" + CSS.escape(row.dataset.url) + "']");
    if (link) link.focus({preventScroll: true});
    row.scrollIntoView({block: "nearest"});
  }
  function move(step) {
    var all = rows(); if (!all.length) return;
    var index = all.indexOf(current());
    select(all[Math.min(Math.max(index + step, 0), all.length - 1)]);
  }
  function status() { return document.getElementById("queue-status"); }
  function say(message) { var region = status(); if (region) region.textContent = message; }
  function take(row) {
    say("");
    // htmx swaps the row the server answers with (the claim, now mine) in place of this one; a
    // refusal comes back as a sentence that the server retargets to the status line.
    htmx.ajax("POST", row.dataset.takeUrl, {source: row, target: row, swap: "outerHTML"});
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], dialog[open]")) return;
    var row = current();
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if ((event.key === "o" || event.key === "Enter") && row) { window.location = row.dataset.url; event.preventDefault(); }
    else if (event.key === "x" && row) { var box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; event.preventDefault(); }
    else if (event.key === "a" && row) { take(row); event.preventDefault(); }
    else if (event.key === "?") { document.getElementById("keys").showModal(); event.preventDefault(); }
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    if (current() || !remembered) return;
    var again = rows().find(function (row) { return row.dataset.url === remembered; });
    if (again) select(again);
  });
  document.body.addEventListener("queueChanged", function (event) {
    if (event.detail && event.detail.message) say(event.detail.message);
  });
  document.addEventListener("click", function (event) {
    if (event.target.matches("[data-show-keys]")) document.getElementById("keys").showModal();
  });
})();
