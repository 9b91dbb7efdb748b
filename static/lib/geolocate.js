/* "Pakai lokasi saya": fill a latitude/longitude pair from the device's position.
   An enhancement: without JavaScript or geolocation the block stays hidden and people paste
   the numbers. Messages come from the template (translated there). */
(function () {
  "use strict";
  if (!("geolocation" in navigator)) return;
  document.querySelectorAll("[data-geolocate]").forEach(function (box) {
    var lat = document.getElementById(box.dataset.lat);
    var lng = document.getElementById(box.dataset.lng);
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    if (!lat || !lng || !button || !status) return;
    box.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = box.dataset.busy;
      navigator.geolocation.getCurrentPosition(
        function (pos) {
          lat.value = pos.coords.latitude.toFixed(6);
          lng.value = pos.coords.longitude.toFixed(6);
          status.textContent = box.dataset.done.replace("%s", Math.round(pos.coords.accuracy));
          button.disabled = false;
        },
        function (err) {
          status.textContent = err.code === 1 ? box.dataset.denied : box.dataset.failed;
          button.disabled = false;
        },
        { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }
      );
    });
  });
})();
