/**
 * One attempt against one upstream: build the request with the sink's codec, send it with the
 * upstream's transport, and turn the answer into the codec's answer or a primed event stream. Failures are thrown
 * as the errors the failure classifier understands.
 */
import { Injectable } from '@nestjs/common';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import type { UpstreamHttpRequest } from '../adapters/upstream-adapter';
import type { CompletionContext } from '../completion-context';
import { UpstreamFailure } from '../errors/upstream-failure';
import { errorForStatus } from '../routing/failure-classifier';
import type { ResolvedUpstream } from '../routing/upstream-resolver';
import { UpstreamChunkStream } from '../streaming/upstream-chunk-stream';
import type { CodecAnswer, UpstreamCodec } from '../pipeline/upstream-codec';
import type { UpstreamResponse } from './upstream-transport';
import { extend } from '../../../common/objects/extend';

// Error bodies are read for their message only; a huge one is cut.
const ERROR_BODY_LIMIT = 64 * 1024;

/** What any one upstream request needs: the request's abort signal and how long its headers may take. */
export interface TransferOptions {
  signal: AbortSignal;
  headersTimeoutMs: number;
}

export interface AttemptOptions extends TransferOptions {
  /** max_tokens for upstreams that require one (Anthropic) when the client sent none. */
  defaultMaxTokens: number;
}

export interface PrimedStream<TEvent> {
  stream: UpstreamChunkStream<TEvent>;
  /** The first events, not yet written to the client; null when the upstream sent none. */
  first: TEvent[] | null;
  /** The client parameters this upstream's request left out (UpstreamHttpRequest.droppedParams). */
  droppedParams: string[];
}

export interface FetchedAnswer<TAnswer> extends CodecAnswer<TAnswer> {
  /** The client parameters this upstream's request left out (UpstreamHttpRequest.droppedParams). */
  droppedParams: string[];
}

@Injectable()
export class UpstreamExchange {
  async fetchCompletion<TAnswer>(
    upstream: ResolvedUpstream,
    codec: UpstreamCodec<TAnswer, unknown>,
    context: CompletionContext,
    options: AttemptOptions,
  ): Promise<FetchedAnswer<TAnswer>> {
    const httpRequest = codec.buildRequest(upstream, context, { stream: false, defaultMaxTokens: options.defaultMaxTokens });
    const json = await this.postJson(upstream, httpRequest, options);
    return extend(codec.parseAnswer(upstream, context, json), { droppedParams: httpRequest.droppedParams });
  }

  /** Sends a built request whose answer is one JSON body (chat without streaming, embeddings) and parses it. */
  async postJson(upstream: ResolvedUpstream, httpRequest: UpstreamHttpRequest, options: TransferOptions): Promise<unknown> {
    const response = await this.send(upstream, httpRequest, options);
    const text = await readText(response, Number.POSITIVE_INFINITY, options.signal);
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamProtocolError('Upstream sent a response body that is not JSON');
    }
  }

  async openStream<TEvent>(
    upstream: ResolvedUpstream,
    codec: UpstreamCodec<unknown, TEvent>,
    context: CompletionContext,
    options: AttemptOptions,
  ): Promise<PrimedStream<TEvent>> {
    const httpRequest = codec.buildRequest(upstream, context, { stream: true, defaultMaxTokens: options.defaultMaxTokens });
    const response = await this.send(upstream, httpRequest, options);
    const { droppedParams } = httpRequest;
    const stream = new UpstreamChunkStream(response, codec.createEventParser(upstream, context), options.signal);
    try {
      return { stream, first: await stream.first(), droppedParams };
    } catch (error) {
      stream.discard();
      throw error;
    }
  }

  private async send(upstream: ResolvedUpstream, httpRequest: UpstreamHttpRequest, options: TransferOptions): Promise<UpstreamResponse> {
    const response = await upstream.transport.send(httpRequest, {
      signal: options.signal,
      headersTimeoutMs: options.headersTimeoutMs,
      guardAddresses: upstream.guardAddresses,
    });
    if (response.status >= 200 && response.status < 300) return response;
    const body = await readText(response, ERROR_BODY_LIMIT, options.signal).catch(() => '');
    throw errorForStatus(response.status, upstream.adapter.parseError(response.status, body));
  }
}

async function readText(response: UpstreamResponse, limit: number, signal: AbortSignal): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const part of response.body) {
      parts.push(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
      size += part.byteLength;
      if (size >= limit) {
        response.discard();
        break;
      }
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new UpstreamFailure(`Upstream connection lost: ${(error as Error).message}`, 'read');
  }
  return Buffer.concat(parts).toString('utf8');
}
