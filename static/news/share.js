/* "Salin" button next to the article link; without JavaScript the field can be copied by hand. */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (btn) {
    var field = document.getElementById(btn.getAttribute("data-copy"));
    if (!field || !navigator.clipboard) return;
    btn.hidden = false;
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        btn.textContent = "Tersalin";
      });
    });
  });
})();
