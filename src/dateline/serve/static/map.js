// The map page: country borders from the shipped world-atlas TopoJSON, event cells as circles. No tiles.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var cells = JSON.parse(document.getElementById("cells").textContent);
  var params = el.getAttribute("data-params");
  var map = L.map(el, { worldCopyJump: true, attributionControl: true }).setView([20, 0], 2);
  map.attributionControl.addAttribution("Borders: Natural Earth via world-atlas");
  fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    // Antarctica is left out and rings that cross the antimeridian (Russia, Fiji) are unwrapped,
    // so that no polygon is drawn across the whole map.
    land.features = land.features.filter(function (f) { return f.id !== "010"; });
    land.features.forEach(function (f) {
      var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          var wraps = ring.some(function (p, i) { return i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180; });
          if (wraps) { ring.forEach(function (p) { if (p[0] < 0) { p[0] += 360; } }); }
        });
      });
    });
    L.geoJSON(land, { style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f2efe9", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  var top = cells.reduce(function (m, c) { return Math.max(m, c.n); }, 1);
  cells.forEach(function (c) {
    var circle = L.circleMarker([c.lat, c.lon], {
      radius: 5 + 20 * Math.sqrt(c.n / top), color: "#b3261e", weight: 1, fillOpacity: 0.55, className: "cell"
    }).addTo(map);
    var link = document.createElement("a");
    link.href = "/events?" + (params ? params + "&" : "") + "place=" + encodeURIComponent(c.name || "");
    link.textContent = (c.name || "?") + ": " + c.n + " event(s)";
    circle.bindPopup(link);
  });
})();
