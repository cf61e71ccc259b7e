/**
 * The gateway's Prometheus series. Labels are bounded and never carry secrets or prompt text:
 * `model` is always an active catalog id (or "unknown"), `provider` an upstream account id.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.registry';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface CompletedRequest {
  model: string;
  /** The upstream account that answered; "none" when none did. */
  provider: string;
  /** HTTP status the client got (200 for a stream that ended with an in-band error). */
  status: number;
  /** success | client_closed | upstream_error | timeout | error | rejected */
  outcome: string;
  stream: boolean;
  durationMs: number;
  /** Null when no token reached the client. */
  ttftMs: number | null;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  costMicros: bigint;
}

@Injectable()
export class GatewayMetrics {
  private readonly requests: Counter<'model' | 'provider' | 'status' | 'outcome'>;
  private readonly duration: Histogram<'model' | 'provider' | 'stream'>;
  private readonly ttft: Histogram<'model' | 'provider'>;
  private readonly upstreamErrors: Counter<'provider' | 'reason'>;
  private readonly failovers: Counter<'model' | 'provider'>;
  private readonly tokens: Counter<'model' | 'provider' | 'kind'>;
  private readonly cost: Counter<'model' | 'provider'>;
  private readonly circuitOpen: Gauge<'provider'>;

  constructor(@Inject(METRICS_REGISTRY) readonly registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({
      name: 'apilink_requests_total',
      help: 'Chat completion requests by model, answering upstream, HTTP status and outcome',
      labelNames: ['model', 'provider', 'status', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'apilink_request_duration_seconds',
      help: 'Chat completion latency, arrival to last byte',
      labelNames: ['model', 'provider', 'stream'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.ttft = new Histogram({
      name: 'apilink_time_to_first_token_seconds',
      help: 'Streaming requests: arrival to the first token written to the client',
      labelNames: ['model', 'provider'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.upstreamErrors = new Counter({
      name: 'apilink_upstream_errors_total',
      help: 'Failed upstream attempts by upstream account and reason',
      labelNames: ['provider', 'reason'],
      registers,
    });
    this.failovers = new Counter({
      name: 'apilink_upstream_failovers_total',
      help: 'Requests moved to the next upstream after the named one failed',
      labelNames: ['model', 'provider'],
      registers,
    });
    this.tokens = new Counter({
      name: 'apilink_tokens_total',
      help: 'Tokens billed, by kind (prompt, completion, cached)',
      labelNames: ['model', 'provider', 'kind'],
      registers,
    });
    this.cost = new Counter({
      name: 'apilink_cost_usd_total',
      help: 'Cost charged to customers in USD (the ledger is the record; this is for dashboards)',
      labelNames: ['model', 'provider'],
      registers,
    });
    this.circuitOpen = new Gauge({
      name: 'apilink_upstream_circuit_open',
      help: '1 while an upstream circuit breaker is open (the upstream is tried last)',
      labelNames: ['provider'],
      registers,
    });
  }

  requestCompleted(request: CompletedRequest): void {
    const { model, provider } = request;
    this.requests.inc({ model, provider, status: String(request.status), outcome: request.outcome });
    this.duration.observe({ model, provider, stream: String(request.stream) }, request.durationMs / 1000);
    if (request.stream && request.ttftMs !== null) this.ttft.observe({ model, provider }, request.ttftMs / 1000);
    if (request.promptTokens) this.tokens.inc({ model, provider, kind: 'prompt' }, request.promptTokens);
    if (request.completionTokens) this.tokens.inc({ model, provider, kind: 'completion' }, request.completionTokens);
    if (request.cachedTokens) this.tokens.inc({ model, provider, kind: 'cached' }, request.cachedTokens);
    if (request.costMicros > 0n) this.cost.inc({ model, provider }, Number(request.costMicros) / 1_000_000);
  }

  /** A request answered without calling any upstream (404, 400, 402...). */
  requestRejected(model: string, status: number, durationMs: number, stream: boolean): void {
    this.requests.inc({ model, provider: 'none', status: String(status), outcome: 'rejected' });
    this.duration.observe({ model, provider: 'none', stream: String(stream) }, durationMs / 1000);
  }

  upstreamFailed(provider: string, reason: string): void {
    this.upstreamErrors.inc({ provider, reason });
  }

  failedOver(model: string, provider: string): void {
    this.failovers.inc({ model, provider });
  }

  circuitChanged(provider: string, open: boolean): void {
    this.circuitOpen.set({ provider }, open ? 1 : 0);
  }
}
