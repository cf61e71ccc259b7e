// The mock upstream server: plain node:http, records every request, applies scripted replies and faults, and
// delegates every byte of the wire format to the protocol adapter.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultSchedule } from './fault-schedule';
import { writeFrames } from './frame-writer';
import { AnthropicProtocol } from './protocols/anthropic.protocol';
import { GeminiProtocol } from './protocols/gemini.protocol';
import { OpenAiProtocol } from './protocols/openai.protocol';
import type { EmbeddingsRoute, GenerateRoute, HttpReply, ProtocolAdapter, RenderContext } from './protocols/protocol-adapter';
import { DEFAULT_CHUNKS, buildReplyPlan } from './reply-plan';
import type { MockFault, MockOpenAiServer, MockProtocol, MockUpstreamOptions, RecordedRequest, ScriptedReply } from './types';

export const DEFAULT_MOCK_API_KEY = 'mock-upstream-key';
const DEFAULT_MAX_RECORDED = 10_000;

function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '/v1').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

function createAdapter(protocol: MockProtocol, basePath: string, openAiServer: MockOpenAiServer): ProtocolAdapter {
  switch (protocol) {
    case 'openai':
      return new OpenAiProtocol(basePath, openAiServer);
    case 'anthropic':
      return new AnthropicProtocol();
    case 'gemini':
      return new GeminiProtocol();
    default:
      throw new Error(`unknown mock protocol: ${String(protocol)}`);
  }
}

/** A garbled copy of a response: the first frame cut in half, then a line that is not JSON, and no terminator. */
function corruptFrames(frames: readonly string[]): string[] {
  const first = frames[0] ?? '';
  return [`${first.slice(0, Math.ceil(first.length / 2))}\n\n`, 'data: {"this is": not json\n\n', '\u0000\u00ff garbage \n\n'];
}

export class MockUpstream {
  readonly protocol: MockProtocol;
  readonly apiKey: string;
  readonly host: string;
  readonly port: number;
  /** Origin, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** What to configure the gateway with: OpenAI's includes the base path (like OPENAI_BASE_URL), the others are the origin. */
  readonly url: string;
  readonly basePath: string;

  private readonly faults = new FaultSchedule();
  private readonly replies: ScriptedReply[] = [];
  private readonly recorded: RecordedRequest[] = [];
  private readonly droppedByMock = new WeakSet<RecordedRequest>();
  private readonly hanging = new Map<ServerResponse, RecordedRequest>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly abortWaiters = new Set<(request: RecordedRequest) => void>();
  private readonly arrivalWaiters = new Set<() => void>();
  private received = 0;
  private seq = 0;

  private constructor(
    private readonly server: Server,
    private readonly adapter: ProtocolAdapter,
    private readonly options: Required<Pick<MockUpstreamOptions, 'chunks' | 'maxRecordedRequests'>> & { models?: string[] },
    address: AddressInfo,
    protocol: MockProtocol,
    apiKey: string,
    basePath: string,
  ) {
    this.protocol = protocol;
    this.apiKey = apiKey;
    this.host = address.address;
    this.port = address.port;
    this.origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    this.basePath = basePath;
    this.url = protocol === 'openai' ? `${this.origin}${basePath}` : this.origin;
  }

  static async start(options: MockUpstreamOptions): Promise<MockUpstream> {
    const basePath = normaliseBasePath(options.basePath);
    const adapter = createAdapter(options.protocol, basePath, options.openAiServer ?? 'openai');
    const chunks = options.chunks ?? DEFAULT_CHUNKS;
    if (!Number.isInteger(chunks) || chunks < 1) throw new RangeError(`chunks must be a positive integer, got ${chunks}`);
    // Clients pool connections: keep idle sockets longer than their own keep-alive so the server is never the one
    // racing to close a socket a client is about to reuse. No request timeout, or the hang fault would end.
    const ready: { mock?: MockUpstream } = {};
    const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0, headersTimeout: 70_000 }, (req, res) => {
      if (ready.mock) ready.mock.onRequest(req, res);
      else res.destroy();
    });
    server.on('clientError', (_err, socket: Socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    ready.mock = new MockUpstream(
      server,
      adapter,
      { chunks, maxRecordedRequests: options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED, models: options.models },
      server.address() as AddressInfo,
      options.protocol,
      options.apiKey ?? DEFAULT_MOCK_API_KEY,
      basePath,
    );
    return ready.mock;
  }

  /** Requests received since the last reset(), oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  get lastRequest(): RecordedRequest | undefined {
    return this.recorded[this.recorded.length - 1];
  }

  /** Scripts the next replies, in order; each is used by one generation request. */
  enqueueReply(...replies: ScriptedReply[]): void {
    this.replies.push(...replies);
  }

  get pendingReplies(): number {
    return this.replies.length;
  }

  /** Applies a fault to the next `times` generation requests (all of them when `times` is absent). */
  setFault(fault: MockFault): void {
    this.faults.set(fault);
  }

  clearFault(): void {
    this.faults.clear();
  }

  /** Forgets recorded requests, scripted replies and the fault. */
  reset(): void {
    this.recorded.length = 0;
    this.replies.length = 0;
    this.faults.clear();
    this.received = 0;
  }

  /** Resolves with the latest request whose client went away before the response finished. */
  waitForAbort(timeoutMs = 5_000): Promise<RecordedRequest> {
    for (let i = this.recorded.length - 1; i >= 0; i--) {
      if (this.recorded[i].abortedAt !== undefined) return Promise.resolve(this.recorded[i]);
    }
    return new Promise((resolve, reject) => {
      const waiter = (request: RecordedRequest) => {
        clearTimeout(timer);
        this.abortWaiters.delete(waiter);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.abortWaiters.delete(waiter);
        reject(new Error(`mock ${this.protocol} upstream: no client abort within ${timeoutMs} ms`));
      }, timeoutMs);
      this.abortWaiters.add(waiter);
    });
  }

  /** Resolves once `count` requests (with their bodies) have arrived since the last reset(). */
  waitForRequests(count: number, timeoutMs = 5_000): Promise<readonly RecordedRequest[]> {
    if (this.received >= count) return Promise.resolve(this.recorded);
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (this.received < count) return;
        clearTimeout(timer);
        this.arrivalWaiters.delete(waiter);
        resolve(this.recorded);
      };
      const timer = setTimeout(() => {
        this.arrivalWaiters.delete(waiter);
        reject(new Error(`mock ${this.protocol} upstream: ${this.received} of ${count} requests within ${timeoutMs} ms`));
      }, timeoutMs);
      this.arrivalWaiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const [res, record] of this.hanging) {
      this.droppedByMock.add(record);
      res.destroy();
    }
    this.hanging.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: undefined,
      rawBody: '',
      receivedAt: Date.now(),
    };
    this.recorded.push(record);
    if (this.recorded.length > this.options.maxRecordedRequests) this.recorded.shift();
    res.on('error', () => undefined);
    res.on('finish', () => {
      record.completedAt = Date.now();
    });
    res.on('close', () => {
      this.hanging.delete(res);
      if (res.writableFinished || this.droppedByMock.has(record)) return;
      record.abortedAt = Date.now();
      for (const waiter of [...this.abortWaiters]) waiter(record);
    });
    req.on('error', () => undefined);

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      record.rawBody = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      let parseFailed = false;
      if (record.rawBody !== '') {
        try {
          record.body = JSON.parse(record.rawBody);
        } catch {
          parseFailed = true;
        }
      }
      this.received++;
      for (const waiter of [...this.arrivalWaiters]) waiter();
      this.handle(req, res, record, parseFailed);
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, parseFailed: boolean): void {
    const adapter = this.adapter;
    const url = record.path;
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));

    const route = adapter.route(record.method, pathname, query);
    if (!route) return this.reply(res, record, adapter.notFound(record.method, pathname));
    const authError = adapter.authenticate(req.headers, query, this.apiKey);
    if (authError) return this.reply(res, record, authError);
    if (route.kind === 'models') return this.reply(res, record, adapter.listModels(this.options.models ?? adapter.defaultModels));
    if (parseFailed || record.body === undefined) return this.reply(res, record, adapter.invalidJson());
    if (route.kind === 'embeddings') return this.embed(req, res, record, route);
    const invalid = adapter.validate(record.body, route);
    if (invalid) return this.reply(res, record, invalid);
    const facts = adapter.facts(record.body, route);
    if (this.options.models && !this.options.models.includes(facts.model))
      return this.reply(res, record, adapter.modelNotFound(facts.model));

    const fault = this.faults.take();
    record.fault = fault?.kind;
    if (this.failed(req, res, record, fault)) return;

    const malformed = fault?.kind === 'malformed';
    const plan = buildReplyPlan(facts, malformed ? undefined : this.replies.shift(), {
      protocol: this.protocol,
      chunks: this.options.chunks,
    });
    const ctx: RenderContext = {
      seq: ++this.seq,
      created: Math.floor(Date.now() / 1000),
      facts,
      route: route as GenerateRoute,
      request: record.body,
    };
    const timing = {
      firstByteDelayMs: fault?.kind === 'slowFirstByte' ? fault.ms : 0,
      chunkDelayMs: fault?.kind === 'slowChunks' ? fault.ms : 0,
      dropAfterFrames: fault?.kind === 'dropMidStream' ? fault.afterChunks : undefined,
    };

    if (facts.stream) {
      const rendering = adapter.stream(plan, ctx);
      const frames = malformed ? corruptFrames(rendering.frames) : rendering.frames;
      void this.write(
        res,
        record,
        200,
        { ...rendering.headers, 'content-type': rendering.contentType, 'cache-control': 'no-cache' },
        frames,
        timing,
      );
      return;
    }
    const completion = adapter.completion(plan, ctx);
    const body = malformed ? completion.body.slice(0, Math.ceil(completion.body.length / 2)) : completion.body;
    // A dropped non-stream reply promises the whole body, then sends half of it.
    const frames = timing.dropAfterFrames !== undefined ? [body.slice(0, Math.ceil(body.length / 2))] : [body];
    const dropAfterFrames = timing.dropAfterFrames !== undefined ? 1 : undefined;
    const headers = { ...completion.headers, 'content-length': Buffer.byteLength(body) };
    void this.write(res, record, completion.status, headers, frames, { ...timing, chunkDelayMs: 0, dropAfterFrames });
  }

  /** Embeddings are one JSON answer: the request-level faults apply, and the next scripted reply's promptTokens. */
  private embed(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, route: EmbeddingsRoute): void {
    const fault = this.faults.take();
    record.fault = fault?.kind;
    if (this.failed(req, res, record, fault)) return;
    const scripted = this.replies.shift();
    const { adapter } = this;
    const reply = adapter.embeddings
      ? adapter.embeddings(record.body, route, scripted?.usage?.promptTokens)
      : adapter.notFound('POST', record.path);
    this.reply(res, record, reply);
  }

  /** Applies a fault that replaces the answer (reset, hang, error status); true when it did. */
  private failed(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, fault: MockFault | undefined): boolean {
    switch (fault?.kind) {
      case 'connectionReset':
        this.droppedByMock.add(record);
        // A TCP RST where the platform allows it, as a crashed or firewalled upstream gives.
        if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
        else req.socket.destroy();
        return true;
      case 'hang':
        this.hanging.set(res, record);
        return true;
      case 'status':
        this.reply(res, record, this.adapter.serverError(fault.status ?? 500));
        return true;
      case 'rateLimit':
        this.reply(res, record, this.adapter.rateLimited(fault.retryAfterSeconds ?? 1));
        return true;
      default:
        return false;
    }
  }

  private reply(res: ServerResponse, record: RecordedRequest, reply: HttpReply): void {
    const headers = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
    void this.write(res, record, reply.status, headers, [reply.body], {});
  }

  private write(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    headers: Record<string, string | number>,
    frames: readonly string[],
    timing: { firstByteDelayMs?: number; chunkDelayMs?: number; dropAfterFrames?: number },
  ): Promise<void> {
    return writeFrames(res, status, headers, frames, {
      ...timing,
      delay: this.delay,
      onHead: (code) => {
        record.status = code;
      },
      onDrop: () => {
        this.droppedByMock.add(record);
      },
    });
  }
}

export function startMockUpstream(options: MockUpstreamOptions): Promise<MockUpstream> {
  return MockUpstream.start(options);
}
