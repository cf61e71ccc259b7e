/**
 * Real headless Chromium for the dashboard's end-to-end tests: builds the dashboard when its
 * sources are newer than the build, launches Debian's chromium through playwright-core with a
 * fresh profile, and saves screenshots where people can look at them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../../..');
export const DASHBOARD_DIST = path.join(ROOT, 'dist/apps/dashboard');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DASHBOARD_INPUTS = ['apps/dashboard/src', 'apps/dashboard/index.html', 'apps/dashboard/vite.config.mts', 'libs/shared/contracts/src'];
const LOCK_DIR = path.join(ROOT, 'dist/apps/.dashboard-build.lock');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

function isFresh(): boolean {
  const index = path.join(DASHBOARD_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(...DASHBOARD_INPUTS.map((input) => newestMtime(path.join(ROOT, input))));
  return statSync(index).mtimeMs >= sources;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `nx run api:e2e` builds the dashboard first; a single spec run directly may find it stale.
 * Builds into a scratch folder and swaps it in, so an app already serving the old build never
 * sees a half-written folder; a lock directory keeps parallel workers from building twice.
 */
export async function ensureDashboardBuilt(): Promise<string> {
  if (isFresh()) return DASHBOARD_DIST;
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // Someone else is building; a lock older than the deadline is from a crashed run.
      if (existsSync(LOCK_DIR) && Date.now() - statSync(LOCK_DIR).mtimeMs > 180_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another dashboard build');
      await sleep(500);
    }
  }
  try {
    if (isFresh()) return DASHBOARD_DIST;
    const scratch = `${DASHBOARD_DIST}.build-${process.pid}`;
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'apps/dashboard/vite.config.mts',
        '--outDir',
        scratch,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const retired = `${DASHBOARD_DIST}.old-${process.pid}`;
    if (existsSync(DASHBOARD_DIST)) renameSync(DASHBOARD_DIST, retired);
    renameSync(scratch, DASHBOARD_DIST);
    rmSync(retired, { recursive: true, force: true });
    return DASHBOARD_DIST;
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a throwaway profile (no state leaks between runs). */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'apilink-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
    viewport: options.viewport ?? { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A PNG under test-artifacts/screenshots/ (git-ignored), for people to look at: the whole page
 * from the top (so sticky parts sit where a reader sees them), or just the viewport.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const fullPage = options.fullPage ?? true;
  // Let fonts, charts and the last query settle so the picture shows the page, not a spinner.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/** Clicks an invoice's "Download … as PDF" button and checks that a PDF named after the invoice number arrives. */
export async function expectInvoicePdfDownload(page: Page, button: Locator): Promise<void> {
  const download = page.waitForEvent('download');
  await button.click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^INV-\d{4}-\d{6}\.pdf$/);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
}
