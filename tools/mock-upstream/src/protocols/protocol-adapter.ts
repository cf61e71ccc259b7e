// The contract each wire protocol implements; the server owns HTTP, recording and faults, adapters own bytes.
import type { IncomingHttpHeaders } from 'node:http';
import type { ReplyPlan, RequestFacts } from '../reply-plan';
import type { MockProtocol } from '../types';

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type GenerateRoute = {
  kind: 'generate';
  stream: boolean;
  /** Model named by the path (Gemini); the others carry it in the body. */
  model?: string;
  /** Gemini's streamGenerateContent without alt=sse answers one JSON array, written piecewise. */
  jsonArrayStream?: boolean;
  /** OpenAI's Responses API (`/responses`) rather than its chat completions. */
  api?: 'responses';
};

/** An embeddings request: OpenAI's /embeddings (model in the body) or Gemini's :batchEmbedContents (model in the path). */
export type EmbeddingsRoute = { kind: 'embeddings'; model?: string };

export type Route = { kind: 'models' } | GenerateRoute | EmbeddingsRoute;

export interface RenderContext {
  /** Per-mock sequence number, used to make deterministic ids. */
  seq: number;
  /** Unix seconds. */
  created: number;
  facts: RequestFacts;
  route: GenerateRoute;
  /** The request body, for protocols that echo the request's settings (OpenAI's Responses). */
  request: unknown;
}

export interface StreamRendering {
  contentType: string;
  /** Provider headers sent with the stream, such as its request id. */
  headers?: Record<string, string>;
  /** Each frame is one network write; faults count and delay frames. */
  frames: string[];
}

export interface ProtocolAdapter {
  readonly protocol: MockProtocol;
  /** Listed by the models endpoint when the mock is not given its own list. */
  readonly defaultModels: readonly string[];
  route(method: string, pathname: string, query: URLSearchParams): Route | undefined;
  /** An error reply when the credentials are missing or wrong. */
  authenticate(headers: IncomingHttpHeaders, query: URLSearchParams, apiKey: string): HttpReply | undefined;
  /** An error reply when the provider would reject the body. */
  validate(body: unknown, route: GenerateRoute): HttpReply | undefined;
  facts(body: unknown, route: GenerateRoute): RequestFacts;
  completion(plan: ReplyPlan, ctx: RenderContext): HttpReply;
  stream(plan: ReplyPlan, ctx: RenderContext): StreamRendering;
  /**
   * Validates and answers an embeddings request (only protocols that route one implement it); `promptTokens`
   * overrides the reported usage where the protocol reports any.
   */
  embeddings?(body: unknown, route: EmbeddingsRoute, promptTokens: number | undefined): HttpReply;
  listModels(models: readonly string[]): HttpReply;
  modelNotFound(model: string): HttpReply;
  notFound(method: string, path: string): HttpReply;
  invalidJson(): HttpReply;
  serverError(status: number): HttpReply;
  rateLimited(retryAfterSeconds: number): HttpReply;
}

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): HttpReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Shows enough of a key to recognise it, as providers do, never the whole secret. */
export function maskKey(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}${'*'.repeat(Math.min(key.length - 7, 20))}${key.slice(-4)}`;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
