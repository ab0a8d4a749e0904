// The outlet comparison: per outlet, how much it reports, and the labels it
// gives each actor (the framing table).
import { el, bidi, fmtNum } from "./dom.js";
import { api } from "./api.js";
import { framingTable } from "./story.js";

export async function outletsView() {
  const [stats, actors] = await Promise.all([api("stats"), api("actors", { limit: 200 })]);
  const labelled = actors.items.filter((a) => a.labels.length);
  const outlets = [...new Set(labelled.flatMap((a) => a.labels.map((l) => l.outlet)))].sort();
  return el("div", {},
    el("div", { class: "card" }, el("h1", {}, "مقارنة المنافذ"),
      el("table", {}, el("thead", {}, el("tr", {}, ["المنفذ", "المقالات", "الأحداث"].map((h) => el("th", {}, h)))),
        el("tbody", {}, stats.outlets.map((o) => el("tr", {},
          el("td", {}, el("a", { href: "#/?" + new URLSearchParams({ outlet: o.outlet }) }, bidi(o.outlet || "غير معروف"))),
          el("td", {}, fmtNum(o.documents)), el("td", {}, fmtNum(o.events))))))),
    el("div", { class: "card", id: "framing" }, el("h2", {}, "التسميات التي يطلقها كل منفذ على الفاعلين"),
      labelled.length ? framingTable(labelled, outlets) : el("p", { class: "muted" }, "لا بيانات تأطير بعد.")),
    el("div", { class: "card" }, el("h2", {}, `الفاعلون (${fmtNum(actors.total)})`),
      el("table", {}, el("thead", {}, el("tr", {}, ["الفاعل", "النوع", "المقالات", "الأحداث"].map((h) => el("th", {}, h)))),
        el("tbody", {}, actors.items.map((a) => el("tr", {},
          el("td", {}, el("a", { href: "#/?" + new URLSearchParams({ actor: a.id }) }, bidi(a.name)),
            a.name_en ? [" ", el("bdi", { class: "muted" }, a.name_en)] : null),
          el("td", {}, el("bdi", {}, a.type || "")), el("td", {}, fmtNum(a.documents)), el("td", {}, fmtNum(a.events))))))));
}
