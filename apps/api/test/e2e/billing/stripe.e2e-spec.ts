import { BILLING_ROUTES } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { FakeStripe, type FakeCheckoutSession } from '../../support/fake-stripe/fake-stripe.server';
import {
  chargeRefunded,
  checkoutCompleted,
  checkoutExpired,
  disputeClosed,
  signed,
  type StripeEventJson,
} from '../../support/fake-stripe/stripe-events';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';
import { billingOf, rejectionOf, reserveRequest, usage } from './billing-test-kit';

const WEBHOOK_SECRET = 'whsec_e2e_0123456789abcdef';
const PUBLIC_URL = 'https://gateway.example.com';

/** Stripe Checkout top-ups against a local fake of the Stripe API, with signed webhook deliveries. */
describe('Stripe top-ups and webhooks', () => {
  let stripe: FakeStripe;
  let testApp: TestApp;
  beforeAll(async () => {
    stripe = new FakeStripe();
    await stripe.start();
    testApp = await startTestApp({
      env: {
        PUBLIC_URL,
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
        TOP_UP_MAX_USD: '2000',
      },
    });
  });
  afterAll(async () => {
    await testApp?.close();
    await stripe?.stop();
  });

  function deliver(event: StripeEventJson, options: { secret?: string; timestamp?: number } = {}) {
    const { body, signature } = signed(event, options.secret ?? WEBHOOK_SECRET, options.timestamp);
    return testApp
      .http()
      .post(BILLING_ROUTES.stripeWebhook)
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signature)
      .send(body);
  }

  async function checkout(session: TestSession, amountUsd: string): Promise<{ paymentId: string; stripeSession: FakeCheckoutSession }> {
    const response = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd }).expect(201);
    const stripeSession = [...stripe.sessions.values()].find((s) => s.client_reference_id === response.body.paymentId)!;
    expect(response.body).toEqual({ paymentId: response.body.paymentId, provider: 'stripe', checkoutUrl: stripeSession.url });
    return { paymentId: response.body.paymentId, stripeSession };
  }

  const balanceOf = async (session: TestSession) => (await session.api('get', BILLING_ROUTES.balance).expect(200)).body.balance.micros;

  it('opens a Checkout Session in USD for the amount, returning to the credits page', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    expect((await session.api('get', BILLING_ROUTES.topUpOptions).expect(200)).body).toMatchObject({ provider: 'stripe', testMode: false });
    const { paymentId, stripeSession } = await checkout(session, '42.50');
    const sent = stripe.requests.find((request) => request.method === 'POST' && request.form.client_reference_id === paymentId)!;
    expect(sent.form).toMatchObject({
      mode: 'payment',
      customer_email: session.email,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '4250',
      'metadata[apilink_payment_id]': paymentId,
      'payment_intent_data[metadata][apilink_payment_id]': paymentId,
      success_url: `${PUBLIC_URL}/credits?payment=success&payment_id=${paymentId}`,
      cancel_url: `${PUBLIC_URL}/credits?payment=cancelled&payment_id=${paymentId}`,
    });
    expect(sent.headers['idempotency-key']).toBe(`checkout-${paymentId}`);
    expect(stripeSession.amount_total).toBe(4250);
    const [payment] = (await session.api('get', BILLING_ROUTES.payments).expect(200)).body.data;
    expect(payment).toMatchObject({ id: paymentId, provider: 'stripe', status: 'pending', amount: { micros: '42500000' } });
    expect(await balanceOf(session)).toBe('0');
  });

  it('answers 502 and marks the payment failed when Stripe refuses to open a session', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    stripe.failWith = 500;
    try {
      const refused = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '10' }).expect(502);
      expect(refused.body.error.code).toBe('payments_unavailable');
    } finally {
      stripe.failWith = null;
    }
    expect((await session.api('get', BILLING_ROUTES.payments).expect(200)).body.data).toMatchObject([{ status: 'failed' }]);
  });

  it('rejects deliveries with a wrong, missing or stale signature and credits nothing', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const { stripeSession } = await checkout(session, '10');
    const event = checkoutCompleted(stripeSession);
    const wrong = await deliver(event, { secret: 'whsec_someone_else' }).expect(400);
    expect(wrong.body.error.code).toBe('invalid_signature');
    // Signed more than 300 s ago: a replay.
    await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }).expect(400);
    await testApp.http().post(BILLING_ROUTES.stripeWebhook).set('Content-Type', 'application/json').send(JSON.stringify(event)).expect(400);
    // The signature covers the exact bytes: re-serialised JSON with the same content fails.
    const { body, signature } = signed(event, WEBHOOK_SECRET);
    await testApp
      .http()
      .post(BILLING_ROUTES.stripeWebhook)
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signature)
      .send(JSON.stringify(JSON.parse(body), null, 2))
      .expect(400);
    expect(await balanceOf(session)).toBe('0');
  });

  it('credits once for duplicated, concurrent and reordered deliveries of a paid session', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const { paymentId, stripeSession } = await checkout(session, '100');
    const completed = checkoutCompleted(stripeSession);

    const concurrent = await Promise.all([1, 2, 3, 4].map(() => deliver(completed)));
    expect(concurrent.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(concurrent.map((response) => response.body.outcome).sort()).toEqual(['credited', 'duplicate', 'duplicate', 'duplicate']);
    // A redelivery days later, and the async-payment event for the same session: still one credit.
    expect((await deliver(completed).expect(200)).body).toEqual({ received: true, outcome: 'duplicate' });
    const asyncSucceeded = checkoutCompleted(stripeSession, { type: 'checkout.session.async_payment_succeeded' });
    expect((await deliver(asyncSucceeded).expect(200)).body.outcome).toBe('already_credited');

    expect(await balanceOf(session)).toBe('100000000');
    const [payment] = (await session.api('get', BILLING_ROUTES.payments).expect(200)).body.data;
    expect(payment).toMatchObject({ id: paymentId, status: 'completed' });
    const invoices = (await session.api('get', BILLING_ROUTES.invoices).expect(200)).body.data;
    expect(invoices).toMatchObject([{ kind: 'invoice', amount: { micros: '100000000' }, paymentId }]);
    const [{ count }] = await testApp.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM payment_provider_events WHERE event_id = $1`, [completed.id]);
    expect(count).toBe(1);
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('credits a delayed payment only when it succeeds, whichever event comes first', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const { stripeSession } = await checkout(session, '15');
    // async_payment_succeeded overtakes completed(unpaid): credited once, the late one is a no-op.
    expect(
      (await deliver(checkoutCompleted(stripeSession, { type: 'checkout.session.async_payment_succeeded' })).expect(200)).body.outcome,
    ).toBe('credited');
    expect((await deliver(checkoutCompleted(stripeSession, { paid: false })).expect(200)).body.outcome).toBe('awaiting_payment');
    expect(await balanceOf(session)).toBe('15000000');

    const other = await TestSession.create(testApp, { withKey: false });
    const pending = await checkout(other, '20');
    expect((await deliver(checkoutCompleted(pending.stripeSession, { paid: false })).expect(200)).body.outcome).toBe('awaiting_payment');
    expect(await balanceOf(other)).toBe('0');
    expect((await deliver(checkoutExpired(pending.stripeSession)).expect(200)).body.outcome).toBe('expired');
    expect((await other.api('get', BILLING_ROUTES.payment(pending.paymentId)).expect(200)).body.status).toBe('expired');
    expect(await billingInvariantViolations({ userIds: [session.user.id, other.user.id] })).toEqual([]);
  });

  it('debits refunds by the running total Stripe reports, once each, with credit notes', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const { paymentId, stripeSession } = await checkout(session, '50');
    await deliver(checkoutCompleted(stripeSession)).expect(200);

    const partial = chargeRefunded(stripeSession, 1_000); // $10 refunded so far
    const full = chargeRefunded(stripeSession, 3_000); // $30 refunded so far
    // Out of order and duplicated: the running total makes both orders end at $30 refunded.
    expect((await deliver(full).expect(200)).body.outcome).toBe('debited');
    expect((await deliver(partial).expect(200)).body.outcome).toBe('already_debited');
    expect((await deliver(full).expect(200)).body.outcome).toBe('duplicate');
    expect(await balanceOf(session)).toBe('20000000');

    const [payment] = (await session.api('get', BILLING_ROUTES.payments).expect(200)).body.data;
    expect(payment).toMatchObject({ id: paymentId, refunded: { micros: '30000000' }, status: 'completed' });
    const invoices = (await session.api('get', BILLING_ROUTES.invoices).expect(200)).body.data;
    const invoice = invoices.find((entry: { kind: string }) => entry.kind === 'invoice');
    expect(invoices.filter((entry: { kind: string }) => entry.kind === 'credit_note')).toEqual([
      expect.objectContaining({
        number: expect.stringMatching(/^CN-\d{4}-\d{6}$/),
        amount: { micros: '30000000', usd: '30.000000' },
        correctsInvoiceNumber: invoice.number,
      }),
    ]);
    const ledger = (await session.api('get', `${BILLING_ROUTES.ledger}?kind=refund`).expect(200)).body;
    expect(ledger).toMatchObject({ total: 1, data: [{ amount: { micros: '-30000000' }, paymentId }] });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('records a refund of credits already spent, leaving a negative balance that blocks new holds', async () => {
    const session = await TestSession.create(testApp);
    const { stripeSession } = await checkout(session, '10');
    await deliver(checkoutCompleted(stripeSession)).expect(200);
    // $8 spent through the request path, then Stripe refunds the whole $10: money that has left.
    const hold = await billingOf(testApp).reserve(reserveRequest(session, 8_000_000n));
    await billingOf(testApp).capture(hold, usage(8_000_000n));
    expect((await deliver(chargeRefunded(stripeSession, 1_000)).expect(200)).body.outcome).toBe('debited');
    expect(await balanceOf(session)).toBe('-8000000');
    expect(await rejectionOf(billingOf(testApp).reserve(reserveRequest(session, 1n)))).toMatchObject({ status: 402 });
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('asks Stripe to redeliver a refund that overtakes its payment, then debits it after the credit', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const { stripeSession } = await checkout(session, '25');
    const refund = chargeRefunded(stripeSession, 500);
    // Not known by PaymentIntent yet: found through the Checkout Session, which is still unpaid here.
    expect((await deliver(refund).expect(409)).body.error.code).toBe('conflict');
    await deliver(checkoutCompleted(stripeSession)).expect(200);
    expect((await deliver(refund).expect(200)).body.outcome).toBe('debited');
    expect(await balanceOf(session)).toBe('20000000');
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('debits a lost dispute once, ignores a won one and events for payments that are not ours', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const { paymentId, stripeSession } = await checkout(session, '40');
    await deliver(checkoutCompleted(stripeSession)).expect(200);

    expect((await deliver(disputeClosed(stripeSession, 4_000, 'won')).expect(200)).body.outcome).toBe('dispute_won');
    const lost = disputeClosed(stripeSession, 4_000, 'lost', 'dp_lost_1');
    expect((await deliver(lost).expect(200)).body.outcome).toBe('debited');
    // The same dispute reported again under another event id: not debited twice.
    expect((await deliver(disputeClosed(stripeSession, 4_000, 'lost', 'dp_lost_1')).expect(200)).body.outcome).toBe('already_debited');
    expect(await balanceOf(session)).toBe('0');
    const [payment] = (await session.api('get', BILLING_ROUTES.payments).expect(200)).body.data;
    expect(payment).toMatchObject({ id: paymentId, disputed: { micros: '40000000' } });
    expect(
      (await session.api('get', BILLING_ROUTES.invoices).expect(200)).body.data.map((entry: { kind: string }) => entry.kind).sort(),
    ).toEqual(['credit_note', 'invoice']);

    const foreign = {
      ...stripeSession,
      id: 'cs_test_foreign',
      client_reference_id: null,
      metadata: {},
      payment_intent: 'pi_test_not_ours',
    };
    expect((await deliver(checkoutCompleted(foreign)).expect(200)).body.outcome).toBe('unknown_payment');
    expect((await deliver(chargeRefunded(foreign, 100)).expect(200)).body.outcome).toBe('unknown_payment');
    expect((await deliver({ ...checkoutCompleted(stripeSession), type: 'customer.created' }).expect(200)).body.outcome).toBe('ignored');
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });
});
