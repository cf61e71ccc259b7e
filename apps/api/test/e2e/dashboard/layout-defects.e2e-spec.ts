/**
 * Layout defects a newcomer met, each checked in real Chromium at 1280 px and at 390 px, with
 * screenshots to look at: the staff catalog's row buttons stay inside their card, the log-in
 * error's request id stays inside the red alert, and the "Add upstream account" dialog says that
 * UPSTREAM_ENCRYPTION_KEY is missing (and cannot be sent) when it is.
 */
import type { Locator, Page } from 'playwright-core';
import { ensureDashboardBuilt, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { logInAt } from './admin-helpers';

jest.setTimeout(180_000);

/** `inner`'s box lies within `outer`'s, horizontally and (unless told) vertically; half a pixel for rounding. */
async function expectInside(inner: Locator, outer: Locator, what: string, axes: 'both' | 'horizontal' = 'both'): Promise<void> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b) throw new Error(`${what}: not rendered`);
  const outside = {
    left: Math.max(0, b.x - a.x),
    right: Math.max(0, a.x + a.width - (b.x + b.width)),
    top: axes === 'both' ? Math.max(0, b.y - a.y) : 0,
    bottom: axes === 'both' ? Math.max(0, a.y + a.height - (b.y + b.height)) : 0,
  };
  const overflow = Object.fromEntries(Object.entries(outside).filter(([, pixels]) => pixels > 0.5));
  expect({ what, overflow }).toEqual({ what, overflow: {} });
}

const WIDTHS = [
  { label: 'desktop', viewport: { width: 1280, height: 860 } },
  { label: 'phone', viewport: { width: 390, height: 844 } },
];

describe.each(WIDTHS)('layout at $viewport.width px', ({ label, viewport }) => {
  let testApp: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let admin: TestSession;

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    // No UPSTREAM_ENCRYPTION_KEY: the state the upstream dialog must explain.
    testApp = await startTestApp({ env: { DASHBOARD_DIST_DIR: distDir, UPSTREAM_ENCRYPTION_KEY: undefined } });
    admin = await TestSession.create(testApp, { role: 'admin', withKey: false, password: 'Granite-Lantern-Orbit-4417!' });
    browser = await launchBrowser({ viewport });
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('keeps the request id of a failed log-in inside the red alert', async () => {
    await page.goto(`${testApp.url}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('Not-The-Password-9931!');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert');
    const chip = alert.locator('.error-detail__id');
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/^Request id: [\w-]{20,}$/);
    await screenshot(page, `layout-${label}-login-error`, { fullPage: false });
    await expectInside(chip, alert, 'request id chip');
    // The chip must not widen the alert (and the whole log-in card with it) past the screen either.
    const box = await alert.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
  });

  it("keeps the staff catalog's Edit and Deactivate buttons inside the card", async () => {
    await logInAt(page, testApp.url, admin, '/staff/models');
    const card = page.locator('section.card').filter({ has: page.getByTestId('catalog-table') });
    const deactivate = card.getByRole('button', { name: /^Deactivate / });
    await deactivate.first().waitFor();
    await screenshot(page, `layout-${label}-staff-catalog`, { fullPage: false });
    // Nothing scrolls sideways inside the card (a scrolled table hides its last column)...
    const hiddenWidth = await page.evaluate<number>(`(() => {
      const table = document.querySelector('[data-testid="catalog-table"]');
      const wrap = table.closest('.table-wrap') ?? table.querySelector('.table-wrap') ?? table;
      return wrap.scrollWidth - wrap.clientWidth;
    })()`);
    expect(hiddenWidth).toBeLessThanOrEqual(1);
    // ...and every row's buttons sit within the card's edges, as first shown (no scrolling).
    const count = Math.min(await deactivate.count(), 6);
    expect(count).toBeGreaterThan(0);
    for (let row = 0; row < count; row++) {
      await expectInside(deactivate.nth(row), card, `Deactivate button ${row}`, 'horizontal');
      await expectInside(card.getByRole('link', { name: /^Edit / }).nth(row), card, `Edit link ${row}`, 'horizontal');
    }
  });

  it('says in the "Add upstream account" dialog that UPSTREAM_ENCRYPTION_KEY is missing, and disables the form', async () => {
    await page.goto(`${testApp.url}/staff/upstreams`);
    await page.getByRole('button', { name: 'Add upstream account' }).first().click();
    const dialog = page.getByTestId('upstream-dialog');
    await dialog.getByText('UPSTREAM_ENCRYPTION_KEY is not set').waitFor();
    expect(await dialog.textContent()).toContain('openssl rand -base64 32');
    expect(await dialog.getByLabel('Name').isDisabled()).toBe(true);
    expect(await dialog.getByLabel('API key').isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Add account' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    await screenshot(page, `layout-${label}-upstream-key-missing`, { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
