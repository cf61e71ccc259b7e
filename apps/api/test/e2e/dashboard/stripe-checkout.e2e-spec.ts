/**
 * Recharging with Stripe Checkout in real Chromium: the dashboard sends the browser to Stripe,
 * Stripe sends it back, and the return page waits for the signed webhook before it says the
 * money arrived. Stripe's API is a local fake; Stripe's checkout page is intercepted.
 */
import { randomUUID } from 'node:crypto';
import { BILLING_ROUTES } from '@apilink/contracts';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { FakeStripe, type FakeCheckoutSession } from '../../support/fake-stripe/fake-stripe.server';
import { checkoutCompleted, signed } from '../../support/fake-stripe/stripe-events';
import { startTestApp, type TestApp } from '../../support/test-app';

jest.setTimeout(90_000);

const WEBHOOK_SECRET = `whsec_${randomUUID().replace(/-/g, '')}`;
// Stripe's return URLs are built from PUBLIC_URL; the test app listens on a random port instead.
const PUBLIC_URL = 'http://dashboard.apilink.test';

describe('Stripe Checkout from the dashboard', () => {
  let stripe: FakeStripe;
  let testApp: TestApp;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    const distDir = await ensureDashboardBuilt();
    stripe = new FakeStripe();
    await stripe.start();
    testApp = await startTestApp({
      env: {
        DASHBOARD_DIST_DIR: distDir,
        PUBLIC_URL,
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
      },
    });
    browser = await launchBrowser();
    await browser.context.route('https://checkout.stripe.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Stripe Checkout</title><h1>Stripe Checkout (intercepted)</h1>',
      }),
    );
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await stripe?.stop();
  });

  /** Where Stripe would send the browser back, on the test app's real address. */
  const onTestApp = (url: string) => url.replace(PUBLIC_URL, testApp.url);

  async function startCheckout(amount: string): Promise<FakeCheckoutSession> {
    await page.goto(`${testApp.url}/credits`);
    await page.getByLabel('Amount (USD)').fill(amount);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    return stripe.sessions.get(sessionId)!;
  }

  it('redirects to Stripe, then confirms the top-up once the webhook lands', async () => {
    await page.goto(`${testApp.url}/signup`);
    await page.getByLabel('Email').fill(`stripe-${randomUUID()}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    await page.goto(`${testApp.url}/credits`);
    await page.getByRole('button', { name: 'Continue to payment' }).waitFor();
    expect(await page.getByText('Test payments', { exact: true }).count()).toBe(0);
    await screenshot(page, 'desktop-stripe-01-credits');

    const session = await startCheckout('40');
    expect(session.amount_total).toBe(4000);

    // Back from Stripe before the webhook: the page says it is confirming, and waits.
    await page.goto(onTestApp(session.success_url));
    await page.getByText('Confirming your payment…').waitFor();
    expect(await page.getByTestId('credits-balance').textContent()).toBe('$0.00');
    await screenshot(page, 'desktop-stripe-02-confirming');

    const { body, signature } = signed(checkoutCompleted(session), WEBHOOK_SECRET);
    await testApp
      .http()
      .post(BILLING_ROUTES.stripeWebhook)
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signature)
      .send(body)
      .expect(200);

    await page.getByText('Payment received').waitFor();
    await page.getByText('$40.00 was added to your balance.', { exact: false }).waitFor();
    await page.getByTestId('credits-balance').getByText('$40.00').waitFor();
    await page.getByTestId('payments-table').getByText('Card (Stripe)').waitFor();
    await screenshot(page, 'desktop-stripe-03-received');
  });

  it('says nothing was charged when the customer cancels on Stripe', async () => {
    const session = await startCheckout('15');
    await page.goto(onTestApp(session.cancel_url));
    await page.getByText('Payment cancelled').waitFor();
    await page.getByText('No money was taken and your balance is unchanged.', { exact: false }).waitFor();
    await page.getByTestId('credits-balance').getByText('$40.00').waitFor();
    await screenshot(page, 'desktop-stripe-04-cancelled');
  });
});
