// marsad's web UI: a hash router over the views. Each view renders into
// #view from the JSON API.
import { el, clear } from "./dom.js";
import { mapView } from "./map.js";
import { articleView, articlesView } from "./article.js";
import { storyView, storiesView } from "./story.js";
import { outletsView } from "./outlets.js";
import { searchView } from "./search.js";

const routes = [
  [/^\/?$/, "map", (p, q) => mapView(q)],
  [/^\/search$/, "", (p, q) => searchView(q)],
  [/^\/article\/(.+)$/, "articles", (p, q) => articleView(p[1], q)],
  [/^\/articles$/, "articles", (p, q) => articlesView(q)],
  [/^\/story\/(.+)$/, "stories", (p, q) => storyView(p[1])],
  [/^\/stories$/, "stories", (p, q) => storiesView(q)],
  [/^\/outlets$/, "outlets", () => outletsView()],
];

let generation = 0;

async function route() {
  const view = document.getElementById("view");
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const q = new URLSearchParams(query || "");
  const mine = ++generation;
  for (const [re, nav, render] of routes) {
    const m = path.match(re);
    if (!m) continue;
    for (const a of document.querySelectorAll("nav a")) a.classList.toggle("current", a.dataset.nav === nav);
    const parts = m.map((x, i) => (i === 0 ? x : decodeURIComponent(x)));
    clear(view).append(el("p", { class: "muted" }, "جارٍ التحميل…"));
    try {
      const node = await render(parts, q);
      if (mine === generation) clear(view).append(node);
    } catch (err) {
      if (mine === generation) clear(view).append(el("div", { class: "error", role: "alert" }, "تعذّر التحميل: ", err.message));
    }
    if (mine === generation) document.body.dataset.view = nav || "search";
    return;
  }
  clear(view).append(el("div", { class: "error" }, "صفحة غير موجودة"));
}

document.getElementById("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = "#/search?" + new URLSearchParams({ q });
});

window.addEventListener("hashchange", route);
if (document.readyState === "complete") route();
else window.addEventListener("load", route);
