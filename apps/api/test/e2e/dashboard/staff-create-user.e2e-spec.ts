/**
 * An admin creates an account from the staff Users page in real Chromium at 1280 px and 390 px:
 * the form, the one-time password shown once (which then logs the person in), initial credits
 * on the new account; at first sign-in the person must choose their own password before any
 * other page; support sees no "Create account" button. Support resets a signed-in customer's
 * password from the user page: the customer's tab is logged out and the new one-time password
 * leads to the same screen.
 */
import { randomUUID } from 'node:crypto';
import { ADMIN_ROUTES, AUTH_ROUTES, type Page as ApiPage, type AdminUser } from '@apilink/contracts';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { expectNoHorizontalOverflow, logInAt } from './admin-helpers';

jest.setTimeout(180_000);

const PASSWORD = 'Granite-Lantern-Orbit-4417!';
const WIDTHS = [
  { label: 'desktop', viewport: { width: 1280, height: 860 } },
  { label: 'phone', viewport: { width: 390, height: 844 } },
];

describe.each(WIDTHS)('staff "Create account" at $viewport.width px', ({ label, viewport }) => {
  let testApp: TestApp;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    testApp = await startTestApp({ env: { DASHBOARD_DIST_DIR: distDir } });
    browser = await launchBrowser({ viewport });
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('creates a funded customer whose one-time password, shown once, logs them in', async () => {
    const admin = await TestSession.create(testApp, { role: 'admin', withKey: false, password: PASSWORD });
    const email = `made-${randomUUID()}@test.apilink.dev`;
    await logInAt(page, testApp.url, admin, '/staff/users');
    await page.getByRole('button', { name: 'Create account' }).click();
    const dialog = page.getByTestId('create-user-dialog');
    const form = dialog.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Ada Lovelace');
    await form.getByLabel('Role').selectOption({ label: 'Customer' });
    await form.getByLabel('Initial credits').fill('12.50');
    await form.getByLabel('Reason').fill('Onboarding ticket 4417');
    await expectNoHorizontalOverflow(page, `staff-create-user-${label}-form`);
    await screenshot(page, `staff-create-user-${label}-form`, { fullPage: false });
    await form.getByRole('button', { name: 'Create account' }).click();

    const secret = dialog.getByTestId('one-time-password');
    await secret.waitFor();
    const oneTimePassword = await secret.inputValue();
    expect(oneTimePassword).toMatch(/^[\w-]{24}$/);
    expect(await dialog.getByTestId('created-user-summary').textContent()).toContain('Customer account with $12.50 of credits');
    await expectNoHorizontalOverflow(page, `staff-create-user-${label}-password`);
    await screenshot(page, `staff-create-user-${label}-password`, { fullPage: false });

    await testApp.http().post(AUTH_ROUTES.login).set('x-apilink-csrf', '1').send({ email, password: oneTimePassword }).expect(200);
    const found = await admin.api('get', ADMIN_ROUTES.users).query({ email }).expect(200);
    expect((found.body as ApiPage<AdminUser>).data).toEqual([expect.objectContaining({ email, name: 'Ada Lovelace', role: 'customer' })]);

    // Closed, the password is gone for good; the list shows the new account.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText(oneTimePassword).count()).toBe(0);
    await page.getByText(email).first().waitFor();
    // Until the person replaces it, staff see that the account still has its one-time password.
    await page.getByRole('link', { name: email }).click();
    await page.getByTestId('user-summary').getByText('One-time password not yet changed').waitFor();
  });

  it('sends the person to "Choose a new password" at first sign-in, and nowhere else until it is done', async () => {
    const admin = await TestSession.create(testApp, { role: 'admin', withKey: false, password: PASSWORD });
    const email = `made-${randomUUID()}@test.apilink.dev`;
    const created = await admin.api('post', ADMIN_ROUTES.users).send({ email }).expect(201);
    const oneTimePassword: string = created.body.oneTimePassword;
    const person = await launchBrowser({ viewport });
    try {
      const personPage = await person.context.newPage();
      personPage.setDefaultTimeout(20_000);
      // A deep link: after sign-in the screen stands in front of it, and afterwards leads there.
      await personPage.goto(`${testApp.url}/keys`);
      await personPage.waitForURL(/\/login/);
      await personPage.getByLabel('Email').fill(email);
      await personPage.getByLabel('Password').fill(oneTimePassword);
      await personPage.getByRole('button', { name: 'Log in' }).click();
      await personPage.waitForURL((url) => url.pathname === '/choose-password');
      await personPage.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      expect(await personPage.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await expectNoHorizontalOverflow(personPage, `staff-create-user-${label}-choose-password`);
      await screenshot(personPage, `staff-create-user-${label}-choose-password`, { fullPage: false });

      // Other pages, typed in by hand, lead back to the screen.
      for (const path of ['/credits', '/usage']) {
        await personPage.goto(`${testApp.url}${path}`);
        await personPage.waitForURL((url) => url.pathname === '/choose-password');
        await personPage.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      }

      const form = personPage.getByRole('form', { name: 'Set password and continue' });
      await form.getByLabel('One-time password').fill(oneTimePassword);
      await form.getByLabel('New password').fill(oneTimePassword);
      await form.getByRole('button', { name: 'Set password and continue' }).click();
      await form.getByText('Choose a new password different from the current one').waitFor();
      expect(new URL(personPage.url()).pathname).toBe('/choose-password');

      await form.getByLabel('New password').fill('Copper-Meadow-Violin-2093!');
      await form.getByRole('button', { name: 'Set password and continue' }).click();
      await personPage.waitForURL((url) => url.pathname === '/usage');
      await personPage.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
      await personPage.goto(`${testApp.url}/keys`);
      await personPage.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
      await screenshot(personPage, `staff-create-user-${label}-after-choosing-password`, { fullPage: false });
      // On a phone the sidebar (with the account's buttons) opens from the menu button.
      if (viewport.width < 800) await personPage.getByRole('button', { name: 'Menu' }).click();
      await personPage.getByRole('button', { name: 'Log out' }).click();
      await personPage.waitForURL(/\/login/);
    } finally {
      await person.close();
    }
    const login = (password: string) => testApp.http().post(AUTH_ROUTES.login).set('x-apilink-csrf', '1').send({ email, password });
    expect((await login('Copper-Meadow-Violin-2093!').expect(200)).body.user.passwordChangeRequired).toBe(false);
    await login(oneTimePassword).expect(401);
  });

  it('lets support reset a signed-in customer\'s password: the open tab is sent to log in, the new one-time password leads to "Choose a new password"', async () => {
    const customer = await TestSession.create(testApp, { withKey: false, password: PASSWORD });
    const support = await TestSession.create(testApp, { role: 'support', withKey: false, password: PASSWORD });
    const person = await launchBrowser({ viewport });
    const staffBrowser = await launchBrowser({ viewport });
    try {
      const personPage = await person.context.newPage();
      personPage.setDefaultTimeout(20_000);
      await logInAt(personPage, testApp.url, customer, '/credits');

      const staffPage = await staffBrowser.context.newPage();
      staffPage.setDefaultTimeout(20_000);
      await logInAt(staffPage, testApp.url, support, `/staff/users/${customer.user.id}`);
      await staffPage.getByRole('button', { name: 'Reset password' }).click();
      const dialog = staffPage.getByTestId('reset-password-dialog');
      await dialog.getByLabel('Reason').fill('Locked out, ticket 88');
      await dialog.getByRole('button', { name: 'Reset password' }).click();
      const secret = dialog.getByTestId('one-time-password');
      await secret.waitFor();
      const oneTimePassword = await secret.inputValue();
      expect(oneTimePassword).toMatch(/^[\w-]{24}$/);
      await expectNoHorizontalOverflow(staffPage, `staff-reset-password-${label}-password`);
      await screenshot(staffPage, `staff-reset-password-${label}-password`, { fullPage: false });
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await staffPage.getByText(oneTimePassword).count()).toBe(0);
      await staffPage.getByTestId('user-summary').getByText('One-time password not yet changed').waitFor();

      // The customer's open tab: its session was revoked, so the next page it opens sends it to log in.
      if (viewport.width < 800) await personPage.getByRole('button', { name: 'Menu' }).click();
      await personPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
      await personPage.waitForURL(/\/login/);
      await personPage.getByText('Your session has ended').waitFor();
      await personPage.getByLabel('Password').fill(PASSWORD);
      await personPage.getByLabel('Email').fill(customer.email);
      await personPage.getByRole('button', { name: 'Log in' }).click();
      await personPage.getByText('Incorrect email or password').waitFor();
      expect(new URL(personPage.url()).pathname).toBe('/login');
      await personPage.getByLabel('Password').fill(oneTimePassword);
      await personPage.getByRole('button', { name: 'Log in' }).click();
      await personPage.waitForURL((url) => url.pathname === '/choose-password');
      await personPage.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    } finally {
      await person.close();
      await staffBrowser.close();
    }
  });

  it('shows support no "Create account" button', async () => {
    const support = await TestSession.create(testApp, { role: 'support', withKey: false, password: PASSWORD });
    // A browser of its own: the admin's session cookie lives in the first one.
    const other = await launchBrowser({ viewport });
    try {
      const supportPage = await other.context.newPage();
      await logInAt(supportPage, testApp.url, support, '/staff/users');
      await supportPage.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      expect(await supportPage.getByRole('button', { name: 'Create account' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
