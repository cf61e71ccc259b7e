/**
 * The in-process upstream behind `apilink/echo`: it receives the request the OpenAI-compatible
 * adapter built and answers in OpenAI's wire format, so the demo model runs through the same
 * adapter, parser, failover, billing and logs as any real provider, without a network.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { ChatCompletionRequest } from '@apilink/contracts';
import { ECHO_UPSTREAM_BASE_URL } from '../../upstreams/routing/model-route';
import type { UpstreamHttpRequest } from '../adapters/upstream-adapter';
import { planEchoReply } from '../echo/echo-reply';
import { echoCompletionBody, echoStreamFrames } from '../echo/echo-wire';
import type { SendOptions, UpstreamResponse, UpstreamTransport } from './upstream-transport';

type EchoRequestBody = ChatCompletionRequest & { stream?: boolean; stream_options?: { include_usage?: boolean } };

async function* frameStream(frames: string[], signal: AbortSignal): AsyncIterable<Uint8Array> {
  for (const frame of frames) {
    // One frame per turn of the event loop, like bytes arriving from a socket.
    await nextTurn();
    if (signal.aborted) throw signal.reason;
    yield Buffer.from(frame);
  }
}

@Injectable()
export class EchoTransport implements UpstreamTransport {
  handles(url: string): boolean {
    return url.startsWith(ECHO_UPSTREAM_BASE_URL);
  }

  async send(request: UpstreamHttpRequest, options: SendOptions): Promise<UpstreamResponse> {
    if (options.signal.aborted) throw options.signal.reason;
    const body = JSON.parse(request.body) as EchoRequestBody;
    const reply = planEchoReply(body);
    const identity = {
      id: `chatcmpl-echo${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      model: body.model,
      created: Math.floor(Date.now() / 1000),
    };
    const frames = body.stream
      ? echoStreamFrames(reply, identity, body.stream_options?.include_usage === true)
      : [echoCompletionBody(reply, identity)];
    return { status: 200, body: frameStream(frames, options.signal), discard: () => undefined };
  }
}
