/** Browser steps shared by the staff pages' end-to-end tests (admin-*.e2e-spec.ts). */
import type { Page } from 'playwright-core';
import { screenshot } from '../../support/browser';
import type { TestSession } from '../../support/test-session';

/** Opens `path`, is sent to log in, logs in as the session's user and lands back on `path`. */
export async function logInAt(page: Page, baseUrl: string, session: TestSession, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(session.email);
  await page.getByLabel('Password').fill(session.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Follows a link of the Staff navigation and waits for the page (routes load on demand). */
export async function openStaffPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** When a step fails, the page as it was is the fastest way to see why. */
export async function failureScreenshot(target: Page, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await screenshot(target, `admin-failed-${name}`).catch(() => undefined);
    throw error;
  }
}

/**
 * A staff page on a 375 px phone: every control has a name a screen reader can say, nothing is
 * wider than the screen (tables scroll or stack inside their own box), and a screenshot to look at.
 */
export async function checkPhonePage(phone: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await phone.locator('main h1').first().waitFor();
  await phone
    .locator('.state--loading')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  // Saved first, so a failing check below has its picture.
  await screenshot(phone, `admin-mobile-${name}`, options);
  // Evaluated in the page (strings: this file is compiled without the DOM types).
  const unlabelled = await phone.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
    .map((el) => el.outerHTML)`);
  expect({ page: name, unlabelled }).toEqual({ page: name, unlabelled: [] });
  await expectNoHorizontalOverflow(phone, name);
}

/** Nothing on the page is wider than the window, so it never scrolls sideways; `name` says which page failed. */
export async function expectNoHorizontalOverflow(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect({ page: name, overflow }).toEqual({ page: name, overflow: 0 });
}

/** `$1,234.567890` → micro-USD, exactly (no float on the way). */
export function usdTextToMicros(text: string | null): bigint {
  const match = /(-?)\$([\d,]+)(?:\.(\d{1,6}))?/.exec(text ?? '');
  if (!match) throw new Error(`Not a dollar amount: ${text}`);
  const micros = BigInt(match[2].replace(/,/g, '')) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  return match[1] ? -micros : micros;
}
