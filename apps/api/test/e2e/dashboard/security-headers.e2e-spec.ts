/**
 * The dashboard under its Content-Security-Policy in real Chromium: every page renders, sign-up
 * shows why a weak password was refused, sign-in works, and the browser reports no violation.
 */
import { randomUUID } from 'node:crypto';
import { ADMIN_ROUTES } from '@apilink/contracts';
import type { ConsoleMessage, Page } from 'playwright-core';
import { ensureDashboardBuilt, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { logInAt } from './admin-helpers';

jest.setTimeout(120_000);

/** Visits every link of a navigation in turn, waiting for each page's heading. */
async function walkNavigation(page: Page, navigation: string): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: navigation });
  await nav.getByRole('link').first().waitFor();
  const names = (await nav.getByRole('link').allTextContents()).map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }
  return names;
}

describe('security headers and the CSP in Chromium', () => {
  let testApp: TestApp;
  let browser: BrowserSession;
  let page: Page;
  const violations: string[] = [];
  const watch = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  };

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    testApp = await startTestApp({ env: { DASHBOARD_DIST_DIR: distDir } });
    browser = await launchBrowser();
    browser.context.on('console', watch);
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('sends the CSP, frame-ancestors, nosniff and referrer headers on the dashboard and /api', async () => {
    for (const path of ['/', '/login', '/api/auth/me', '/api/nothing-here']) {
      const response = await testApp.http().get(path);
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('signs up (explaining a weak password), renders every page, signs in again, with no CSP violation', async () => {
    const email = `csp-${randomUUID()}@example.com`;
    await page.goto(`${testApp.url}/signup`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('password1234');
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Could not create the account').waitFor();
    expect(await alert.textContent()).toMatch(/too easy to guess.*commonly used password/);
    await screenshot(page, 'desktop-csp-weak-password');

    await page.getByLabel('Password').fill('violet tractor under moonlight');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
    expect(await walkNavigation(page, 'Main')).toEqual(expect.arrayContaining(['Overview', 'API keys', 'Credits', 'Usage']));

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('violet tractor under moonlight');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByTestId('current-user').waitFor();
    expect(violations).toEqual([]);
  });

  it('renders the staff pages, and the staff API docs (whose page alone allows inline styles), with no violation', async () => {
    const admin = await TestSession.create(testApp, { role: 'admin', withKey: false });
    await browser.context.clearCookies();
    const staff = await browser.context.newPage();
    await logInAt(staff, testApp.url, admin, '/staff/users');
    expect((await walkNavigation(staff, 'Staff')).length).toBeGreaterThanOrEqual(4);
    await staff.goto(`${testApp.url}${ADMIN_ROUTES.docs}`);
    await staff.locator('.swagger-ui .info').waitFor();
    await screenshot(staff, 'desktop-csp-staff-api-docs');
    expect(violations).toEqual([]);
  });
});
