// Renders the HTML report of claims/seeds in headless Chromium and checks the DOM:
// one `.finding` per finding of the JSON report, filters that hide the others,
// nothing fetched from the network. Saves target/report-screenshot.png.
//
//   node tests/browser/report.test.mjs            (from the repository root or anywhere)
//   CLAIMCHECK_BIN=path/to/claimcheck node ...    (default: the newer of target/release and target/debug)
//
// Needs npm's playwright-core (npm install --no-save playwright-core in this folder)
// and Debian's chromium at /usr/bin/chromium (or CHROMIUM=path).

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// the newer of the release and debug builds, unless told
const bin =
  process.env.CLAIMCHECK_BIN ||
  [join(root, 'target/release/claimcheck'), join(root, 'target/debug/claimcheck')]
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
assert.ok(bin && existsSync(bin), 'build claimcheck first (cargo build)');

function report(format) {
  return execFileSync(bin, ['check', '--format', format, '--fail-on', 'never', 'claims/seeds'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
}

const json = JSON.parse(report('json'));
const html = report('html');
const work = mkdtempSync(join(tmpdir(), 'claimcheck-browser-'));
const page_path = join(work, 'report.html');
writeFileSync(page_path, html);

// a fresh profile (playwright passes it to chromium as --user-data-dir)
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  viewport: { width: 1280, height: 900 },
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ],
});
let failures = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}\n${e.stack || e}`);
  }
}

try {
  const page = context.pages()[0] || (await context.newPage());
  const requests = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(page_path).href, { waitUntil: 'load' });

  const findings = json.findings;
  const rules = [...new Set(findings.map((f) => f.rule))];

  await check('one .finding per finding of the JSON report', async () => {
    assert.ok(findings.length > 0, 'the seed report has findings');
    assert.equal(await page.locator('.finding').count(), findings.length);
    const attrs = await page.$$eval('.finding', (els) =>
      els.map((e) => [e.dataset.rule, e.dataset.severity, e.dataset.fingerprint]),
    );
    assert.deepEqual(
      attrs,
      findings.map((f) => [f.rule, f.severity, f.fingerprint]),
    );
  });

  await check('every finding is visible before filtering', async () => {
    assert.equal(await page.locator('.finding:visible').count(), findings.length);
    assert.equal(await page.locator('#filters').isVisible(), true);
  });

  await check('a rule filter hides the other rules', async () => {
    assert.ok(rules.length > 1, 'the seed report has several rules');
    for (const rule of rules) {
      await page.selectOption('#filter-rule', rule);
      const want = findings.filter((f) => f.rule === rule).length;
      assert.equal(await page.locator('.finding:visible').count(), want, rule);
      const seen = await page.$$eval('.finding', (els) =>
        els.filter((e) => e.offsetParent !== null).map((e) => e.dataset.rule),
      );
      assert.ok(seen.every((r) => r === rule), `${rule}: ${seen}`);
      assert.equal(await page.textContent('#shown'), `${want} of ${findings.length} shown`);
    }
    await page.selectOption('#filter-rule', '');
    assert.equal(await page.locator('.finding:visible').count(), findings.length);
  });

  await check('severity and article filters combine', async () => {
    await page.selectOption('#filter-severity', 'error');
    const errs = findings.filter((f) => f.severity === 'error').length;
    assert.equal(await page.locator('.finding:visible').count(), errs);
    const options = await page.$$eval('#filter-article option', (os) => os.map((o) => o.value));
    const art = options.find((v) => v);
    await page.selectOption('#filter-article', art);
    const both = await page.$$eval(
      '.finding',
      (els, a) =>
        els.filter(
          (e) => e.dataset.severity === 'error' && e.dataset.articles.split(' ').includes(a),
        ).length,
      art,
    );
    assert.equal(await page.locator('.finding:visible').count(), both);
    await page.click('button[type=reset]');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.finding:not([hidden])').length === n,
      findings.length,
    );
  });

  await check('findings past the first 20 start folded; a link to one opens it', async () => {
    assert.ok(findings.length > 20, 'the seed report has more than 20 findings');
    const open = await page.$$eval('.finding details.body', (ds) => ds.map((d) => d.open));
    assert.deepEqual(open, findings.map((_, i) => i < 20));
    // a folded finding shows its header and message, not its body
    const last = page.locator('.finding').last();
    assert.equal(await last.locator('summary.message').isVisible(), true);
    assert.equal(await last.locator('footer').isVisible(), false);
    await page.evaluate((n) => { location.hash = 'f' + n; }, findings.length);
    await page.waitForFunction(() => document.querySelector('.finding:last-of-type details.body').open);
    await page.click('.finding:last-of-type summary.message');
    assert.equal(await last.locator('details.body').evaluate((d) => d.open), false);
  });

  await check('long help is folded', async () => {
    const long = findings.filter((f) => f.help && f.help.length > 240).length;
    assert.ok(long > 0, 'the seed report has a long help text');
    assert.equal(await page.locator('details.help').count(), long);
    const first = page.locator('details.help').first();
    assert.equal(await first.locator('p').isVisible(), false);
  });

  await check('the filters are kept in the URL', async () => {
    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    await page.selectOption('#filter-severity', 'warning');
    await page.selectOption('#filter-rule', 'unsourced-figure');
    const hash = await page.evaluate(() => location.hash);
    assert.equal(hash, '#rule=unsourced-figure&severity=warning');
    // a fresh load of that URL restores them
    const url = await page.evaluate(() => location.href);
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'load' });
    assert.equal(await page.inputValue('#filter-rule'), 'unsourced-figure');
    assert.equal(await page.inputValue('#filter-severity'), 'warning');
    const want = findings.filter((f) => f.rule === 'unsourced-figure').length;
    assert.equal(await page.locator('.finding:visible').count(), want);
    await page.click('button[type=reset]');
    await page.waitForFunction(() => location.hash === '');
    assert.equal(await page.locator('.finding:visible').count(), findings.length);
  });

  await check('figures are highlighted and periods explained', async () => {
    const first = page.locator('.finding').first();
    assert.ok((await first.locator('.side').count()) >= 2, 'articles side by side');
    assert.ok((await first.locator('.quote mark').count()) >= 2);
    assert.match(await first.locator('.readings').first().textContent(), /how:/);
  });

  await check('every article has its claims listed', async () => {
    assert.equal(await page.locator('section.article').count(), json.summary.articles.length);
    const rows = await page.locator('table.claims tbody tr').count();
    assert.equal(rows, json.summary.figures);
  });

  await check('nothing loaded from the network, no script errors', async () => {
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
    const external = await page.$$eval('script[src], link[rel=stylesheet], img, iframe', (e) => e.length);
    assert.equal(external, 0);
  });

  mkdirSync(join(root, 'target'), { recursive: true });
  await page.screenshot({ path: join(root, 'target/report-screenshot.png'), fullPage: false });
  console.log('screenshot: target/report-screenshot.png');
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}

if (failures) {
  console.log(`${failures} browser check(s) failed`);
  process.exit(1);
}
console.log('browser checks passed');
