/**
 * The dashboard in real headless Chromium against the real API (built SPA served by the app):
 * a customer signs up, pays with the test-payment flow, creates a key, calls the gateway with
 * the official openai SDK (answered by a mock OpenAI upstream), sees the request and the lower balance, downloads the invoice, and
 * revokes the key. Each page is saved as a screenshot, at desktop width and at 375 px.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import OpenAI from 'openai';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, expectInvoicePdfDownload, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { eventually } from '../../support/eventually';
import { startTestApp, type TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery staple';
const MODEL = 'openai/gpt-4o-mini';

/** Follows a link of the main navigation and waits for the page (routes load on demand). */
async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** When a step fails, the page as it was is the fastest way to see why. */
async function failureScreenshot(target: Page, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await screenshot(target, `failed-${name}`).catch(() => undefined);
    throw error;
  }
}

/** Form controls a screen reader could not name (no <label>, aria-label or aria-labelledby). */
function unlabelledControls(target: Page): Promise<string[]> {
  return target.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
    .map((el) => el.outerHTML)`);
}

function dollars(text: string | null): number {
  return Number((text ?? '').replace(/[$,]/g, ''));
}

describe('customer dashboard in Chromium', () => {
  let testApp: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let upstreams: MockUpstream[] = [];

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    // Three providers configured, so the Models page lists what a real deployment would.
    upstreams = await Promise.all((['openai', 'anthropic', 'gemini'] as const).map((protocol) => startMockUpstream({ protocol })));
    const [openai, anthropic, gemini] = upstreams;
    testApp = await startTestApp({
      env: {
        DASHBOARD_DIST_DIR: distDir,
        AUTH_THROTTLE_MAX_PER_EMAIL: '3',
        OPENAI_API_KEY: openai.apiKey,
        OPENAI_BASE_URL: openai.url,
        ANTHROPIC_API_KEY: anthropic.apiKey,
        ANTHROPIC_BASE_URL: anthropic.url,
        GEMINI_API_KEY: gemini.apiKey,
        GEMINI_BASE_URL: gemini.url,
      },
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await Promise.all(upstreams.map((upstream) => upstream.close()));
  });

  it('serves the SPA for client-side routes and keeps the API paths as JSON', async () => {
    const spa = await testApp.http().get('/keys').expect(200);
    expect(spa.headers['content-type']).toMatch(/text\/html/);
    expect(spa.text).toContain('<div id="root">');
    const api = await testApp.http().get('/api/nothing-here').expect(404);
    expect(api.body.error.request_id).toEqual(expect.any(String));
  });

  it('walks the whole customer journey: sign up, pay, key, request, usage, invoice, revoke', () =>
    failureScreenshot(page, 'journey', async () => {
      const email = `journey-${randomUUID()}@example.com`;

      // Sign up: a visitor is sent to log in first.
      await page.goto(`${testApp.url}/keys`);
      await page.waitForURL(/\/login\?next=%2Fkeys/);
      await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
      await screenshot(page, 'desktop-01-login');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await screenshot(page, 'desktop-02-signup');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(/\/keys$/);
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      await page.getByText('No API keys yet').waitFor();
      expect(await page.getByTestId('current-user').textContent()).toBe(email);
      await screenshot(page, 'desktop-03-keys-empty');

      // Overview of a new account: nothing spent, the gateway is up.
      await navigate(page, 'Overview');
      await page.getByTestId('health-badge').and(page.locator('[data-state="ok"]')).waitFor();
      await eventually(async () => expect(await page.getByTestId('overview-balance').textContent()).toBe('$0.00'));
      expect(await page.getByTestId('base-url').inputValue()).toBe(`${testApp.url}/v1`);
      await screenshot(page, 'desktop-04-overview-new');

      // Recharge $25 through the labelled test-payment flow.
      await navigate(page, 'Credits');
      await page.getByText('Test payments', { exact: true }).waitFor();
      await page.getByLabel('Amount (USD)').fill('2');
      await page.getByRole('button', { name: 'Continue to test payment' }).click();
      await page.getByText('The minimum top-up is $5.00.').waitFor();
      await page.getByLabel('Amount (USD)').fill('25');
      await page.getByRole('button', { name: 'Continue to test payment' }).click();
      await page.waitForURL(/\/credits\/test-checkout\//);
      expect(await page.getByTestId('test-checkout-amount').textContent()).toBe('$25.00');
      await screenshot(page, 'desktop-05-test-checkout');
      await page.getByRole('button', { name: /Pay \$25\.00/ }).click();
      await page.waitForURL(/\/credits\?payment=success/);
      await page.getByText('Payment received').waitFor();
      await eventually(async () => expect(await page.getByTestId('credits-balance').textContent()).toBe('$25.00'));
      await page.getByTestId('payments-table').getByText('Paid').waitFor();

      // Billing details for the invoice.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const details = page.getByTestId('billing-details-dialog');
      await details.getByLabel('Full name').fill('Ada Lovelace');
      await details.getByLabel('Company').fill('Analytical Engines Ltd');
      await details.getByLabel('Country code').fill('GB');
      await screenshot(page, 'desktop-05b-billing-details', { fullPage: false });
      await details.getByRole('button', { name: 'Save billing details' }).click();
      await page.getByTestId('billing-details-summary').getByText('Analytical Engines Ltd').waitFor();

      // Create a key; the secret is shown once.
      await navigate(page, 'API keys');
      // Keyboard only: the dialog opens on Enter, focuses its first field and closes on Escape.
      await page.getByRole('button', { name: 'Create API key' }).first().focus();
      await page.keyboard.press('Enter');
      const createDialog = page.getByTestId('create-key-dialog');
      await createDialog.getByLabel('Name').waitFor();
      expect(await createDialog.getByLabel('Name').evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await createDialog.getByLabel('Name').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Create API key' }).first().click();
      await createDialog.getByLabel('Name').fill('journey app');
      // Above the gateway default: the API's error lands under the field it names.
      await createDialog.getByLabel('Requests per minute').fill('100000');
      await createDialog.getByRole('button', { name: 'Create key' }).click();
      await createDialog.getByText(/cannot exceed/).waitFor();
      await screenshot(page, 'desktop-06-create-key-error', { fullPage: false });
      await createDialog.getByLabel('Requests per minute').fill('30');
      await createDialog.getByRole('button', { name: 'Create key' }).click();
      const created = page.getByTestId('key-created-dialog');
      await created.getByText('This is the only time the full key is shown').waitFor();
      const secret = await created.getByTestId('new-key-secret').inputValue();
      expect(secret).toMatch(/^al-[A-Za-z0-9]{32,}$/);
      await screenshot(page, 'desktop-07-key-created', { fullPage: false });
      await created.getByRole('button', { name: 'I have saved my key' }).click();
      const keyRow = page.getByTestId('keys-table').locator('tr[data-key-name="journey app"]');
      await keyRow.getByText('Active').waitFor();
      expect(await keyRow.textContent()).not.toContain(secret);
      expect(await keyRow.textContent()).toContain('30 RPM');

      // Rename it.
      await page.getByRole('button', { name: 'Rename journey app' }).click();
      await page.getByRole('dialog').getByLabel('Name').fill('journey backend');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('keys-table').locator('tr[data-key-name="journey backend"]').waitFor();
      await screenshot(page, 'desktop-08-keys');

      // The secret never lands in web storage.
      // Evaluated in the page (a string: this file is compiled without the DOM types).
      const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })');
      expect(stored).not.toContain(secret);

      // Call the gateway with the official SDK.
      const client = new OpenAI({ baseURL: `${testApp.url}/v1`, apiKey: secret, maxRetries: 0 });
      const completion = await client.chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: 'hello from the dashboard test' }],
      });
      expect(completion.choices[0].message.content).toEqual(expect.any(String));
      expect(upstreams[0].requests).toHaveLength(1);
      const requestId = completion._request_id;
      expect(requestId).toEqual(expect.any(String));

      // The request shows up in the usage log, and the balance went down by its cost.
      await navigate(page, 'Usage');
      const row = page.locator(`tr[data-request-id="${requestId}"]`);
      await eventually(async () => {
        await page.reload();
        await row.waitFor({ timeout: 2_000 });
      });
      expect(await row.textContent()).toContain(MODEL);
      expect(await row.textContent()).toContain('journey backend');
      const cost = dollars(await row.getByTestId('usage-cost').textContent());
      expect(cost).toBeGreaterThan(0);
      await page.getByTestId('model-totals').getByText(MODEL).waitFor();
      await screenshot(page, 'desktop-09-usage');

      await page.getByLabel('Look up a request id').fill(requestId!);
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.getByTestId('request-details').getByText(requestId!).waitFor();
      await screenshot(page, 'desktop-10-request-details', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const csv = readFileSync(await (await download).path(), 'utf8');
      expect(csv).toContain(requestId);

      await navigate(page, 'Overview');
      await eventually(async () => {
        await page.reload();
        // To the cent on the page, the exact figure in the title.
        const shown = page.getByTestId('overview-balance').locator('.money');
        await shown.waitFor();
        const exact = dollars(await shown.getAttribute('title'));
        expect(exact).toBeCloseTo(25 - cost, 6);
        expect(await shown.textContent()).toBe(`$${exact.toFixed(2)}`);
      });
      await page.locator('.chart .recharts-bar-rectangle').first().waitFor();
      await screenshot(page, 'desktop-11-overview-after-request');

      // Download the invoice PDF of the payment.
      await navigate(page, 'Credits');
      const invoiceButton = page.getByRole('button', { name: /^Download INV-\d{4}-\d{6} as PDF$/ });
      await invoiceButton.waitFor({ timeout: 20_000 });
      await expectInvoicePdfDownload(page, invoiceButton);
      await screenshot(page, 'desktop-12-credits');

      // Revoke the key: the gateway refuses it from then on.
      await navigate(page, 'API keys');
      await page.getByRole('button', { name: 'Revoke journey backend' }).click();
      const revokeDialog = page.getByTestId('revoke-key-dialog');
      await revokeDialog.getByText('This cannot be undone.').waitFor();
      await screenshot(page, 'desktop-13-revoke-confirm', { fullPage: false });
      await revokeDialog.getByRole('button', { name: 'Revoke key' }).click();
      // Revoked keys are hidden until asked for.
      await page.getByText('No active API keys').waitFor();
      await page.getByLabel('Show revoked (1)').check();
      await page.getByTestId('keys-table').locator('tr[data-key-name="journey backend"]').getByText('Revoked').waitFor();
      await screenshot(page, 'desktop-13b-revoked-shown', { fullPage: false });
      await eventually(async () => {
        const error = await client.chat.completions
          .create({ model: MODEL, messages: [{ role: 'user', content: 'still there?' }] })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      }, 3_000);

      // Models and docs.
      await navigate(page, 'Models');
      await page.getByTestId('models-table').waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('gpt-4o mini');
      await page.getByTestId('models-table').getByText(MODEL, { exact: true }).waitFor();
      expect(await page.getByTestId('models-table').locator('tbody tr').count()).toBeLessThan(5);
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      await page.getByLabel('Provider', { exact: true }).selectOption('anthropic');
      await page.getByRole('button', { name: 'Vision' }).click();
      await page.getByLabel('Sort by', { exact: true }).selectOption('input-asc');
      await page.getByText(/^Showing \d+ of \d+ models$/).waitFor();
      await screenshot(page, 'desktop-14-models-filtered');
      await page.goto(`${testApp.url}/models`);
      await page.getByTestId('models-table').waitFor();
      await screenshot(page, 'desktop-14-models');
      await navigate(page, 'Docs');
      await page.getByRole('heading', { name: 'Client guides' }).waitFor();
      expect(await page.locator('#quickstart pre').first().textContent()).toContain(`${testApp.url}/v1`);
      await page.getByRole('tab', { name: 'Aider' }).click();
      expect(await page.locator('#clients pre').textContent()).toContain(`OPENAI_API_BASE=${testApp.url}/v1`);
      await screenshot(page, 'desktop-15-docs');

      // The same pages on a 375 px phone, with the same session.
      const phone = await browser.context.newPage();
      await phone.setViewportSize({ width: 375, height: 812 });
      for (const [name, path] of [
        ['overview', '/'],
        ['keys', '/keys'],
        ['credits', '/credits'],
        ['usage', '/usage'],
        ['models', '/models'],
        ['docs', '/docs'],
      ] as const) {
        await phone.goto(`${testApp.url}${path}`);
        await phone.locator('main h1').waitFor();
        await phone
          .locator('.state--loading')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        expect({ page: name, unlabelled: await unlabelledControls(phone) }).toEqual({ page: name, unlabelled: [] });
        // Nothing may be wider than the screen (tables scroll inside their own box).
        const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        expect({ page: name, overflow }).toEqual({ page: name, overflow: 0 });
        // The models list is long on a phone; its first screen says enough.
        await screenshot(phone, `mobile-${name}`, { fullPage: name !== 'models' });
        if (name === 'docs') {
          // A full docs page is too tall to read as one picture: keep the dense sections too.
          for (const section of ['endpoints', 'errors', 'clients']) {
            await phone.locator(`#${section}`).scrollIntoViewIfNeeded();
            await screenshot(phone, `mobile-docs-${section}`, { fullPage: false });
          }
        }
      }
      await phone.getByRole('button', { name: 'Menu' }).click();
      await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).waitFor();
      await screenshot(phone, 'mobile-menu-open', { fullPage: false });
      await phone.close();

      // A session that ends under the customer's feet sends them to log in, and back afterwards.
      const cookies = await browser.context.cookies();
      await browser.context.clearCookies();
      await navigate(page, 'Usage').catch(() => undefined);
      await page.waitForURL(/\/login\?next=%2Fusage&expired=1$/);
      await page.getByText('Your session has ended.', { exact: false }).waitFor();
      await screenshot(page, 'desktop-18-session-ended');
      await browser.context.addCookies(cookies);
      await page.goto(`${testApp.url}/usage`);
      await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();

      // Log out: the session is gone and pages send you to log in again.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${testApp.url}/credits`);
      await page.waitForURL(/\/login\?next=%2Fcredits/);
    }));

  it('says plainly when the password is wrong, and when the account is throttled', async () => {
    const email = `throttle-${randomUUID()}@example.com`;
    const signup = await testApp.http().post('/api/auth/signup').set('x-apilink-csrf', '1').send({ email, password: PASSWORD });
    expect(signup.status).toBe(201);
    const context = await launchBrowser();
    try {
      const visitor = await context.context.newPage();
      await visitor.goto(`${testApp.url}/login`);
      const attempt = async () => {
        await visitor.getByLabel('Email').fill(email);
        await visitor.getByLabel('Password').fill('not the password');
        await visitor.getByRole('button', { name: 'Log in' }).click();
      };
      await attempt();
      await visitor.getByText('Could not log in', { exact: true }).waitFor();
      expect(await visitor.getByRole('alert').textContent()).toMatch(/Request id: [\w-]+/);
      await screenshot(visitor, 'desktop-16-login-wrong-password');
      await eventually(async () => {
        await attempt();
        await visitor.getByText('Login temporarily blocked', { exact: true }).waitFor({ timeout: 1_000 });
      }, 10_000);
      await screenshot(visitor, 'desktop-17-login-throttled');
    } finally {
      await context.close();
    }
  });
});
