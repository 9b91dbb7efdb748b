// The optional interactive map of /peta/: shown only where the district set a tile URL. Leaflet
// (vendored) and the map's GeoJSON load only when the visitor presses the button, so the page
// stays light; the server-drawn SVG and the list of points remain the map for everyone else.
(function () {
  "use strict";
  var box = document.querySelector("[data-map-interactive]");
  if (!box || !window.fetch) return;
  box.hidden = false;
  var button = box.querySelector("button");
  var target = box.querySelector(".map-leaflet");
  var colours = { batas: "#1f6f43", wilayah: "#b45309" };

  function load(src, css) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = css;
      document.head.appendChild(link);
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function draw(data) {
    target.hidden = false;
    var map = window.L.map(target);
    window.L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
    var layer = window.L.geoJSON(data, {
      style: function (f) {
        var kind = f.properties.kind;
        return { color: colours[kind] || "#1f6f43", weight: kind === "batas" ? 3 : 1, fillOpacity: kind === "batas" ? 0.05 : 0.15 };
      },
      pointToLayer: function (f, latlng) {
        return window.L.circleMarker(latlng, { radius: 8, color: "#fff", weight: 2, fillColor: "#1d4ed8", fillOpacity: 1 });
      },
      onEachFeature: function (f, l) {
        var p = f.properties;
        l.bindPopup((p.number ? p.number + ". " : "") + p.name + (p.category ? " (" + p.category + ")" : ""));
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [10, 10] });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    Promise.all([load(box.dataset.js, box.dataset.css), fetch(box.dataset.url).then(function (r) { return r.json(); })])
      .then(function (results) { button.hidden = true; draw(results[1]); })
      .catch(function () { button.disabled = false; });
  });
})();
