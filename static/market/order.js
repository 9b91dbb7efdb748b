/* Live subtotal on the order form: quantity × the chosen variant's price. The server computes
   the same figures (and "Hitung ulang subtotal" asks it without JavaScript); this only saves
   the round trip. */
(function () {
  "use strict";
  var box = document.querySelector("[data-order-sum]");
  var form = box && box.closest("form");
  var data = document.getElementById("order-prices");
  if (!box || !form || !data) return;
  var prices = JSON.parse(data.textContent);
  var line = box.querySelector("[data-order-line]");
  var out = box.querySelector("[data-order-subtotal]");
  var recalc = box.querySelector("[data-order-recalc]");
  var fallback = line.textContent;
  function rupiah(n) {
    return "Rp " + n.toLocaleString("id-ID");
  }
  function update() {
    var chosen = form.querySelector("[name=variant]:checked");
    var price = chosen ? prices[chosen.value] : box.dataset.unitPrice === "" ? null : Number(box.dataset.unitPrice);
    var qty = parseInt(form.elements.quantity.value, 10);
    if (price === null || price === undefined || !(qty > 0)) {
      line.textContent = price === null ? fallback : "";
      out.textContent = "–";
      return;
    }
    line.textContent = qty + " × " + rupiah(price);
    out.textContent = rupiah(qty * price);
  }
  if (recalc) recalc.remove(); // so Enter places the order, as the main button does
  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
