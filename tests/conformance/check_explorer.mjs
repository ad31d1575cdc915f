// Opens an argnet explorer page in headless Chromium (the system's browser,
// driven by puppeteer-core, which downloads none) and uses it as a reader
// would: types a search, picks the suggestion, switches to the ego network,
// clicks a node and a line, and checks that the sentence behind the line is
// shown; then the coalition and timeline views. Fails on any console error
// or page error. Prints one JSON line: load time, time to interactive, size.
//
//   node check_explorer.mjs PAGE.html SCREENSHOT.png SPEC.json
//
// SPEC: {"search": "big soc", "node": "concept:big-society", "label": "Big Society",
//        "edge": {"source": "actor:x", "target": "concept:y", "relation": "supports",
//                 "sentence": "…"}, "hostile": false}
// With "hostile": true it also checks that no script from the data ran.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [page_path, screenshot, spec_path] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(spec_path, 'utf8'));

function browserPath() {
  const candidates = [process.env.ARGNET_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    console.error('no Chromium found (looked at ' + candidates.join(', ') + '); apt-get install chromium');
    process.exit(3);
  }
  return found;
}

function fail(message) {
  console.error('FAIL: ' + message);
  process.exitCode = 1;
  throw new Error(message);
}

const errors = [];
const browser = await puppeteer.launch({
  executablePath: browserPath(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 900 });
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', (e) => errors.push('page error: ' + e.message));
  const url = pathToFileURL(resolve(page_path)).href;
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.argnet && window.argnet.ready, { timeout: 30000 });
  const wall = Date.now() - started;
  const timing = await page.evaluate(() => ({
    ready: window.argnet.readyAt,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    counts: window.argnet.visibleCounts(),
    frame: window.argnet.frameMs(false),
    quick: window.argnet.frameMs(true),
  }));
  const text = (selector) => page.$eval(selector, (e) => e.textContent);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-overview.png' });

  // Search: type, pick the first suggestion with Enter.
  await page.type('#search', spec.search);
  await page.waitForSelector('#suggestions li');
  await page.keyboard.press('Enter');
  await page.waitForFunction((label) => document.querySelector('#details h2')?.textContent === label, { timeout: 5000 }, spec.label)
    .catch(() => fail('search "' + spec.search + '" did not open "' + spec.label + '"'));

  // Ego network of the selection, one step.
  await page.click('#ego-tools button[data-radius="1"]');
  if (!(await text('#status')).includes('ego of')) fail('ego view not shown: ' + (await text('#status')));

  // Click the node itself.
  const point = await page.evaluate((id) => window.argnet.screenPoint(id), spec.node);
  if (!point) fail('node ' + spec.node + ' not in the page');
  await page.mouse.click(point[0], point[1]);
  if ((await text('#details h2')) !== spec.label) fail('clicking the node did not show it');

  // Click the line: try points along it until the line opens.
  const e = spec.edge;
  let opened = false;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const p = await page.evaluate((s, g, r, t) => window.argnet.edgePoint(s, g, r, t), e.source, e.target, e.relation, t);
    if (!p) fail('line ' + e.source + ' ' + e.relation + ' ' + e.target + ' not visible');
    await page.mouse.click(p[0], p[1]);
    const shown = await text('#details');
    if (shown.includes(e.relation) && !(await page.$('#details h3'))) { opened = true; break; }
  }
  if (!opened) fail('clicking the line did not open it');
  const details = await text('#details');
  if (!details.includes(e.sentence)) fail('the sentence behind the line is not shown: ' + e.sentence.slice(0, 80));
  await page.screenshot({ path: screenshot });

  // The other views.
  await page.click('#ego-off');
  if (await page.$eval('#modes button[data-mode="coalitions"]', (b) => !b.disabled)) {
    await page.click('#modes button[data-mode="coalitions"]');
    if (!(await text('#status')).includes('coalitions')) fail('coalition view not shown');
  }
  await page.click('#modes button[data-mode="timeline"]');
  if (await page.$eval('#timeline', (t) => t.hidden || !t.querySelector('svg'))) fail('timeline not shown');
  await page.click('#modes button[data-mode="network"]');

  if (spec.hostile) {
    const pwned = await page.evaluate(() => window.__pwned);
    if (pwned !== undefined) fail('a script from the documents ran: ' + pwned);
    const scripts = await page.$$eval('script', (s) => s.length);
    if (scripts !== 2) fail('the page holds ' + scripts + ' script elements, not its own 2');
    if (!details.includes('<script>')) fail('document text with <script> is not shown as text');
  }
  if (errors.length) fail(errors.join('\n'));
  console.log(JSON.stringify({
    bytes: statSync(page_path).size,
    load_ms: Math.round(timing.load),
    interactive_ms: Math.round(timing.ready),
    wall_ms: wall,
    frame_ms: Math.round(timing.frame),
    moving_frame_ms: Math.round(timing.quick),
    nodes_shown: timing.counts[0],
    lines_shown: timing.counts[1],
  }));
} catch (error) {
  if (!process.exitCode) { console.error('FAIL: ' + error.message); process.exitCode = 1; }
  if (errors.length) console.error(errors.join('\n'));
} finally {
  await browser.close();
}
