import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { SimulateRun } from '../../src/jobs/run-manager.ts';
import { engineWiring } from '../../src/server/engine-wiring.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { launchBrowser, screenshot, text, waitForAttribute, waitForInk } from './browser.ts';
import { ensureWebBuild } from './build-web.ts';

/** A site for the dispatch view: firm AI up front, two ASIC tiers in the back, index power at HB_WEST. */
const SITE = {
  name: 'E2E West Texas',
  interconnectMw: 120,
  ai: { firmMw: 30, leaseUsdPerKwMonth: 130, pue: 1.3, powerPassThrough: true },
  mining: {
    poolFee: 0.02,
    pue: 1.05,
    tiers: [
      { model: 'Antminer S19j Pro', units: 8000 },
      { name: 'old fleet', thPerS: 600_000, jPerTh: 38 },
    ],
  },
  power: { kind: 'index', node: 'HB_WEST', adderUsdPerMwh: 4 },
};

/**
 * The simulator, held at 30% until the test has seen the progress bar, so that "live progress" is
 * observed rather than raced.
 */
function gatedSimulate(inner: SimulateRun): { simulate: SimulateRun; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release: () => release(),
    simulate: async (job) => {
      job.onProgress(0.3);
      await gate;
      return inner(job);
    },
  };
}

describe('dashboard in a real browser (Debian chromium)', { timeout: 90_000 }, () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];
  const gated = gatedSimulate(engineWiring().simulate);

  before(async () => {
    const webDir = await ensureWebBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'mullet-e2e-'));
    server = await startServer({
      store: { kind: 'embedded', dataDir },
      port: 0,
      webDir,
      simulate: gated.simulate,
      progressIntervalMs: 10,
      log: () => {},
    });
    browser = await launchBrowser();
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // a 400 from POST /api/scenarios/validate is how the editor learns of a bad field
      if (message.type() === 'error' && !message.text().includes('status of 400'))
        pageErrors.push(message.text());
    });
  });

  after(async () => {
    gated.release();
    await browser?.close();
    await server?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a scenario from the editor and lists it', async () => {
    await page.goto(`${server.url}/#/scenarios`);
    // the worked examples are loaded on first start; "+ New" starts from a copy of the one opened
    await page.waitForURL(/#\/scenarios\/[^/]+$/);
    await page.locator('.scenario-list a', { hasText: 'Mid-size miner' }).click();
    await page.locator('.editor-card h2', { hasText: 'Mid-size miner' }).waitFor();
    await page.locator('.badge.good', { hasText: 'valid' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '+ New' }).click();
    const editor = page.getByLabel('scenario document');
    await editor.waitFor();
    const template = await editor.inputValue();
    const named = /^name:.*$/m.test(template)
      ? template.replace(/^name:.*$/m, 'name: E2E Permian')
      : `name: E2E Permian\n${template}`;
    assert.match(named, /company:/, 'the copy holds a whole scenario');
    await editor.fill(named);
    await page.getByRole('button', { name: 'Create scenario' }).click();
    await page.waitForURL(/#\/scenarios\/(?!new)[^/]+$/);
    await page.locator('.scenario-list').getByText('E2E Permian').waitFor();
    await page.locator('.badge.good', { hasText: 'valid' }).waitFor();
    assert.match(await text(page.locator('.editor-card h2')), /E2E Permian/);
  });

  it('shows a validation error next to the editor that names the bad field', async () => {
    const editor = page.getByLabel('scenario document');
    const good = await editor.inputValue();
    const bad = good.replace(/interconnectMw: \d+/, 'interconnectMw: -5');
    assert.notEqual(bad, good);
    const badLine = bad.split('\n').findIndex((l) => l.includes('interconnectMw: -5')) + 1;
    await editor.fill(bad);
    const issue = page.locator('.issues .issue').first();
    await issue.waitFor({ timeout: 5000 });
    assert.equal(await text(issue.locator('.issue-path')), 'company.sites.0.interconnectMw');
    assert.match(await text(issue.locator('.issue-message')), /0/, 'the message says what was expected');
    assert.equal(await text(issue.locator('button')), `line ${badLine}`);
    assert.deepEqual(
      await page.locator('.gutter .marked').allTextContents(),
      [String(badLine)],
      'the line of the bad field is marked',
    );
    await issue.locator('button').click(); // jumps the editor to the bad line
    await screenshot(page, '01-scenario-validation-error');
    await editor.fill(good);
    await page.locator('.badge.good', { hasText: 'valid' }).waitFor();
  });

  it('runs a simulation with live progress and draws the strategy comparison', async () => {
    await page.locator('input[name="paths"]').fill('40');
    await page.locator('input[name="seed"]').fill('7');
    await page.locator('input[name="months"]').fill('36');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.waitForURL(/#\/runs\/[^/]+$/);
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    await waitForAttribute(bar, 'aria-valuenow', '30');
    await screenshot(page, '02-run-progress');
    gated.release();
    await page.locator('.comparison').waitFor({ timeout: 30_000 });
    assert.equal(await bar.count(), 0, 'the progress bar goes when the run is done');
    await page.locator('.status-done').waitFor();
    await screenshot(page, '03-run-comparison');

    const table = page.locator('.distribution-table');
    const tableText = await text(table);
    for (const label of [
      'NPV (USD)',
      'BTC held at end (BTC)',
      'cash at end (USD)',
      'cash shortfall probability',
    ]) {
      assert.ok(tableText.includes(label), `table shows ${label}`);
    }
    assert.match(tableText, /\$\d{1,3}(,\d{3})+/, 'USD with thousands separators');
    assert.match(tableText, /\d+\.\d{4} BTC/, 'BTC with four decimals');

    const captions = await page.locator('.chart-card figcaption').allTextContents();
    for (const title of [
      'Net present value',
      'Bitcoin held',
      'Cash on hand',
      'Hash-rate share',
      'Allocation frontier',
    ]) {
      assert.ok(
        captions.some((c) => c.startsWith(title)),
        `chart ${title} in ${captions.join(' | ')}`,
      );
    }
    const ink = await waitForInk(page, '.chart-card canvas', 5, 0.005);
    assert.ok(ink.length >= 5, `${ink.length} chart canvases`);
    for (const [i, c] of ink.entries()) {
      assert.ok(c.width > 200 && c.height > 100, `canvas ${i} has a size`);
      assert.ok(c.colorShare > 0.005, `canvas ${i} has colored series drawn (${c.colorShare})`);
    }
  });

  it('back-tests a site and draws the hour-by-day heatmaps and the revenue breakdown', async () => {
    const created = await fetch(`${server.url}/api/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SITE),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${server.url}/#/dispatch/${id}`);
    await page.getByRole('button', { name: 'Run back-test' }).click();
    const heatmaps = page.locator('.heatmap-card canvas');
    await heatmaps.nth(1).waitFor({ timeout: 30_000 });
    const ink = await waitForInk(page, '.heatmap-card canvas', 2, 0.3);
    assert.equal(ink.length, 2);
    for (const [i, c] of ink.entries())
      assert.ok(c.colorShare > 0.3, `heatmap ${i} is filled (${c.colorShare})`);
    const captions = await page.locator('.heatmap-card figcaption').allTextContents();
    assert.deepEqual(captions, ['Mining load by hour and day', 'Day-ahead power price by hour and day']);
    assert.ok((await text(page.locator('.color-legend').first())).includes('MW'));
    const breakdown = await text(page.locator('.breakdown-table'));
    for (const line of ['mining revenue', 'mining power cost', 'AI/HPC revenue', 'total margin'])
      assert.ok(breakdown.includes(line), `breakdown has ${line}`);
    assert.match(await text(page.locator('[aria-label="revenue breakdown"] .badge')), /uplift/);
    await screenshot(page, '04-dispatch');
  });

  it('edits a seeded site with inline validation, saves it and keeps it across a reload', async () => {
    await page.goto(`${server.url}/#/sites`);
    await page.waitForURL(/#\/sites\/[^/]+$/);
    await page.locator('.scenario-list a', { hasText: 'west-texas-mullet' }).click();
    await page.locator('.editor-card h2', { hasText: 'west-texas-mullet' }).waitFor();
    await page.locator('.badge.good', { hasText: 'valid' }).waitFor({ timeout: 15_000 });
    const siteUrl = page.url();
    const editor = page.getByLabel('site document');
    const good = await editor.inputValue();
    assert.match(good, /^interconnectMw: 200$/m, 'the seeded site is open');
    const bad = good.replace(/^interconnectMw: 200$/m, 'interconnectMw: -5');
    const badLine = bad.split('\n').indexOf('interconnectMw: -5') + 1;
    await editor.fill(bad);
    const issue = page.locator('.issues .issue').first();
    await issue.waitFor({ timeout: 5000 });
    assert.match(await text(issue.locator('.issue-path')), /^(site\.)?interconnectMw$/);
    assert.equal(await text(issue.locator('button')), `line ${badLine}`);
    assert.deepEqual(await page.locator('.gutter .marked').allTextContents(), [String(badLine)]);
    await issue.locator('button').click();
    await screenshot(page, '07-site-editor');

    await editor.fill(good.replace(/^interconnectMw: 200$/m, 'interconnectMw: 210'));
    await page.locator('.badge.good', { hasText: 'valid' }).waitFor();
    assert.equal(await page.locator('.issues .issue').count(), 0, 'the message goes once fixed');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes('/api/sites/'),
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    assert.equal((await saved).status(), 200);
    await page.reload();
    assert.equal(page.url(), siteUrl);
    await page.locator('.editor-card h2', { hasText: 'west-texas-mullet' }).waitFor();
    assert.match(await page.getByLabel('site document').inputValue(), /^interconnectMw: 210$/m, 'kept');
    const backTest = page.getByRole('link', { name: 'Back-test this site' });
    assert.equal(await backTest.getAttribute('href'), `#/dispatch/${siteUrl.split('/').pop()}`);
  });

  it('lists the hardware catalogs as tables that sort by a column', async () => {
    await page.goto(`${server.url}/#/catalog/asics`);
    const rows = page.locator('table[aria-label="ASIC catalog"] tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 5);
    const header = page.getByRole('button', { name: /hashrate \(TH\/s\)/ });
    await header.click();
    await header.click();
    const column = await page
      .locator('table[aria-label="ASIC catalog"] th')
      .allTextContents()
      .then((heads) => heads.findIndex((h) => h.startsWith('hashrate (TH/s)')));
    const values = await rows.evaluateAll(
      (trs, col) =>
        trs.map((tr) => {
          const cell = (tr as unknown as { children: Array<{ textContent: string | null }> }).children[col];
          return Number((cell?.textContent ?? '').replace(/,/g, ''));
        }),
      column,
    );
    assert.ok(values.length >= 5);
    for (let i = 1; i < values.length; i++)
      assert.ok(values[i - 1]! >= values[i]!, `sorted descending at ${i}`);
    await screenshot(page, '05-catalog-asics');
    await page.getByRole('tab', { name: /GPU/ }).click();
    await page.locator('table[aria-label="GPU catalog"] tbody tr').first().waitFor();
    await screenshot(page, '06-catalog-gpus');
  });

  it('logged no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
