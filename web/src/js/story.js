// Stories: the list, and one story with its sources, events, the facts the
// sources disagree on, and how each outlet labels each actor.
import { el, bidi, fmtNum, typeLabel } from "./dom.js";
import { api } from "./api.js";
import { pager } from "./article.js";
import { articleLink } from "./map.js";

const fieldNames = {
  fatalities: "عدد القتلى", date: "التاريخ", event_type: "نوع الحدث",
  location: "المكان", actor1: "الفاعل الأول", actor2: "الفاعل الثاني",
};

export async function storiesView(q) {
  const offset = Number(q.get("offset") || 0);
  const res = await api("stories", { limit: 50, offset });
  const rows = res.items.map((s) => el("tr", {},
    el("td", {}, el("a", { href: "#/story/" + encodeURIComponent(s.id) }, bidi(s.title || s.id))),
    el("td", {}, bidi(s.outlets.join("، "))),
    el("td", {}, fmtNum(s.documents)), el("td", {}, fmtNum(s.events)),
    el("td", {}, bidi(s.first === s.last ? s.first : `${s.first} – ${s.last}`))));
  return el("div", { class: "card" }, el("h1", {}, `القصص (${fmtNum(res.total)})`),
    res.items.length ? el("table", {}, el("thead", {}, el("tr", {},
      ["القصة", "المنافذ", "المقالات", "الأحداث", "الفترة"].map((h) => el("th", {}, h)))), el("tbody", {}, rows))
      : el("p", { class: "muted" }, "لا قصص بعد: تُجمع المقالات في قصص عند التحليل."),
    pager(res.total, offset, 50, (o) => "#/stories?offset=" + o));
}

export async function storyView(id) {
  const s = await api("stories/" + encodeURIComponent(id));
  return el("div", { id: "story" },
    el("div", { class: "card" }, el("h1", {}, bidi(s.title || s.id)),
      el("p", { class: "muted" }, bidi(`${fmtNum(s.documents)} مقالات من ${fmtNum(s.outlets.length)} منافذ · ${s.first} – ${s.last}`))),
    el("div", { class: "card" }, el("h2", {}, "المصادر"), el("table", {},
      el("thead", {}, el("tr", {}, ["المنفذ", "التاريخ", "العنوان", "الأحداث"].map((h) => el("th", {}, h)))),
      el("tbody", {}, s.sources.map((d) => el("tr", {},
        el("td", {}, bidi(d.outlet)), el("td", {}, bidi(d.published)),
        el("td", {}, el("a", { href: "#/article/" + encodeURIComponent(d.doc_id) }, bidi(d.title || d.doc_id))),
        el("td", {}, fmtNum(d.events))))))),
    contradictionsCard(s.contradictions),
    el("div", { class: "card" }, el("h2", {}, "الأحداث"), el("ol", {}, s.events.map((r) => el("li", {},
      el("a", { href: articleLink(r) }, typeLabel(r.event.event_type)),
      bidi(` · ${r.event.date || "؟"} · ${r.event.location ? r.event.location.name : ""} · القتلى: ${fmtNum(r.event.fatalities)} · `),
      bidi(r.outlet))))),
    framingCard(s.framing, s.outlets));
}

function contradictionsCard(list) {
  if (!list.length) return el("div", { class: "card" }, el("h2", {}, "التناقضات"), el("p", { class: "muted" }, "لم تُرصد تناقضات بين المصادر."));
  return el("div", { class: "card", id: "contradictions" }, el("h2", {}, `التناقضات (${fmtNum(list.length)})`),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "المعلومة"), el("th", {}, "الروايات"))),
      el("tbody", {}, list.map((c) => el("tr", { class: "contradiction" },
        el("td", {}, fieldNames[c.field] || c.field),
        el("td", {}, el("ul", {}, c.claims.map((cl) => el("li", {},
          el("strong", {}, bidi(cl.value)), " — ", bidi(cl.outlets.join("، ")))))))))));
}

// framingTable shows actors as rows and outlets as columns, each cell the
// labels that outlet uses for the actor with their counts.
export function framingTable(actors, outlets) {
  return el("table", { class: "framing" },
    el("thead", {}, el("tr", {}, el("th", {}, "الفاعل"), outlets.map((o) => el("th", {}, bidi(o))))),
    el("tbody", {}, actors.map((a) => el("tr", {},
      el("td", {}, bidi(a.name || a.actor || a.id)),
      outlets.map((o) => el("td", {}, a.labels.filter((l) => l.outlet === o)
        .map((l, i) => [i ? "، " : "", bidi(l.label), el("span", { class: "muted" }, ` (${fmtNum(l.count)})`)])))))));
}

function framingCard(framing, outlets) {
  return el("div", { class: "card" }, el("h2", {}, "التأطير: كيف يسمّي كل منفذ الفاعلين"),
    framing.length ? framingTable(framing, outlets) : el("p", { class: "muted" }, "لا بيانات تأطير."));
}
