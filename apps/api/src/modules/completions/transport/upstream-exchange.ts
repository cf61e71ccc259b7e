/**
 * One attempt against one upstream: build the request with its adapter, send it with its
 * transport, and turn the answer into a completion or a primed chunk stream. Failures are thrown
 * as the errors the failure classifier understands.
 */
import { Injectable } from '@nestjs/common';
import type { ChatCompletionChunk, ChatCompletionRequest } from '@apilink/contracts';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import type { ParsedCompletion, ResponseContext } from '../adapters/upstream-adapter';
import { UpstreamFailure } from '../errors/upstream-failure';
import { errorForStatus } from '../routing/failure-classifier';
import type { ResolvedUpstream } from '../routing/upstream-resolver';
import { UpstreamChunkStream } from '../streaming/upstream-chunk-stream';
import type { UpstreamResponse } from './upstream-transport';

// Error bodies are read for their message only; a huge one is cut.
const ERROR_BODY_LIMIT = 64 * 1024;

export interface AttemptOptions {
  signal: AbortSignal;
  headersTimeoutMs: number;
  /** max_tokens for upstreams that require one (Anthropic) when the client sent none. */
  defaultMaxTokens: number;
}

export interface PrimedStream {
  stream: UpstreamChunkStream;
  /** The first chunks, not yet written to the client; null when the upstream sent none. */
  first: ChatCompletionChunk[] | null;
}

@Injectable()
export class UpstreamExchange {
  async fetchCompletion(
    upstream: ResolvedUpstream,
    request: ChatCompletionRequest,
    ctx: ResponseContext,
    options: AttemptOptions,
  ): Promise<ParsedCompletion> {
    const response = await this.send(upstream, request, false, options);
    const text = await readText(response, Number.POSITIVE_INFINITY, options.signal);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UpstreamProtocolError('Upstream sent a response body that is not JSON');
    }
    return upstream.adapter.parseResponse(json, { ...ctx, quirks: upstream.target.quirks });
  }

  async openStream(
    upstream: ResolvedUpstream,
    request: ChatCompletionRequest,
    ctx: ResponseContext,
    options: AttemptOptions,
  ): Promise<PrimedStream> {
    const response = await this.send(upstream, request, true, options);
    const parser = upstream.adapter.createStreamParser({ ...ctx, quirks: upstream.target.quirks });
    const stream = new UpstreamChunkStream(response, parser, options.signal);
    try {
      return { stream, first: await stream.first() };
    } catch (error) {
      stream.discard();
      throw error;
    }
  }

  private async send(
    upstream: ResolvedUpstream,
    request: ChatCompletionRequest,
    stream: boolean,
    options: AttemptOptions,
  ): Promise<UpstreamResponse> {
    const httpRequest = upstream.adapter.buildRequest(request, upstream.target, { stream, defaultMaxTokens: options.defaultMaxTokens });
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
