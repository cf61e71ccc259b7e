/**
 * The gateway's Prometheus series. Labels are bounded and never carry secrets or prompt text:
 * `model` is always an active catalog id (or "unknown"), `provider` an upstream account id.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ChildCache } from './child-cache';
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
  private readonly requestSeries = new ChildCache((model, provider, status, outcome) =>
    this.requests.labels(model, provider, status, outcome),
  );
  private readonly durationSeries = new ChildCache((model, provider, stream) => this.duration.labels(model, provider, stream));
  private readonly ttftSeries = new ChildCache((model, provider) => this.ttft.labels(model, provider));
  private readonly tokenSeries = new ChildCache((model, provider, kind) => this.tokens.labels(model, provider, kind));
  private readonly costSeries = new ChildCache((model, provider) => this.cost.labels(model, provider));

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
    this.requestSeries.get(model, provider, String(request.status), request.outcome).inc();
    this.durationSeries.get(model, provider, String(request.stream)).observe(request.durationMs / 1000);
    if (request.stream && request.ttftMs !== null) this.ttftSeries.get(model, provider).observe(request.ttftMs / 1000);
    if (request.promptTokens) this.tokenSeries.get(model, provider, 'prompt').inc(request.promptTokens);
    if (request.completionTokens) this.tokenSeries.get(model, provider, 'completion').inc(request.completionTokens);
    if (request.cachedTokens) this.tokenSeries.get(model, provider, 'cached').inc(request.cachedTokens);
    if (request.costMicros > 0n) this.costSeries.get(model, provider).inc(Number(request.costMicros) / 1_000_000);
  }

  /** A request answered without calling any upstream (404, 400, 402...). */
  requestRejected(model: string, status: number, durationMs: number, stream: boolean): void {
    this.requestSeries.get(model, 'none', String(status), 'rejected').inc();
    this.durationSeries.get(model, 'none', String(stream)).observe(durationMs / 1000);
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
