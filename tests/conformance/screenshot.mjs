// A screenshot of an explorer page for the README: opens PAGE in the
// system's headless Chromium, optionally finds NAME and opens it, saves OUT.
//
//   node screenshot.mjs PAGE.html OUT.png [NAME]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const [pagePath, out, name] = process.argv.slice(2);
const executablePath = [process.env.ARGNET_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter(Boolean).find((p) => existsSync(p));
if (!executablePath) { console.error('no Chromium: apt-get install chromium'); process.exit(3); }
const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 900 });
  await page.goto(pathToFileURL(resolve(pagePath)).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.argnet && window.argnet.ready);
  if (name) {
    await page.type('#search', name);
    await page.waitForSelector('#suggestions li');
    await page.keyboard.press('Enter');
    await page.click('#ego-tools button[data-radius="1"]');
  }
  await page.screenshot({ path: out });
} finally {
  await browser.close();
}
