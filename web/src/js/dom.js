// DOM helpers. Every piece of data reaches the page through text nodes or
// checked attributes, never through innerHTML, so article text that holds
// markup or script stays text.

// el builds an element: attrs are set as properties-free attributes (with
// "on*" attributes refused), children are nodes or strings (as text).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) throw new Error("event handlers go through addEventListener");
    if (k === "href") {
      node.setAttribute("href", safeHref(String(v)));
      continue;
    }
    node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// safeHref lets through links inside the UI (#...), relative API paths and
// http(s) URLs; anything else (javascript:, data:) becomes inert.
export function safeHref(href) {
  if (href.startsWith("#") || href.startsWith("api/")) return href;
  try {
    const u = new URL(href, location.href);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (_) { /* fall through */ }
  return "#";
}

// Latin runs (names, acronyms, URLs) and ISO dates inside Arabic text are
// isolated in <bdi> so their direction does not scramble the sentence
// around them (an unisolated 2024-06-02 shows as 02-06-2024).
const latinRun = /[A-Za-z][A-Za-z0-9@._'&\/:-]*(?:\s+[A-Za-z0-9][A-Za-z0-9@._'&\/:-]*)*|\d{4}-\d{2}(?:-\d{2})?/g;

export function bidi(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(latinRun)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    const b = document.createElement("bdi");
    b.dir = "ltr";
    b.textContent = m[0];
    out.push(b);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

// highlighted renders text with [start, end) code-point ranges in <mark>.
export function highlighted(text, ranges) {
  const cps = Array.from(text);
  const out = [];
  let pos = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < pos || e > cps.length) continue;
    if (s > pos) out.push(...bidi(cps.slice(pos, s).join("")));
    out.push(el("mark", {}, ...bidi(cps.slice(s, e).join(""))));
    pos = e;
  }
  if (pos < cps.length) out.push(...bidi(cps.slice(pos).join("")));
  return out;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function fmtNum(n) {
  return n === null || n === undefined ? "؟" : new Intl.NumberFormat("ar-EG").format(n);
}

// Arabic names of ACLED's event types, shown beside the English code.
export const typeNames = {
  "Battles": "معارك",
  "Explosions/Remote violence": "تفجيرات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين",
  "Protests": "احتجاجات",
  "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية",
};

export const typeColors = {
  "Battles": "#c92a2a",
  "Explosions/Remote violence": "#e8590c",
  "Violence against civilians": "#862e9c",
  "Protests": "#1971c2",
  "Riots": "#5c940d",
  "Strategic developments": "#495057",
};

export function typeLabel(type) {
  return [typeNames[type] || "", " ", el("bdi", { class: "muted" }, type)];
}
