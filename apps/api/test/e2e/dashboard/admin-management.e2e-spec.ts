/**
 * The admin-only staff pages in real headless Chromium against the real API: an admin adds an
 * upstream account pointing at the mock OpenAI upstream (the gateway then routes a model through
 * it with the stored key), edits and disables it, reprices a model (new prices apply to new
 * requests only), sets its aliases and output cap, corrects a capability flag, switches it off
 * and on, changes a user's role, and reads all of it back in the audit log with filters.
 * Screenshots at desktop width and at 375 px.
 */
import { randomUUID } from 'node:crypto';
import { ADMIN_ROUTES, type AdminModel, type UpstreamAccount } from '@apilink/contracts';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { TEST_UPSTREAM_ENCRYPTION_KEY } from '../admin/support/staff';
import { checkPhonePage, failureScreenshot, logInAt, openStaffPage } from './admin-helpers';
import { eventually } from '../../support/eventually';

jest.setTimeout(180_000);

/**
 * Catalog models no other test file uses: routes, prices and switches live in the e2e database
 * that every app of the run shares.
 */
const ROUTED_MODEL = 'together/Qwen/Qwen3.5-9B';
const PRICED_MODEL = 'groq/qwen/qwen3-32b';
const UPSTREAM_SECRET = `sk-ui-${randomUUID().replace(/-/g, '')}-Zq7w`;

describe('admin pages in Chromium', () => {
  let testApp: TestApp;
  let upstream: MockUpstream;
  let browser: BrowserSession;
  let page: Page;
  let admin: TestSession;
  let customer: TestSession;
  const accountName = `ui-upstream-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    upstream = await startMockUpstream({ protocol: 'openai', apiKey: UPSTREAM_SECRET });
    testApp = await startTestApp({
      env: {
        DASHBOARD_DIST_DIR: distDir,
        UPSTREAM_ENCRYPTION_KEY: TEST_UPSTREAM_ENCRYPTION_KEY,
        // The mock upstream listens on 127.0.0.1, which the SSRF guard refuses by default.
        UPSTREAM_ALLOW_PRIVATE_NETWORKS: 'true',
      },
    });
    [admin, customer] = await Promise.all([
      TestSession.create(testApp, { role: 'admin', withKey: false }),
      TestSession.create(testApp, { credits: 5_000_000n, keyName: 'qwen client' }),
    ]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    // Every app booted on the shared database loads upstream accounts: leave none behind.
    const accounts = (await admin?.api('get', ADMIN_ROUTES.upstreams))?.body?.data as UpstreamAccount[] | undefined;
    const mine = accounts?.find((account) => account.name === accountName);
    if (mine) await admin.api('delete', ADMIN_ROUTES.upstream(mine.id)).send({});
    await browser?.close();
    await testApp?.close();
    await upstream?.close();
  });

  it('manages upstream accounts, model prices and switches, roles, and reads the audit log', () =>
    failureScreenshot(page, 'admin', async () => {
      await logInAt(page, testApp.url, admin, '/staff/upstreams');
      await page.getByRole('heading', { level: 1, name: 'Upstream accounts' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Staff' }).getByRole('link').allTextContents()).toEqual([
        'Users',
        'Request lookup',
        'Upstream accounts',
        'Model catalog',
        'Audit log',
      ]);

      // Add an account. The browser checks what it can; the API refuses a metadata address.
      await page.getByRole('button', { name: 'Add upstream account' }).first().click();
      const dialog = page.getByTestId('upstream-dialog');
      await dialog.getByLabel('Name').fill('Not A Valid Name');
      await dialog.getByRole('button', { name: 'Add account' }).click();
      await dialog.getByText("Lowercase letters, digits, '.', '_' or '-'").waitFor();
      await dialog.getByText('Paste the API key the provider gave you.').waitFor();
      await dialog.getByLabel('Name').fill(accountName);
      await dialog.getByLabel('Base URL').fill('http://169.254.169.254/v1');
      await dialog.getByLabel('API key').fill(UPSTREAM_SECRET);
      expect(await dialog.getByLabel('API key').getAttribute('type')).toBe('password');
      await dialog.getByLabel('Model 1', { exact: true }).fill(ROUTED_MODEL);
      await dialog.getByLabel("Provider's model id").fill('qwen-ui-mock');
      await dialog.getByLabel('Priority').fill('1');
      await dialog.getByLabel('Reason').fill('Second provider for Qwen');
      await dialog.getByRole('button', { name: 'Add account' }).click();
      await dialog.getByText(/169\.254\.169\.254.*metadata/).waitFor();
      expect(await dialog.getByLabel('Base URL').getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'admin-desktop-20-upstream-refused', { fullPage: false });
      await dialog.getByLabel('Base URL').fill(upstream.url);
      await dialog.getByRole('button', { name: 'Add account' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`${accountName} is added.`).waitFor();
      const accountRow = page.getByTestId('upstreams-table').locator(`tr[data-upstream-name="${accountName}"]`);
      expect(await accountRow.textContent()).toContain(`••••${UPSTREAM_SECRET.slice(-4)}`);
      expect(await accountRow.textContent()).toContain(ROUTED_MODEL);
      expect(await page.content()).not.toContain(UPSTREAM_SECRET);
      await screenshot(page, 'admin-desktop-21-upstreams');

      // The gateway routes the model through the new account, with the stored key.
      const requestId = `ui-route-${randomUUID()}`;
      await eventually(async () => {
        const answer = await testApp
          .http()
          .post('/v1/chat/completions')
          .set(customer.bearer())
          .set('x-request-id', requestId)
          .send({ model: ROUTED_MODEL, messages: [{ role: 'user', content: 'routed by the admin page' }], max_tokens: 20 });
        expect(answer.status).toBe(200);
      }, 5_000);
      expect(upstream.lastRequest?.headers.authorization).toBe(`Bearer ${UPSTREAM_SECRET}`);
      expect((upstream.lastRequest?.body as { model?: string }).model).toBe('qwen-ui-mock');
      await openStaffPage(page, 'Request lookup');
      await page.getByLabel('Request id').fill(requestId);
      await page.getByRole('button', { name: 'Look up' }).click();
      await eventually(async () => {
        await page.reload();
        await page.getByTestId('staff-request-details').getByText(`db:${accountName}`).waitFor({ timeout: 2_000 });
      });
      await page.getByRole('link', { name: customer.email }).waitFor();

      // Edit: the key field is empty (write-only); leaving it empty keeps the key.
      await openStaffPage(page, 'Upstream accounts');
      await page.getByRole('button', { name: `Edit ${accountName}` }).click();
      expect(await dialog.getByLabel('New API key').inputValue()).toBe('');
      await dialog.getByText(`Leave empty to keep the current key, ending in ${UPSTREAM_SECRET.slice(-4)}`).waitFor();
      expect(await dialog.getByLabel('Protocol').isDisabled()).toBe(true);
      await dialog.getByLabel('Timeout (seconds)').fill('45');
      await screenshot(page, 'admin-desktop-22-upstream-edit', { fullPage: false });
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText(`${accountName} is saved.`).waitFor();
      await accountRow.getByText('45.0 s').waitFor();
      await eventually(async () => {
        const answer = await testApp
          .http()
          .post('/v1/chat/completions')
          .set(customer.bearer())
          .send({ model: ROUTED_MODEL, messages: [{ role: 'user', content: 'same key after the edit' }], max_tokens: 20 });
        expect(answer.status).toBe(200);
      }, 5_000);

      // Disable: the gateway stops routing to it.
      await page.getByRole('button', { name: `Disable ${accountName}` }).click();
      const toggle = page.getByTestId('upstream-toggle-dialog');
      await toggle.getByLabel('Reason').fill('Provider incident');
      await toggle.getByRole('button', { name: 'Disable' }).click();
      await accountRow.getByText('Disabled', { exact: true }).waitFor();
      await eventually(async () => {
        const refused = await testApp
          .http()
          .post('/v1/chat/completions')
          .set(customer.bearer())
          .send({ model: ROUTED_MODEL, messages: [{ role: 'user', content: 'nobody serves this now' }], max_tokens: 20 });
        expect(refused.status).toBeGreaterThanOrEqual(400);
      }, 5_000);

      // Reprice a model: the page says new prices apply to new requests only.
      await openStaffPage(page, 'Model catalog');
      await page.getByRole('searchbox', { name: 'Search' }).fill(PRICED_MODEL);
      const modelRow = page.getByTestId('catalog-table').locator(`tr[data-model-id="${PRICED_MODEL}"]`);
      await modelRow.waitFor();
      expect(page.url()).toContain(`q=${encodeURIComponent(PRICED_MODEL)}`);
      await screenshot(page, 'admin-desktop-23-catalog');
      await page.getByRole('link', { name: `Edit ${PRICED_MODEL}` }).click();
      await page.waitForURL(new RegExp(`/staff/models/${PRICED_MODEL}$`));
      const before = (await admin.api('get', ADMIN_ROUTES.model(PRICED_MODEL)).expect(200)).body as AdminModel;
      await page.getByText('New prices apply to new requests only').waitFor();
      const priceForm = page.getByRole('form', { name: 'New price' });
      expect(await priceForm.getByLabel('Input (USD per 1M tokens)', { exact: true }).inputValue()).toBe(
        before.currentPrice!.inputPerMTok.usd.replace(/0+$/, '').replace(/\.$/, ''),
      );
      await priceForm.getByLabel('Input (USD per 1M tokens)', { exact: true }).fill('0.35');
      await priceForm.getByLabel('Output (USD per 1M tokens)', { exact: true }).fill('abc');
      await priceForm.getByRole('button', { name: 'Save new price' }).click();
      await priceForm.getByText('Enter dollars per 1M tokens').waitFor();
      await priceForm.getByLabel('Output (USD per 1M tokens)', { exact: true }).fill('0.75');
      await priceForm.getByLabel('Reason (optional)', { exact: true }).fill('Provider price drop');
      await priceForm.getByRole('button', { name: 'Save new price' }).click();
      await page.getByText(`${PRICED_MODEL}: the new price is in force for new requests.`).waitFor();
      const history = page.getByTestId('price-history');
      await eventually(async () => expect(await history.locator('tbody tr').count()).toBe(before.priceHistory.length + 1));
      expect(await history.locator('tbody tr').first().textContent()).toMatch(/current.*\$0\.35.*\$0\.75/);
      const after = (await admin.api('get', ADMIN_ROUTES.model(PRICED_MODEL)).expect(200)).body as AdminModel;
      expect(after.currentPrice).toMatchObject({ inputPerMTok: { micros: '350000' }, outputPerMTok: { micros: '750000' } });
      // The earlier version is kept, unchanged, for the requests it priced.
      expect(after.priceHistory[1]).toEqual(before.currentPrice);

      // Aliases and the default output cap.
      const alias = `ui-qwen-${randomUUID().slice(0, 8)}`;
      const settings = page.getByRole('form', { name: 'Aliases and output cap' });
      await settings.getByLabel('Default output cap (tokens)').fill('999999999');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await settings.getByText(/A whole number from 1 to/).waitFor();
      await settings.getByLabel('Aliases').fill(alias);
      await settings.getByLabel('Default output cap (tokens)').fill('2048');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText(`${PRICED_MODEL}: aliases and output cap saved.`).waitFor();
      await screenshot(page, 'admin-desktop-24-model');
      expect((await admin.api('get', ADMIN_ROUTES.model(PRICED_MODEL)).expect(200)).body).toMatchObject({
        aliases: [alias],
        defaultMaxOutputTokens: 2048,
      });

      // Correct a capability flag the catalog got wrong.
      const capabilitiesForm = page.getByRole('form', { name: 'Capabilities' });
      expect(await capabilitiesForm.getByLabel('Tools (function calling)').isChecked()).toBe(true);
      await capabilitiesForm.getByLabel('Reasoning', { exact: true }).uncheck();
      await capabilitiesForm.getByLabel('Reason (optional)', { exact: true }).fill('Served with thinking off');
      await capabilitiesForm.getByRole('button', { name: 'Save capabilities' }).click();
      await page.getByText(`${PRICED_MODEL}: capabilities saved; requests are checked against them at once.`).waitFor();
      expect(((await admin.api('get', ADMIN_ROUTES.model(PRICED_MODEL)).expect(200)).body as AdminModel).capabilities).toEqual({
        tools: true,
        vision: false,
        reasoning: false,
      });

      // Switch it off and on again.
      await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
      const modelToggle = page.getByTestId('model-toggle-dialog');
      await modelToggle.getByRole('button', { name: 'Deactivate' }).click();
      await page.getByText(`${PRICED_MODEL} is deactivated.`).waitFor();
      await page.getByRole('main').getByText('Deactivated', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      await modelToggle.getByRole('button', { name: 'Activate' }).click();
      await page.getByText(`${PRICED_MODEL} is activated.`).waitFor();

      // Long-context prices are shown, and carried over to new prices (read only here).
      await page.goto(`${testApp.url}/staff/models/google/gemini-2.5-pro`);
      await page.getByText('Long-context prices').waitFor();
      await screenshot(page, 'admin-desktop-26-model-long-context', { fullPage: false });

      // Change a user's role.
      const promoted = await TestSession.create(testApp, { withKey: false });
      await page.goto(`${testApp.url}/staff/users/${promoted.user.id}`);
      await page.getByRole('heading', { level: 1, name: promoted.email }).waitFor();
      await page.getByRole('button', { name: 'Change role' }).click();
      const roleDialog = page.getByTestId('change-role-dialog');
      await roleDialog.getByLabel('Role').selectOption('support');
      await roleDialog.getByText('adjusts credits up to the support limit').waitFor();
      await roleDialog.getByLabel('Reason').fill('Joined the support team');
      await roleDialog.getByRole('button', { name: 'Change role' }).click();
      await page.getByText('The role is now support.').waitFor();
      await page.getByTestId('user-summary').getByText('Support', { exact: true }).waitFor();
      // Nobody changes their own role: the button is not offered on your own account.
      await page.goto(`${testApp.url}/staff/users/${admin.user.id}`);
      await page.getByRole('heading', { level: 1, name: admin.email }).waitFor();
      expect(await page.getByRole('button', { name: 'Change role' }).count()).toBe(0);

      // The audit log has every one of these, filtered by actor and by action.
      await openStaffPage(page, 'Audit log');
      await page.getByLabel('Actor').fill(admin.email);
      await page.getByRole('button', { name: 'Apply' }).click();
      const table = page.getByTestId('audit-log-table');
      await page.getByText('1–9 of 9 entries').waitFor();
      const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-audit-action')));
      expect(actions).toEqual([
        'user.role_changed',
        'model.activated',
        'model.deactivated',
        'model.updated',
        'model.updated',
        'model.price_changed',
        'upstream.disabled',
        'upstream.updated',
        'upstream.created',
      ]);
      const roleRow = table.locator('tr[data-audit-action="user.role_changed"]');
      expect(await roleRow.textContent()).toContain('Joined the support team');
      await roleRow.locator('summary').click();
      await roleRow.getByText('customer', { exact: true }).waitFor();
      await roleRow.getByText('support', { exact: true }).waitFor();
      await screenshot(page, 'admin-desktop-25-audit-log');
      await page.getByLabel('Action').selectOption('model.price_changed');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('1–1 of 1 entries').waitFor();
      expect(await table.locator('tbody tr').count()).toBe(1);
      expect(await table.textContent()).toContain('Provider price drop');
      expect(page.url()).toContain('action=model.price_changed');
      await page.getByLabel('Actor').fill('nobody-at-all@example.invalid');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('No account with that email').waitFor();
      await page.getByRole('button', { name: 'Reset' }).click();
      await table.waitFor();

      // The same pages on a 375 px phone.
      const phone = await browser.context.newPage();
      await phone.setViewportSize({ width: 375, height: 812 });
      for (const [name, path, fullPage] of [
        ['upstreams', '/staff/upstreams', true],
        ['catalog', `/staff/models?q=${encodeURIComponent('qwen3')}`, false],
        ['model', `/staff/models/${PRICED_MODEL}`, true],
        ['audit-log', `/staff/audit-log?actor=${encodeURIComponent(admin.email)}`, false],
      ] as const) {
        await phone.goto(`${testApp.url}${path}`);
        await checkPhonePage(phone, name, { fullPage });
      }
      await phone.goto(`${testApp.url}/staff/upstreams`);
      await phone.getByRole('button', { name: 'Add upstream account' }).first().click();
      await phone.getByTestId('upstream-dialog').getByLabel('Name').waitFor();
      await checkPhonePage(phone, 'upstream-dialog', { fullPage: false });
      await phone.keyboard.press('Escape');
      await phone.getByRole('button', { name: 'Menu' }).click();
      await phone.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Audit log' }).waitFor();
      await screenshot(phone, 'admin-mobile-menu-admin', { fullPage: false });
      await phone.close();
    }));
});
