// Lighthouse (mobile preset, its defaults: simulated slow 4G and a 4x slower CPU) on the Mini App's customer list
// and ticket chat, logged in through the local demo. Run by miniapp-lighthouse.sh from the folder lighthouse was
// installed into. Each run starts with an empty HTTP cache (a first visit) but keeps the tab's session storage,
// where the login lives: Lighthouse's own storage reset would clear both.
import { writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { launch } from 'chrome-launcher';

const base = process.argv[2];
const reports = process.argv[3];
// offline on purpose: anything reaching past this machine would hang on refused connections or skew the figures
const chrome = await launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps',
    '--disable-extensions', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
let failed = false;
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  const page = await browser.newPage();
  page.on('console', (message) => { if (message.type() === 'error') console.error(`  console: ${message.text()}`); });
  await page.goto(`${base}/`);
  await page.waitForSelector('[data-role="USER"]');
  await page.click('[data-role="USER"]');
  await page.waitForSelector('.tickets .ticket-row');
  const chat = await page.$eval('.tickets .ticket-row', (a) => a.getAttribute('href'));
  const targets = [['customer list', `${base}/#/tickets`], ['ticket chat', `${base}/${chat}`]];
  const cdp = await page.createCDPSession();
  const rows = [];
  for (const [name, url] of targets) {
    await page.goto('about:blank');
    await cdp.send('Network.clearBrowserCache');
    const result = await lighthouse(url, {
      port: chrome.port, output: 'html', logLevel: 'error', disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    }, undefined, page);
    const { categories, audits } = result.lhr;
    if (reports) writeFileSync(`${reports}/${name.replace(/ /g, '-')}.html`, result.report);
    const score = (id) => Math.round(categories[id].score * 100);
    const row = {
      screen: name, performance: score('performance'), accessibility: score('accessibility'),
      best_practices: score('best-practices'),
      fcp_ms: Math.round(audits['first-contentful-paint'].numericValue),
      lcp_ms: Math.round(audits['largest-contentful-paint'].numericValue),
      tbt_ms: Math.round(audits['total-blocking-time'].numericValue),
      cls: audits['cumulative-layout-shift'].numericValue.toFixed(3),
      si_ms: Math.round(audits['speed-index'].numericValue),
    };
    rows.push(row);
    for (const [id, category] of Object.entries(categories)) {
      for (const ref of category.auditRefs) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.error(`  ${name} / ${id}: ${ref.id} scored ${audit.score} ${audit.displayValue || ''}`);
          for (const item of (audit.details && audit.details.items) || []) {
            const node = item.node ? `${item.node.selector} ${item.node.explanation || ''}` : (item.url || item.description || '');
            if (node) console.error(`      ${String(node).replace(/\s+/g, ' ').slice(0, 300)}`);
          }
        }
      }
    }
    if (row.performance < 95 || row.accessibility < 95 || row.best_practices < 95 || row.fcp_ms >= 1000) failed = true;
  }
  console.log('| screen | performance | accessibility | best practices | FCP | LCP | Speed Index | TBT | CLS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.screen} | ${r.performance} | ${r.accessibility} | ${r.best_practices} | ${r.fcp_ms} ms | `
      + `${r.lcp_ms} ms | ${r.si_ms} ms | ${r.tbt_ms} ms | ${r.cls} |`);
  }
  await browser.disconnect();
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
