// The article view: the body with entity mentions and event evidence marked,
// and side lists of events, entities and quotes. Clicking an event marks its
// evidence and scrolls to it. All text goes in as text nodes.
import { el, bidi, fmtNum, typeLabel } from "./dom.js";
import { api } from "./api.js";

export async function articleView(id, q) {
  const doc = await api("articles/" + encodeURIComponent(id));
  const cps = Array.from(doc.body || "");
  const body = renderBody(cps, doc);
  const events = doc.events || [];
  const eventItems = events.map((ev, i) => {
    const item = el("li", { "data-event": ev.id || String(i) },
      el("button", { type: "button" }, typeLabel(ev.event_type)),
      el("div", { class: "muted" }, bidi(`${ev.date || "؟"} · ${ev.location ? ev.location.name : "مكان غير معروف"} · القتلى: ${fmtNum(ev.fatalities)}`)),
      actorsLine(ev));
    item.addEventListener("click", () => activate(body, eventItems, i, true));
    return item;
  });
  const src = doc.source || {};
  const page = el("div", { class: "article-layout" },
    el("article", { class: "card", id: "article" },
      el("h1", { id: "article-title" }, bidi(doc.title || "بلا عنوان")),
      el("p", { class: "muted" }, bidi([src.outlet, doc.published && (doc.published.date || doc.published.from)].filter(Boolean).join(" · ")),
        src.url ? [" · ", el("a", { href: src.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "المصدر")] : null,
        doc.story_id ? [" · ", el("a", { href: "#/story/" + encodeURIComponent(doc.story_id) }, "القصة")] : null),
      body),
    el("aside", { class: "sticky" },
      el("div", { class: "card" }, el("h2", {}, `الأحداث (${fmtNum(events.length)})`),
        events.length ? el("ol", { class: "side-list", id: "article-events" }, eventItems) : el("p", { class: "muted" }, "لا أحداث.")),
      entityCard(doc.entities || []),
      quoteCard(doc.quotes || [])));
  const wanted = q.get("event");
  const index = wanted ? events.findIndex((ev) => ev.id === wanted) : -1;
  if (index >= 0) requestAnimationFrame(() => activate(body, eventItems, index, true));
  return page;
}

function actorsLine(ev) {
  const names = [ev.actor1, ev.actor2].filter(Boolean).map((a) => a.name);
  return names.length ? el("div", { class: "muted" }, bidi(names.join(" ضد "))) : null;
}

// renderBody splits the body at every annotation boundary and gives each
// piece the classes of the mentions and evidence spans covering it.
function renderBody(cps, doc) {
  const n = cps.length;
  const cuts = new Set([0, n]);
  const spans = [];
  (doc.entities || []).forEach((e) => (e.mentions || []).forEach((m) => {
    if (m.start >= 0 && m.end <= n && m.start < m.end) spans.push({ s: m.start, e: m.end, ent: e });
  }));
  (doc.events || []).forEach((ev, i) => {
    const [s, e] = ev.span || [0, 0];
    if (s >= 0 && e <= n && s < e) spans.push({ s, e, ev: i });
  });
  for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
  // Paragraph breaks are cuts too, so pieces never cross paragraphs.
  cps.forEach((c, i) => { if (c === "\n") { cuts.add(i); cuts.add(i + 1); } });
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "article-body", id: "article-body" });
  let para = el("p");
  container.append(para);
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k], e = points[k + 1];
    const text = cps.slice(s, e).join("");
    if (text === "\n") { para = el("p"); container.append(para); continue; }
    const cover = spans.filter((sp) => sp.s <= s && sp.e >= e);
    let node = bidi(text);
    const ent = cover.find((sp) => sp.ent);
    if (ent) {
      node = [el("span", { class: "ent ent-" + ent.ent.type, title: `${ent.ent.name} (${ent.ent.type})`, "data-entity": ent.ent.id }, node)];
    }
    const evs = cover.filter((sp) => sp.ev !== undefined).map((sp) => sp.ev);
    if (evs.length) {
      node = [el("span", { class: "evt", "data-events": evs.join(" ") }, node)];
    }
    para.append(...node);
  }
  return container;
}

function activate(body, items, index, scroll) {
  let first = null;
  for (const span of body.querySelectorAll(".evt")) {
    const on = span.dataset.events.split(" ").includes(String(index));
    span.classList.toggle("active", on);
    if (on && !first) first = span;
  }
  items.forEach((it, i) => it.classList.toggle("active", i === index));
  if (first && scroll) first.scrollIntoView({ block: "center", behavior: "instant" });
}

const typeOrder = ["PER", "ARMED_GROUP", "GOV", "ORG", "GPE", "LOC", "FAC", "MISC"];

function entityCard(entities) {
  const sorted = [...entities].sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type));
  return el("div", { class: "card" }, el("h2", {}, `الكيانات (${fmtNum(entities.length)})`),
    el("ul", { class: "side-list", id: "article-entities" }, sorted.map((e) => el("li", {},
      el("span", { class: "ent ent-" + e.type }, bidi(e.name)), " ",
      el("span", { class: "muted" }, el("bdi", {}, e.type), e.side ? ` · ${e.side}` : "",
        ` · مرات الذكر: ${fmtNum((e.mentions || []).length)}`)))));
}

function quoteCard(quotes) {
  if (!quotes.length) return null;
  return el("div", { class: "card" }, el("h2", {}, "الاقتباسات"),
    el("ul", {}, quotes.map((q) => el("li", {}, el("strong", {}, bidi(q.speaker ? q.speaker.name : q.speaker_text)), ": «", bidi(q.text), "»"))));
}

export async function articlesView(q) {
  const offset = Number(q.get("offset") || 0);
  const res = await api("articles", { limit: 50, offset, outlet: q.get("outlet") });
  const list = el("ol", { start: offset + 1 }, res.items.map((d) => el("li", { class: "hit" },
    el("a", { href: "#/article/" + encodeURIComponent(d.doc_id) }, bidi(d.title || d.doc_id)),
    el("div", { class: "muted" }, bidi(`${d.outlet} · ${d.published} · ${d.events} حدث`)),
    el("div", {}, bidi(d.lead)))));
  return el("div", { class: "card" }, el("h1", {}, `المقالات (${fmtNum(res.total)})`), list,
    pager(res.total, offset, 50, (o) => "#/articles?offset=" + o));
}

export function pager(total, offset, limit, link) {
  if (total <= limit) return null;
  return el("div", { class: "pager" },
    offset > 0 ? el("a", { href: link(Math.max(0, offset - limit)) }, "→ السابق") : null,
    el("span", { class: "muted" }, `${fmtNum(offset + 1)}–${fmtNum(Math.min(total, offset + limit))} من ${fmtNum(total)}`),
    offset + limit < total ? el("a", { href: link(offset + limit) }, "التالي ←") : null);
}
