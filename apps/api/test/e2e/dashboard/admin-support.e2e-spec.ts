/**
 * The staff pages as support uses them, in real headless Chromium against the real API: find a
 * customer by email, read their keys, balance and requests, adjust credits with a reason (and
 * hit the support limit), revoke a key, disable and re-enable the account, and look up a request
 * by its id. A customer sees no Staff section and gets a 403 page on a staff URL. Every page is
 * saved as a screenshot at desktop width and at 375 px.
 */
import { randomUUID } from 'node:crypto';
import { ADMIN_ROUTES, BILLING_ROUTES, type CreatedApiKey } from '@apilink/contracts';
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, expectInvoicePdfDownload, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { checkPhonePage, failureScreenshot, logInAt, openStaffPage, usdTextToMicros } from './admin-helpers';
import { eventually } from '../../support/eventually';

jest.setTimeout(150_000);

const MODEL = 'openai/gpt-4o-mini';

describe('staff pages for support in Chromium', () => {
  let testApp: TestApp;
  let upstream: MockUpstream;
  let browser: BrowserSession;
  let page: Page;
  let support: TestSession;
  let customer: TestSession;
  let spareKey: CreatedApiKey;
  let requestId: string;

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    upstream = await startMockUpstream({ protocol: 'openai' });
    testApp = await startTestApp({
      env: {
        DASHBOARD_DIST_DIR: distDir,
        OPENAI_API_KEY: upstream.apiKey,
        OPENAI_BASE_URL: upstream.url,
        SUPPORT_CREDIT_ADJUSTMENT_LIMIT_USD: '100',
      },
    });
    support = await TestSession.create(testApp, { role: 'support', withKey: false });
    customer = await TestSession.create(testApp, {
      email: `ticket-${randomUUID()}@customer.example`,
      keyName: 'production app',
      credits: 10_000_000n,
    });
    spareKey = (await customer.api('post', '/api/keys').send({ name: 'spare key' }).expect(201)).body;
    const completion = await testApp
      .http()
      .post('/v1/chat/completions')
      .set(customer.bearer())
      .send({ model: MODEL, messages: [{ role: 'user', content: 'a request support will look up' }] })
      .expect(200);
    requestId = completion.headers['x-request-id'];
    expect(requestId).toEqual(expect.any(String));
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await upstream?.close();
  });

  it('finds a customer, adjusts credits with a reason, revokes a key, disables the account and looks up a request', () =>
    failureScreenshot(page, 'support', async () => {
      // A staff URL opened before logging in comes back after the login.
      await logInAt(page, testApp.url, support, '/staff/users');
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      const staffNav = page.getByRole('navigation', { name: 'Staff' });
      expect(await staffNav.getByRole('link').allTextContents()).toEqual(['Users', 'Request lookup']);

      // Search by part of the email.
      await page.getByRole('searchbox', { name: 'Email' }).fill(customer.email.split('@')[0]);
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.getByTestId('users-table').locator(`tr[data-user-email="${customer.email}"]`);
      await row.waitFor();
      expect(await page.getByTestId('users-table').locator('tbody tr').count()).toBe(1);
      expect(await row.textContent()).toContain('Customer');
      await screenshot(page, 'admin-desktop-01-user-search');

      // The account: balance, keys (never a secret), and the request in its history.
      await row.getByRole('link', { name: customer.email }).click();
      await page.getByRole('heading', { level: 1, name: customer.email }).waitFor();
      const keysTable = page.getByTestId('user-keys-table');
      await keysTable.locator('tr[data-key-name="production app"]').waitFor();
      await keysTable.locator('tr[data-key-name="spare key"]').waitFor();
      expect(await page.content()).not.toContain(spareKey.secret);
      expect(await page.content()).not.toContain(customer.apiKey);
      const usageRow = page.getByTestId('user-usage-table').locator(`tr[data-request-id="${requestId}"]`);
      await eventually(async () => {
        await page.reload();
        await usageRow.waitFor({ timeout: 2_000 });
      });
      const balanceBefore = usdTextToMicros(await page.getByTestId('user-balance').locator('.money').getAttribute('title'));
      expect(balanceBefore).toBeLessThan(10_000_000n);
      expect(balanceBefore).toBeGreaterThan(9_000_000n);
      await screenshot(page, 'admin-desktop-02-user');

      // Credit adjustment: the reason is mandatory, and support is capped per action.
      await page.getByRole('button', { name: 'Adjust credits' }).click();
      const adjust = page.getByTestId('credit-adjustment-dialog');
      expect(await adjust.getByLabel('Amount (USD)').evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
      await adjust.getByRole('button', { name: 'Add credits' }).click();
      await adjust.getByText('Enter an amount in dollars').waitFor();
      await adjust.getByText('Say why the balance changes').waitFor();
      // The configured limit is stated up front and checked before the API is called (the API checks it again).
      await adjust.getByText('Support staff can adjust up to $100.00 per action').waitFor();
      await adjust.getByLabel('Amount (USD)').fill('500');
      await adjust.getByLabel('Reason').fill('Ticket #4711: refund of a failed batch');
      await adjust.getByRole('button', { name: 'Add credits' }).click();
      await adjust.getByText('Above your limit of $100.00 per action.').waitFor();
      await screenshot(page, 'admin-desktop-03-credit-limit-error', { fullPage: false });
      await adjust.getByLabel('Amount (USD)').fill('25');
      expect(usdTextToMicros(await adjust.getByTestId('adjustment-preview').textContent())).toBe(balanceBefore + 25_000_000n);
      await adjust.getByRole('button', { name: 'Add credits' }).click();
      await adjust.waitFor({ state: 'hidden' });
      await page.getByText(/^Added \$25\.00\. The balance is now/).waitFor();
      await eventually(async () =>
        expect(usdTextToMicros(await page.getByTestId('user-balance').locator('.money').getAttribute('title'))).toBe(balanceBefore + 25_000_000n),
      );
      // A removal works the same way, with the sign chosen explicitly.
      await page.getByRole('button', { name: 'Adjust credits' }).click();
      await adjust.getByLabel('Remove credits').check();
      await adjust.getByLabel('Amount (USD)').fill('5');
      await adjust.getByLabel('Reason').fill('Ticket #4712: duplicate goodwill credit');
      await screenshot(page, 'admin-desktop-04-credit-removal', { fullPage: false });
      await adjust.getByRole('button', { name: 'Remove credits' }).click();
      await page.getByText(/^Removed \$5\.00\./).waitFor();
      await eventually(async () =>
        expect(usdTextToMicros(await page.getByTestId('user-balance').locator('.money').getAttribute('title'))).toBe(balanceBefore + 20_000_000n),
      );
      // The ledger tab shows both, with their reasons.
      await page.getByRole('tab', { name: 'Ledger' }).click();
      const ledger = page.getByTestId('ledger-table');
      await ledger.getByText('Ticket #4711: refund of a failed batch').waitFor();
      await ledger.getByText('Ticket #4712: duplicate goodwill credit').waitFor();
      expect(await ledger.locator('tr[data-ledger-kind="adjustment"]').count()).toBe(2);
      expect(page.url()).toContain('tab=ledger');
      // The tabs follow the arrow keys.
      await page.getByRole('tab', { name: 'Ledger' }).press('ArrowRight');
      await page.getByRole('tab', { name: 'Payments', selected: true }).waitFor();
      await page.getByText('This account has not topped up.').waitFor();
      await page.getByRole('tab', { name: 'Ledger' }).click();
      await ledger.waitFor();
      await screenshot(page, 'admin-desktop-05-ledger');

      // Revoke the spare key: the gateway refuses it from then on; the other key keeps working.
      await page.getByRole('button', { name: 'Revoke spare key' }).click();
      const revoke = page.getByTestId('revoke-user-key-dialog');
      await revoke.getByText('This cannot be undone.').waitFor();
      await revoke.getByLabel('Reason').fill('Customer reported the key leaked in a public repo');
      await screenshot(page, 'admin-desktop-06-revoke-key', { fullPage: false });
      await revoke.getByRole('button', { name: 'Revoke key' }).click();
      await keysTable.locator('tr[data-key-name="spare key"]').getByText('Revoked', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Revoke spare key' }).count()).toBe(0);
      await eventually(async () => {
        const refused = await testApp
          .http()
          .post('/v1/chat/completions')
          .set(customer.bearer(spareKey.secret))
          .send({ model: MODEL, messages: [{ role: 'user', content: 'still there?' }] });
        expect(refused.status).toBe(401);
      }, 3_000);

      // Disable the account, then enable it again.
      await page.getByRole('button', { name: 'Disable account' }).click();
      const status = page.getByTestId('user-status-dialog');
      await status.getByRole('button', { name: 'Disable account' }).click();
      await page.getByText('This account is disabled').waitFor();
      await page.getByTestId('user-summary').getByText('Disabled', { exact: true }).waitFor();
      await eventually(async () => {
        const refused = await testApp
          .http()
          .post('/v1/chat/completions')
          .set(customer.bearer())
          .send({ model: MODEL, messages: [{ role: 'user', content: 'disabled?' }] });
        expect(refused.status).toBe(401);
      }, 3_000);
      await screenshot(page, 'admin-desktop-07-user-disabled');
      await page.getByRole('button', { name: 'Enable account' }).click();
      await status.getByLabel('Reason').fill('Verified the owner');
      await status.getByRole('button', { name: 'Enable account' }).click();
      await page.getByText('The account is enabled again.').waitFor();
      await page.getByTestId('user-summary').getByText('Active', { exact: true }).waitFor();
      // Support cannot change roles: that button is for admins.
      expect(await page.getByRole('button', { name: 'Change role' }).count()).toBe(0);

      // Request lookup from the usage row, then by pasting the id.
      await page.getByRole('tab', { name: 'Requests' }).click();
      await page.getByRole('link', { name: `Request ${requestId}` }).click();
      await page.getByRole('heading', { level: 1, name: 'Request lookup' }).waitFor();
      const details = page.getByTestId('staff-request-details');
      await details.getByText(requestId).waitFor();
      await openStaffPage(page, 'Request lookup');
      await page.getByLabel('Request id').fill(requestId);
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.waitForURL(new RegExp(`/staff/requests/${requestId}$`));
      await details.getByText(requestId).waitFor();
      expect(await details.textContent()).toContain(MODEL);
      expect(await details.textContent()).toContain('openai');
      await page.getByRole('link', { name: customer.email }).waitFor();
      await page.getByText('production app', { exact: true }).waitFor();
      expect(usdTextToMicros(await page.getByTestId('staff-request-cost').textContent())).toBeGreaterThan(0n);
      await screenshot(page, 'admin-desktop-08-request');
      await page.getByLabel('Request id').fill('req-does-not-exist');
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.getByText('No request with this id').waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/Request id: [\w-]+/);
      await screenshot(page, 'admin-desktop-09-request-not-found', { fullPage: false });

      // Admin-only pages refuse support, in the page and in the API.
      await page.goto(`${testApp.url}/staff/upstreams`);
      await page.getByTestId('forbidden').getByText('Admins only').waitFor();
      await screenshot(page, 'admin-desktop-10-support-forbidden');
      await support.api('get', ADMIN_ROUTES.upstreams).expect(403);

      // The same pages on a 375 px phone.
      const phone = await browser.context.newPage();
      await phone.setViewportSize({ width: 375, height: 812 });
      for (const [name, path] of [
        ['users', `/staff/users?email=${encodeURIComponent(customer.email)}`],
        ['user', `/staff/users/${customer.user.id}`],
        ['user-ledger', `/staff/users/${customer.user.id}?tab=ledger`],
        ['request', `/staff/requests/${requestId}`],
      ] as const) {
        await phone.goto(`${testApp.url}${path}`);
        await checkPhonePage(phone, name);
      }
      await phone.goto(`${testApp.url}/staff/users/${customer.user.id}`);
      await phone.getByRole('button', { name: 'Adjust credits' }).click();
      await phone.getByTestId('credit-adjustment-dialog').getByLabel('Amount (USD)').waitFor();
      await checkPhonePage(phone, 'credit-dialog', { fullPage: false });
      await phone.keyboard.press('Escape');
      await phone.getByRole('button', { name: 'Menu' }).click();
      await phone.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Request lookup' }).waitFor();
      await screenshot(phone, 'admin-mobile-menu-support', { fullPage: false });
      await phone.close();
    }));

  it("downloads a customer's invoice PDF from the staff user page", () =>
    failureScreenshot(page, 'invoice', async () => {
      const payer = await TestSession.create(testApp, { withKey: false });
      const checkout = await payer.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '15' }).expect(201);
      await payer.api('post', BILLING_ROUTES.completeTestPayment(checkout.body.paymentId)).expect(200);

      await browser.context.clearCookies();
      await logInAt(page, testApp.url, support, '/staff/users');
      await page.goto(`${testApp.url}/staff/users/${payer.user.id}?tab=invoices`);
      const download = page.getByRole('button', { name: /^Download INV-\d{4}-\d{6} as PDF$/ });
      await download.waitFor();
      await expectInvoicePdfDownload(page, download);
      await screenshot(page, 'admin-desktop-10-user-invoices');
    }));

  it('shows a customer no Staff section, and a 403 page on a staff URL', () =>
    failureScreenshot(page, 'customer', async () => {
      await browser.context.clearCookies();
      const visitor = await TestSession.create(testApp, { withKey: false });
      await logInAt(page, testApp.url, visitor, '/staff/users');
      await page.getByTestId('forbidden').getByText('Staff only').waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Staff' }).count()).toBe(0);
      // Nothing of another account leaked into the page: the API refused before any data was asked for.
      expect(await page.content()).not.toContain(customer.email);
      await screenshot(page, 'admin-desktop-11-customer-forbidden');
      for (const path of [`/staff/users/${customer.user.id}`, '/staff/requests', '/staff/audit-log', '/staff/models/openai/gpt-4o-mini']) {
        await page.goto(`${testApp.url}${path}`);
        await page.getByTestId('forbidden').waitFor();
      }
      await visitor.api('get', ADMIN_ROUTES.users).expect(403);
      await visitor.api('get', ADMIN_ROUTES.request(requestId)).expect(403);
    }));
});
