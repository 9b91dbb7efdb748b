/* Tiny optional toolbar for the article textarea: wraps the selection in a tag.
   Without JavaScript the textarea still works (blank lines make paragraphs). */
(function () {
  "use strict";
  document.querySelectorAll(".editor-toolbar").forEach(function (bar) {
    var area = document.getElementById(bar.getAttribute("data-for"));
    if (!area) return;
    bar.hidden = false;
    function replace(text) {
      var s = area.selectionStart, e = area.selectionEnd;
      area.setRangeText(text, s, e, "end");
      area.focus();
    }
    function selected() {
      return area.value.slice(area.selectionStart, area.selectionEnd);
    }
    bar.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button");
      if (!btn) return;
      var sel = selected();
      var tag = btn.getAttribute("data-wrap");
      if (tag) {
        replace("<" + tag + ">" + (sel || "…") + "</" + tag + ">");
      } else if (btn.getAttribute("data-list")) {
        var items = (sel || "…").split(/\n+/).map(function (l) { return "<li>" + l + "</li>"; });
        replace("<ul>\n" + items.join("\n") + "\n</ul>");
      } else if (btn.getAttribute("data-link")) {
        var url = window.prompt("Alamat tautan (https://…)", "https://");
        if (url && /^https?:\/\//.test(url)) {
          var safe = url.replace(/"/g, "%22");
          replace('<a href="' + safe + '">' + (sel || url) + "</a>");
        }
      }
    });
  });
})();
