/**
 * The customer's usage log in real Chromium at 1280 px and 390 px: requests refused before any
 * upstream call (404 unknown model, 429 rate limit) are listed beside the answered one, the
 * status filter narrows the log to them, and the request id the client got finds the refusal.
 */
import { BILLING_ROUTES, REQUEST_ID_HEADER } from '@apilink/contracts';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { eventually } from '../../support/eventually';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { logInAt } from './admin-helpers';

jest.setTimeout(180_000);

const WIDTHS = [
  { label: 'desktop', viewport: { width: 1280, height: 860 } },
  { label: 'phone', viewport: { width: 390, height: 844 } },
];

describe.each(WIDTHS)('usage log with refused requests at $viewport.width px', ({ label, viewport }) => {
  let testApp: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let customer: TestSession;
  let rateLimitedId: string;

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    testApp = await startTestApp({ env: { DASHBOARD_DIST_DIR: distDir } });
    customer = await TestSession.create(testApp, { credits: 5_000_000n, rpm: 2, password: 'Granite-Lantern-Orbit-4417!' });
    const send = (model: string) =>
      testApp
        .http()
        .post('/v1/chat/completions')
        .set(customer.bearer())
        .send({ model, messages: [{ role: 'user', content: 'Hi' }] });
    await send('apilink/echo').expect(200);
    await send('nobody/no-such-model').expect(404);
    rateLimitedId = (await send('apilink/echo').expect(429)).headers[REQUEST_ID_HEADER];
    await eventually(async () => {
      const response = await customer.api('get', BILLING_ROUTES.usage).query({ status: 'refused' }).expect(200);
      expect(response.body.total).toBe(2);
    });
    browser = await launchBrowser({ viewport });
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('lists refusals beside the answered request, narrows to them with the status filter, and finds one by its id', async () => {
    await logInAt(page, testApp.url, customer, '/usage');
    const table = page.getByTestId('usage-table');
    const rows = table.locator('tbody tr');
    await eventually(async () => expect(await rows.count()).toBe(3));
    expect(await table.locator('tbody tr[data-status="refused"]').count()).toBe(2);
    await screenshot(page, `usage-refusals-${label}-all`);

    await page.getByRole('form', { name: 'Filter requests' }).getByLabel('Status').selectOption({ label: 'Refused' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await eventually(async () => expect(await rows.count()).toBe(2));
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['refused', 'refused']);
    // Newest first: the 429, then the 404, each with the status and code the client got.
    expect(await table.getByTestId('usage-refusal').allTextContents()).toEqual(['429 rate_limit_exceeded', '404 model_not_found']);
    expect(await rows.first().textContent()).toContain('refused before any upstream');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
    await screenshot(page, `usage-refusals-${label}-filtered`);

    await page.getByLabel('Look up a request id').fill(rateLimitedId);
    await page.getByRole('button', { name: 'Look up' }).click();
    const details = page.getByTestId('request-dialog').getByTestId('request-details');
    await details.waitFor();
    const text = await details.textContent();
    expect(text).toContain(rateLimitedId);
    expect(text).toContain('Refused');
    expect(text).toContain('HTTP 429 rate_limit_exceeded');
    await screenshot(page, `usage-refusals-${label}-lookup`, { fullPage: false });
  });
});
