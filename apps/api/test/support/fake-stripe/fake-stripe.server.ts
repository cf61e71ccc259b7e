/**
 * A local stand-in for the few Stripe API endpoints ApiLink calls (create and list Checkout
 * Sessions), so tests point stripe-node at it (STRIPE_API_URL) and assert what was sent.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  /** Form fields as sent, flat (`line_items[0][price_data][unit_amount]`). */
  form: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  currency: string;
  amount_total: number;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string;
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  cancel_url: string;
}

export class FakeStripe {
  readonly requests: RecordedStripeRequest[] = [];
  readonly sessions = new Map<string, FakeCheckoutSession>();
  /** Makes the next session creations fail with this HTTP status (Stripe outage). */
  failWith: number | null = null;
  private server: http.Server | null = null;
  url = '';

  constructor(readonly secretKey = `sk_test_fake${randomBytes(8).toString('hex')}`) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += chunk;
    const url = new URL(request.url ?? '/', 'http://fake');
    const form = Object.fromEntries(new URLSearchParams(request.method === 'GET' ? url.search : body));
    this.requests.push({ method: request.method ?? '', path: url.pathname, form, headers: request.headers });
    const reply = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${this.requests.length}` });
      response.end(JSON.stringify(json));
    };
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      if (this.failWith) return reply(this.failWith, { error: { type: 'api_error', message: 'Stripe is down (fake)' } });
      return reply(200, this.createSession(form));
    }
    if (request.method === 'GET' && url.pathname === '/v1/checkout/sessions') {
      const intent = form.payment_intent;
      const data = [...this.sessions.values()].filter((session) => !intent || session.payment_intent === intent);
      return reply(200, { object: 'list', url: '/v1/checkout/sessions', has_more: false, data: data.slice(0, Number(form.limit ?? 10)) });
    }
    reply(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${url.pathname})` } });
  }

  private createSession(form: Record<string, string>): FakeCheckoutSession {
    const id = `cs_test_${randomBytes(12).toString('hex')}`;
    const metadata = Object.fromEntries(
      Object.entries(form)
        .filter(([key]) => key.startsWith('metadata['))
        .map(([key, value]) => [key.slice('metadata['.length, -1), value]),
    );
    const quantity = Number(form['line_items[0][quantity]'] ?? 1);
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      url: `https://checkout.stripe.com/c/pay/${id}`,
      mode: form.mode,
      currency: form['line_items[0][price_data][currency]'],
      amount_total: Number(form['line_items[0][price_data][unit_amount]']) * quantity,
      client_reference_id: form.client_reference_id ?? null,
      metadata,
      payment_intent: `pi_test_${randomBytes(12).toString('hex')}`,
      payment_status: 'unpaid',
      status: 'open',
      success_url: form.success_url,
      cancel_url: form.cancel_url,
    };
    this.sessions.set(id, session);
    return session;
  }
}
