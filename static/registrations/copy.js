/* "Salin kode" beside a tracking code: shown only where the browser can copy; without
   JavaScript the code stays on the page to write down or send with the WhatsApp link. */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-text]").forEach(function (btn) {
    if (!navigator.clipboard) return;
    var status = document.getElementById(btn.getAttribute("aria-describedby") || "");
    btn.hidden = false;
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(btn.getAttribute("data-copy-text")).then(function () {
        if (status) status.textContent = btn.getAttribute("data-copied");
      });
    });
  });
})();
