// Select words in the article to add them as a claim: the selection's text and its character
// offset in the article body fill the "Add a claim by hand" form. The article is rendered with
// its text unchanged (claims are only wrapped in links), so offsets in the page are offsets in
// the body.
(function () {
  "use strict";
  var article = document.querySelector("[data-select-claim]");
  var panel = document.getElementById("manual-claim");
  if (!article || !panel) return;
  article.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !article.contains(selection.anchorNode)) return;
    var range = selection.getRangeAt(0);
    var before = document.createRange();
    before.setStart(article, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var text = range.toString();
    var lead = text.length - text.replace(/^\s+/, "").length;
    var trimmed = text.trim();
    if (!trimmed) return;
    panel.open = true;
    panel.querySelector("textarea[name=text]").value = trimmed;
    panel.querySelector("input[name=start]").value = before.toString().length + lead;
  });
})();
