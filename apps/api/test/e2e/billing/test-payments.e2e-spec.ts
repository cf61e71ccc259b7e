import { ADMIN_ROUTES, BILLING_ROUTES, type InvoiceSummary } from '@apilink/contracts';
import { DataSource } from 'typeorm';
import { billingInvariantViolations } from '../../support/billing-invariants';
import { binaryBody } from '../../support/binary-body';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

const PUBLIC_URL = 'http://gateway.test:8080';

/** Top-ups with the labelled test-payment provider (no STRIPE_SECRET_KEY), invoices and their PDFs. */
describe('top-ups with the test-payment provider, and invoices', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { PUBLIC_URL, TOP_UP_MIN_USD: '5', TOP_UP_MAX_USD: '500' } });
  });
  afterAll(() => testApp?.close());

  const db = () => testApp.app.get(DataSource);

  async function topUp(session: TestSession, amountUsd: string): Promise<string> {
    const checkout = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd }).expect(201);
    await session.api('post', BILLING_ROUTES.completeTestPayment(checkout.body.paymentId)).expect(200);
    return checkout.body.paymentId;
  }

  async function invoicesOf(session: TestSession): Promise<InvoiceSummary[]> {
    return (await session.api('get', BILLING_ROUTES.invoices).expect(200)).body.data;
  }

  it('offers test payments between the configured minimum and maximum', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const options = await session.api('get', BILLING_ROUTES.topUpOptions).expect(200);
    expect(options.body).toEqual({
      provider: 'test',
      testMode: true,
      minimum: { micros: '5000000', usd: '5.000000' },
      maximum: { micros: '500000000', usd: '500.000000' },
      currency: 'USD',
    });
    for (const amountUsd of ['4.99', '500.01', '0', '10.001', 'ten', '-5', '1e3']) {
      const refused = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd }).expect(400);
      expect(refused.body.error.param).toBe('amountUsd');
    }
    await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: 25 }).expect(400);
    expect((await session.api('get', BILLING_ROUTES.payments).expect(200)).body.data).toEqual([]);
  });

  it('credits a completed test payment exactly once and issues one invoice with its PDF', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const checkout = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '25.50' }).expect(201);
    const paymentId = checkout.body.paymentId;
    expect(checkout.body).toEqual({ paymentId, provider: 'test', checkoutUrl: `${PUBLIC_URL}/credits/test-checkout/${paymentId}` });

    const page = await session.api('get', BILLING_ROUTES.testPayment(paymentId)).expect(200);
    expect(page.body).toEqual({
      id: paymentId,
      amount: { micros: '25500000', usd: '25.500000' },
      status: 'pending',
      label: expect.stringMatching(/^TEST PAYMENT: no money is charged/),
    });
    expect((await session.api('get', BILLING_ROUTES.balance).expect(200)).body.balance.micros).toBe('0');

    // The button pressed three times at once (double click, retried request): one credit.
    const completions = await Promise.all([1, 2, 3].map(() => session.api('post', BILLING_ROUTES.completeTestPayment(paymentId))));
    for (const response of completions) expect(response.status).toBe(200);
    expect(completions[0].body).toMatchObject({
      id: paymentId,
      provider: 'test',
      status: 'completed',
      amount: { micros: '25500000' },
      completedAt: expect.any(String),
    });
    expect((await session.api('get', BILLING_ROUTES.balance).expect(200)).body.balance).toEqual({ micros: '25500000', usd: '25.500000' });
    const ledger = await session.api('get', `${BILLING_ROUTES.ledger}?kind=top_up`).expect(200);
    expect(ledger.body).toMatchObject({ total: 1, data: [{ kind: 'top_up', amount: { micros: '25500000' }, paymentId }] });

    const payments = await session.api('get', BILLING_ROUTES.payments).expect(200);
    expect(payments.body.data).toEqual([
      {
        id: paymentId,
        provider: 'test',
        status: 'completed',
        amount: { micros: '25500000', usd: '25.500000' },
        refunded: { micros: '0', usd: '0.000000' },
        disputed: { micros: '0', usd: '0.000000' },
        createdAt: expect.any(String),
        completedAt: expect.any(String),
      },
    ]);
    expect((await session.api('get', BILLING_ROUTES.payment(paymentId)).expect(200)).body.status).toBe('completed');

    const [invoice] = await invoicesOf(session);
    const year = new Date().getUTCFullYear();
    expect(invoice).toEqual({
      id: expect.any(String),
      kind: 'invoice',
      number: expect.stringMatching(new RegExp(`^INV-${year}-\\d{6}$`)),
      issuedAt: expect.any(String),
      amount: { micros: '25500000', usd: '25.500000' },
      currency: 'USD',
      paymentId,
      correctsInvoiceNumber: null,
    });

    const pdf = await session.api('get', BILLING_ROUTES.invoicePdf(invoice.id)).buffer(true).parse(binaryBody).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`(Invoice ${invoice.number})`);
    // Downloads return the stored document: the same bytes every time.
    const again = await session.api('get', BILLING_ROUTES.invoicePdf(invoice.id)).buffer(true).parse(binaryBody).expect(200);
    expect((again.body as Buffer).equals(bytes)).toBe(true);
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it("gives support the same PDF as the customer, only under the invoice's own user", async () => {
    const [owner, other, support] = await Promise.all([
      TestSession.create(testApp, { withKey: false }),
      TestSession.create(testApp, { withKey: false }),
      TestSession.create(testApp, { role: 'support', withKey: false }),
    ]);
    await topUp(owner, '12');
    const [invoice] = await invoicesOf(owner);
    const mine = await owner.api('get', BILLING_ROUTES.invoicePdf(invoice.id)).buffer(true).parse(binaryBody).expect(200);
    const copy = await support.api('get', ADMIN_ROUTES.userInvoicePdf(owner.user.id, invoice.id)).buffer(true).parse(binaryBody).expect(200);
    expect(copy.headers['content-type']).toBe('application/pdf');
    expect(copy.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect((copy.body as Buffer).equals(mine.body as Buffer)).toBe(true);

    await support.api('get', ADMIN_ROUTES.userInvoicePdf(other.user.id, invoice.id)).expect(404);
    await owner.api('get', ADMIN_ROUTES.userInvoicePdf(owner.user.id, invoice.id)).expect(403);
  });

  it('renders the PDF in a queued job after the payment commits', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    await topUp(session, '5');
    const [invoice] = await invoicesOf(session);
    for (let waited = 0; ; waited += 50) {
      const [row] = await db().query('SELECT content_type, length(content) AS size FROM invoice_documents WHERE invoice_id = $1', [
        invoice.id,
      ]);
      if (row) {
        expect(row.content_type).toBe('application/pdf');
        expect(Number(row.size)).toBeGreaterThan(1000);
        break;
      }
      if (waited > 10_000) throw new Error('the PDF job never ran');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('lets only the owner see a test payment or download an invoice (anyone else gets 404)', async () => {
    const owner = await TestSession.create(testApp, { withKey: false });
    const stranger = await TestSession.create(testApp, { withKey: false });
    const paymentId = await topUp(owner, '10');
    const [invoice] = await invoicesOf(owner);

    for (const path of [BILLING_ROUTES.invoicePdf(invoice.id), BILLING_ROUTES.testPayment(paymentId), BILLING_ROUTES.payment(paymentId)]) {
      const denied = await stranger.api('get', path).expect(404);
      expect(denied.body.error).toMatchObject({ code: 'not_found', request_id: expect.any(String) });
    }
    await stranger.api('post', BILLING_ROUTES.completeTestPayment(paymentId)).expect(404);
    await owner.api('get', BILLING_ROUTES.invoicePdf('00000000-0000-4000-8000-000000000000')).expect(404);
    await owner.api('get', BILLING_ROUTES.invoicePdf('not-a-uuid')).expect(404);
    expect(await invoicesOf(stranger)).toEqual([]);
    await testApp.http().get(BILLING_ROUTES.invoicePdf(invoice.id)).expect(401);
  });

  it('cancels a test checkout; a cancelled one can no longer be completed', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    const checkout = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '7' }).expect(201);
    const cancelled = await session.api('post', BILLING_ROUTES.cancelTestPayment(checkout.body.paymentId)).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await session.api('post', BILLING_ROUTES.completeTestPayment(checkout.body.paymentId)).expect(409);
    expect((await session.api('get', BILLING_ROUTES.balance).expect(200)).body.balance.micros).toBe('0');
    expect(await invoicesOf(session)).toEqual([]);
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('prints the billing details of the time of issue; later edits never change an issued invoice', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    await session
      .api('put', BILLING_ROUTES.details)
      .send({ company: 'Acme GmbH', addressLine1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE', vatId: 'DE999999999' })
      .expect(200);
    await topUp(session, '20');
    await session
      .api('put', BILLING_ROUTES.details)
      .send({ company: 'Acme Holding AG', country: 'CH', vatId: 'CHE-123.456.789' })
      .expect(200);
    await topUp(session, '30');

    const rows: { display_number: string; buyer: Record<string, unknown>; seller: Record<string, unknown>; amount_micros: string }[] =
      await db().query('SELECT display_number, buyer, seller, amount_micros FROM invoices WHERE user_id = $1 ORDER BY number', [
        session.user.id,
      ]);
    expect(rows.map((row) => [row.amount_micros, row.buyer.company, row.buyer.vatId, row.buyer.country])).toEqual([
      ['20000000', 'Acme GmbH', 'DE999999999', 'DE'],
      ['30000000', 'Acme Holding AG', 'CHE-123.456.789', 'CH'],
    ]);
    expect(rows[0].buyer).toMatchObject({ email: session.email, addressLines: ['Hauptstr. 1', '10115 Berlin'] });
    expect(rows[0].seller).toMatchObject({ name: 'ApiLink' });
    const numbers = rows.map((row) => Number(row.display_number.slice(-6)));
    expect(numbers[1]).toBeGreaterThan(numbers[0]);
  });

  it('refuses to change or delete an issued invoice, its PDF or a ledger entry', async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    await topUp(session, '5');
    const [invoice] = await invoicesOf(session);
    await session.api('get', BILLING_ROUTES.invoicePdf(invoice.id)).expect(200);
    const attempts = [
      [`UPDATE invoices SET amount_micros = 1 WHERE id = $1`, invoice.id],
      [`DELETE FROM invoices WHERE id = $1`, invoice.id],
      [`UPDATE invoice_documents SET content = 'x' WHERE invoice_id = $1`, invoice.id],
      [`UPDATE credit_ledger_entries SET balance_delta_micros = 0 WHERE user_id = $1`, session.user.id],
      [`DELETE FROM credit_ledger_entries WHERE user_id = $1`, session.user.id],
    ];
    for (const [sql, id] of attempts) {
      await expect(db().query(sql, [id])).rejects.toThrow(/append-only/);
    }
    expect(await billingInvariantViolations({ userIds: [session.user.id] })).toEqual([]);
  });

  it('numbers invoices without gaps or duplicates when many payments complete at once', async () => {
    const sessions = await Promise.all(Array.from({ length: 12 }, () => TestSession.create(testApp, { withKey: false })));
    const checkouts = await Promise.all(
      sessions.map((session) => session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '5' }).expect(201)),
    );
    await Promise.all(
      checkouts.map((checkout, i) => sessions[i].api('post', BILLING_ROUTES.completeTestPayment(checkout.body.paymentId)).expect(200)),
    );
    const numbers = (await Promise.all(sessions.map(invoicesOf))).map(([invoice]) => invoice.number);
    expect(new Set(numbers).size).toBe(12);
    // The series as a whole (every test's invoices) stays contiguous from 1: checked by I7.
    expect(await billingInvariantViolations()).toEqual([]);
  });

  it('has no payment provider when Stripe is not configured and test payments are off', async () => {
    const closed = await startTestApp({ env: { TEST_PAYMENTS_ENABLED: 'false' } });
    try {
      const session = await TestSession.create(closed, { withKey: false });
      expect((await session.api('get', BILLING_ROUTES.topUpOptions).expect(200)).body).toMatchObject({ provider: null, testMode: false });
      const refused = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '10' }).expect(503);
      expect(refused.body.error.code).toBe('payments_unavailable');
    } finally {
      await closed.close();
    }
  });
});

