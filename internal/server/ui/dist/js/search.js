// Search results with the matched words marked in each snippet.
import { el, bidi, highlighted, fmtNum } from "./dom.js";
import { api } from "./api.js";
import { pager } from "./article.js";

export async function searchView(q) {
  const query = q.get("q") || "";
  const offset = Number(q.get("offset") || 0);
  document.getElementById("search-input").value = query;
  const res = await api("search", { q: query, limit: 20, offset });
  const list = el("ol", { id: "search-results", start: offset + 1 }, res.items.map((h) => el("li", { class: "hit" },
    el("a", { href: "#/article/" + encodeURIComponent(h.doc_id), class: "hit-title" }, bidi(h.title || h.doc_id)),
    el("div", { class: "muted" }, bidi(`${h.outlet} · ${h.published}`)),
    el("p", { class: "snippet" }, highlighted(h.snippet, h.highlights)))));
  return el("div", { class: "card" },
    el("h1", {}, "نتائج البحث عن «", bidi(query), "» ",
      el("span", { class: "muted", id: "search-total" }, res.total_capped ? `(أكثر من ${fmtNum(res.total)})` : `(${fmtNum(res.total)})`)),
    el("p", { class: "muted" }, "الصيغ المبحوث عنها: ", bidi(res.terms.join("، ")), " · ",
      res.ranking === "recent" ? "مرتبة من الأحدث (نتائج كثيرة؛ أضف كلمات لترتيبها حسب الصلة)" : "مرتبة حسب الصلة"),
    res.items.length ? list : el("p", { class: "muted" }, "لا نتائج."),
    pager(res.total, offset, 20, (o) => "#/search?" + new URLSearchParams({ q: query, offset: o })));
}
