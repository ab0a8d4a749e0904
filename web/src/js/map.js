// The map view: filters, a map of events sized by fatalities, a timeline of
// event counts, and the event list with links to each event's article.
import { el, bidi, fmtNum, typeLabel, typeNames, typeColors } from "./dom.js";
import { api, exportURL } from "./api.js";

const filterNames = ["from", "to", "type", "outlet", "actor", "q", "bbox"];
let borders = null; // decoded once per page load

async function loadBorders() {
  if (!borders) {
    const resp = await fetch("vendor/countries-50m.json");
    const world = await resp.json();
    borders = topojson.feature(world, world.objects.countries);
  }
  return borders;
}

function currentFilters(q) {
  const f = {};
  for (const k of filterNames) if (q.get(k)) f[k] = q.get(k);
  return f;
}

function go(filters) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  location.hash = "#/" + (q.toString() ? "?" + q : "");
}

export async function mapView(q) {
  const filters = currentFilters(q);
  const [events, stats, timelineData] = await Promise.all([
    api("events", { ...filters, limit: 1000 }), api("stats"), api("timeline", filters)]);
  const mapBox = el("div", { id: "map", dir: "ltr", "aria-label": "خريطة الأحداث" });
  const page = el("div", { class: "map-layout" },
    filterPanel(filters, stats),
    el("section", {},
      el("div", { class: "card" },
        el("h1", {}, "الأحداث ", el("span", { class: "muted", id: "event-total" }, `(${fmtNum(events.total)})`)),
        legend(), mapBox, timeline(timelineData.days, filters),
        events.total > events.items.length ? el("p", { class: "muted" },
          `تعرض الخريطة أحدث ${fmtNum(events.items.length)} حدث من ${fmtNum(events.total)}؛ ضيّق التصفية لرؤية البقية.`) : null),
      eventList(events, filters)));
  // Leaflet needs the container in the document to measure it.
  requestAnimationFrame(() => drawMap(mapBox, events.items, filters));
  return page;
}

function filterPanel(f, stats) {
  const input = (name, label, attrs = {}) =>
    el("label", {}, label, el("input", { name, value: f[name] || "", ...attrs }));
  const typeSelect = el("select", { name: "type" }, el("option", { value: "" }, "كل الأنواع"),
    Object.keys(typeNames).map((t) => el("option", { value: t, selected: f.type === t }, typeNames[t])));
  const outletSelect = el("select", { name: "outlet" }, el("option", { value: "" }, "كل المنافذ"),
    stats.outlets.filter((o) => o.outlet).map((o) => el("option", { value: o.outlet, selected: f.outlet === o.outlet }, o.outlet)));
  const bboxCheck = el("input", { type: "checkbox", name: "use-bbox", checked: !!f.bbox });
  const form = el("form", { class: "card filters", id: "filters" },
    el("h2", {}, "تصفية"),
    input("from", "من تاريخ", { type: "date" }),
    input("to", "إلى تاريخ", { type: "date" }),
    el("label", {}, "نوع الحدث", typeSelect),
    el("label", {}, "المنفذ الإعلامي", outletSelect),
    input("actor", "الفاعل (اسم أو معرّف)"),
    input("q", "نص في الدليل"),
    el("label", { class: "check" }, bboxCheck, "داخل حدود الخريطة الظاهرة فقط"),
    el("div", { class: "row" }, el("button", { type: "submit" }, "تطبيق"), el("button", { type: "reset" }, "مسح")),
    el("p", { class: "muted" }, `${fmtNum(stats.documents)} مقالاً · ${fmtNum(stats.events)} حدثاً · ${fmtNum(stats.stories)} قصة`),
    el("div", { class: "exports" }, "تصدير: ",
      el("a", { href: exportURL("acled-csv", f), download: "" }, el("bdi", {}, "ACLED CSV")),
      el("a", { href: exportURL("geojson", f), download: "" }, el("bdi", {}, "GeoJSON")),
      el("a", { href: exportURL("jsonl", f), download: "" }, el("bdi", {}, "JSONL"))));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next = {};
    for (const k of ["from", "to", "type", "outlet", "actor", "q"]) next[k] = String(data.get(k) || "").trim();
    if (bboxCheck.checked) next.bbox = window.__marsadBounds || f.bbox || "";
    go(next);
  });
  form.addEventListener("reset", (e) => { e.preventDefault(); go({}); });
  return form;
}

function legend() {
  return el("div", { class: "legend" }, Object.entries(typeColors).map(([t, c]) => {
    const dot = el("i");
    dot.style.background = c;
    return el("span", {}, dot, typeNames[t]);
  }), el("span", { class: "muted" }, "حجم الدائرة: عدد القتلى"));
}

function radius(fatalities) {
  return 5 + 3 * Math.sqrt(Math.max(0, fatalities || 0));
}

async function drawMap(box, items, filters) {
  const map = L.map(box, { zoomControl: true, worldCopyJump: true, preferCanvas: false });
  // Vector layers need a view before they are added.
  map.setView([27, 20], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · world-atlas");
  L.geoJSON(await loadBorders(), {
    style: { color: "#8a8f96", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  const points = [];
  for (const row of items) {
    const loc = row.event.location;
    if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) continue;
    const color = typeColors[row.event.event_type] || "#333";
    const marker = L.circleMarker([loc.lat, loc.lon], {
      radius: radius(row.event.fatalities), color, weight: 1, fillColor: color, fillOpacity: 0.55,
      className: "event-marker",
    }).addTo(map);
    marker.bindPopup(() => popup(row));
    points.push([loc.lat, loc.lon]);
  }
  const box0 = filters.bbox ? filters.bbox.split(",").map(Number) : null;
  if (box0 && box0.length === 4) map.fitBounds([[box0[1], box0[0]], [box0[3], box0[2]]]);
  else if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 8 });
  const remember = () => {
    const b = map.getBounds();
    const c = (x) => Math.max(-180, Math.min(180, x)).toFixed(3);
    window.__marsadBounds = [c(b.getWest()), Math.max(-90, b.getSouth()).toFixed(3), c(b.getEast()), Math.min(90, b.getNorth()).toFixed(3)].join(",");
  };
  map.on("moveend", remember);
  remember();
  box.dataset.markers = String(points.length);
}

function popup(row) {
  const ev = row.event;
  return el("div", { dir: "rtl", class: "popup" },
    el("strong", {}, typeLabel(ev.event_type)), el("br"),
    ev.sub_event_type ? [el("bdi", {}, ev.sub_event_type), el("br")] : null,
    bidi(`${ev.date || "تاريخ غير معروف"} · ${ev.location ? ev.location.name : ""}`), el("br"),
    `القتلى: ${fmtNum(ev.fatalities)} · `, bidi(row.outlet || ""), el("br"),
    el("a", { href: articleLink(row) }, "افتح المقال ←"));
}

export function articleLink(row) {
  return "#/article/" + encodeURIComponent(row.doc_id) + "?event=" + encodeURIComponent(row.id);
}

// timeline draws the filtered events per day (per month over long ranges);
// a click on a bar filters to that period.
function timeline(days, filters) {
  const wrap = el("div", { class: "timeline", "aria-label": "الخط الزمني" });
  if (!days.length) return wrap;
  const first = days[0].day, last = days[days.length - 1].day;
  const byMonth = (Date.parse(last) - Date.parse(first)) / 864e5 > 120;
  const counts = new Map();
  for (const d of days) {
    const key = byMonth ? d.day.slice(0, 7) : d.day;
    counts.set(key, (counts.get(key) || 0) + d.events);
  }
  const keys = [...counts.keys()].sort();
  const max = Math.max(...counts.values());
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const W = 1000, H = 90, bw = W / keys.length;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("preserveAspectRatio", "none");
  // Time runs right to left, as the page reads.
  keys.forEach((k, i) => {
    const h = Math.max(1, ((H - 16) * counts.get(k)) / max);
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("class", "bar");
    r.setAttribute("x", String(W - (i + 1) * bw + bw * 0.1));
    r.setAttribute("y", String(H - 14 - h));
    r.setAttribute("width", String(bw * 0.8));
    r.setAttribute("height", String(h));
    const t = document.createElementNS(ns, "title");
    t.textContent = `${k}: ${counts.get(k)}`;
    r.append(t);
    r.addEventListener("click", () => go({ ...filters, from: k, to: k }));
    svg.append(r);
  });
  for (const [i, k] of [[0, keys[0]], [keys.length - 1, keys[keys.length - 1]]]) {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", String(Math.min(W - 30, Math.max(30, W - i * bw - bw / 2))));
    t.setAttribute("y", String(H - 2));
    t.setAttribute("text-anchor", "middle");
    t.textContent = k;
    svg.append(t);
  }
  wrap.append(svg);
  return wrap;
}

function eventList(events, filters) {
  const list = el("ol", { class: "event-list", id: "event-list" });
  for (const row of events.items.slice(0, 200)) {
    const ev = row.event;
    list.append(el("li", {},
      el("span", { class: "pill" }, bidi(ev.date || "؟")),
      el("a", { href: articleLink(row), class: "event-link", "data-event": row.id }, typeLabel(ev.event_type)),
      " — ", bidi(ev.location ? ev.location.name : "مكان غير معروف"),
      ` · القتلى: ${fmtNum(ev.fatalities)} · `, bidi(row.outlet || ""),
      el("div", { class: "muted" }, bidi(ev.evidence || ""))));
  }
  return el("div", { class: "card" }, el("h2", {}, "قائمة الأحداث"),
    events.items.length ? list : el("p", { class: "muted" }, "لا أحداث تطابق التصفية."),
    events.total > 200 ? el("p", { class: "muted" }, `تُعرض أول ٢٠٠ من ${fmtNum(events.total)}؛ استخدم التصدير للكل.`) : null);
}
