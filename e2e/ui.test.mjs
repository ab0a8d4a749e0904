// Browser tests of the web UI against a running 'marsad serve' loaded with
// internal/store/testdata/fixtures.jsonl. scripts/e2e.sh sets MARSAD_URL
// and ARTIFACTS; screenshots are written there as test artefacts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";

const base = process.env.MARSAD_URL;
const artifacts = process.env.ARTIFACTS || "artifacts/e2e";
if (!base) throw new Error("MARSAD_URL is not set (run scripts/e2e.sh)");
mkdirSync(artifacts, { recursive: true });

let context;
const pageErrors = [];

before(async () => {
  // A fresh profile directory each run (Playwright passes it as --user-data-dir).
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "marsad-chromium-")), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1366, height: 800 },
    locale: "ar",
  });
  // The UI must work with no network: any request off this server fails the test.
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    pageErrors.push("request off the server: " + route.request().url());
    return route.abort();
  });
});

after(async () => {
  await context?.close();
});

async function open(hash) {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("dialog", (d) => { pageErrors.push("dialog opened: " + d.message()); d.dismiss(); });
  await page.goto(base + "/" + hash);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, name + ".png"), fullPage: false });
}

function noPageErrors() {
  assert.deepEqual(pageErrors.splice(0), [], "no script errors, dialogs or off-server requests");
}

test("the map loads right-to-left with a marker per located event", async () => {
  const page = await open("#/");
  await page.waitForSelector("#map[data-markers]");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  assert.equal(await page.locator("#map").getAttribute("data-markers"), "5");
  assert.equal(await page.locator("path.event-marker").count(), 5);
  // Country borders are drawn from the bundled TopoJSON.
  assert.ok(await page.locator("#map path.leaflet-interactive, #map svg path").count() > 5);
  assert.equal(await page.locator(".timeline rect.bar").count() > 0, true);
  await shot(page, "map");
  // Filtering by event type narrows the list and the map.
  await page.selectOption("select[name=type]", "Battles");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(() => location.hash.includes("type=Battles"));
  await page.waitForSelector("#map[data-markers='2']");
  assert.equal(await page.locator("#event-list li").count(), 2);
  await shot(page, "map-filtered");
  // A timeline bar narrows the dates to its day.
  await page.goto(base + "/#/");
  await page.waitForSelector(".timeline rect.bar");
  await page.locator(".timeline rect.bar").first().click();
  await page.waitForFunction(() => location.hash.includes("from=2024-05-10") && location.hash.includes("to=2024-05-10"));
  await page.waitForSelector("#map[data-markers='2']");
  await page.close();
  noPageErrors();
});

test("searching a word finds its clitic and diacritic forms, highlighted", async () => {
  const page = await open("#/");
  await page.fill("#search-input", "والقوات");
  await page.press("#search-input", "Enter");
  await page.waitForSelector("#search-results");
  assert.equal(await page.locator("#search-results > li").count(), 3);
  const marks = await page.locator("#search-results mark").allTextContents();
  assert.ok(marks.includes("القوات"), "marks: " + marks);
  assert.ok(marks.includes("قوات"), "marks: " + marks);
  assert.ok(marks.includes("قُوّاتُ"), "diacritised form found and marked: " + marks);
  await shot(page, "search");
  await page.close();
  noPageErrors();
});

test("an event opens its article with the evidence highlighted and in view", async () => {
  const page = await open("#/");
  await page.waitForSelector("#event-list");
  await page.click('a.event-link[data-event="fx-strike-e0"]');
  await page.waitForSelector("#article-body .evt.active");
  const active = (await page.locator("#article-body .evt.active").allTextContents()).join("");
  assert.ok(active.startsWith("أَعْلَنَتْ قُوّاتُ سلاح الجو"), "highlighted: " + active);
  assert.ok(active.endsWith("مساء الأحد."), "highlighted: " + active);
  const box = await page.locator("#article-body .evt.active").first().boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 800, "evidence scrolled into view");
  // Entities are marked too.
  assert.ok(await page.locator("#article-body .ent-GPE").count() >= 1);
  await shot(page, "article-event");
  await page.close();
  noPageErrors();
});

test("clicking another event in an article moves the highlight", async () => {
  const page = await open("#/article/fx-clash-a");
  await page.waitForSelector("#article-events li");
  assert.equal(await page.locator("#article-body .evt.active").count(), 0);
  await page.click("#article-events li button");
  await page.waitForSelector("#article-body .evt.active");
  assert.ok((await page.locator("#article-body .evt.active").allTextContents()).join("").includes("اندلعت اشتباكات"));
  await page.close();
  noPageErrors();
});

test("an article carrying script, onerror and javascript: links renders inert", async () => {
  const page = await open("#/article/fx-xss");
  await page.waitForSelector("#article-body");
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    xss: window.__xss, title: document.title,
    scripts: document.querySelectorAll("#view script").length,
    imgs: document.querySelectorAll("#view img").length,
    handlers: [...document.querySelectorAll("#view *")].filter((n) => [...n.attributes].some((a) => a.name.startsWith("on"))).length,
    jsLinks: [...document.querySelectorAll("a")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") || "")).length,
    bodyText: document.getElementById("article-body").textContent,
    heading: document.getElementById("article-title").textContent,
  }));
  assert.equal(state.xss, undefined, "no injected script ran");
  assert.notEqual(state.title, "pwned");
  assert.equal(state.scripts, 0);
  assert.equal(state.imgs, 0);
  assert.equal(state.handlers, 0);
  assert.equal(state.jsLinks, 0);
  assert.ok(state.bodyText.includes("<script>document.title='pwned'"), "markup shown as text");
  assert.ok(state.bodyText.includes('<a href="javascript:window.__xss=3">'));
  assert.ok(state.heading.includes("<img src=x onerror="));
  // Clicking the text of the would-be link does nothing.
  await page.getByText("javascript:window.__xss=5").click();
  await page.click("#article-events li button");
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await shot(page, "xss-inert");
  // The same record in the event list and in search results stays inert.
  await page.goto(base + "/#/search?q=" + encodeURIComponent("مدنيين"));
  await page.waitForSelector("#search-results");
  await page.goto(base + "/#/?type=" + encodeURIComponent("Violence against civilians"));
  await page.waitForSelector("#event-list");
  await page.locator("path.event-marker").first().click({ force: true });
  await page.waitForSelector(".leaflet-popup");
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll("#view script, #view img").length), 0);
  await page.close();
  noPageErrors();
});

test("the story view shows sources, the death-toll contradiction and framing", async () => {
  const page = await open("#/story/story-clash");
  await page.waitForSelector("#contradictions");
  const text = await page.locator("#contradictions").textContent();
  assert.ok(text.includes("عدد القتلى") && text.includes("4") && text.includes("6"), text);
  assert.ok((await page.locator("#story").textContent()).includes("مليشيات"));
  await shot(page, "story");
  await page.close();
  noPageErrors();
});

test("the outlet comparison lists each outlet's labels for each actor", async () => {
  const page = await open("#/outlets");
  await page.waitForSelector("#framing table");
  const text = await page.locator("#framing").textContent();
  for (const label of ["مليشيات", "عصابات", "قوات", "كتيبة"]) assert.ok(text.includes(label), label);
  await shot(page, "outlets");
  // Latin runs are isolated in <bdi>.
  await page.goto(base + "/#/article/fx-protest");
  await page.waitForSelector("#article-body");
  assert.ok((await page.locator("#article-body bdi").allTextContents()).includes("UNSMIL"));
  await page.close();
  noPageErrors();
});
