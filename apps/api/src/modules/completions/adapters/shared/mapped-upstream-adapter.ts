/**
 * An UpstreamAdapter assembled from a protocol's pure functions, so each protocol's adapter class
 * only names its mapper, parser and error reader.
 */
import type { ChatCompletionRequest, UpstreamProtocolName } from '@apilink/contracts';
import type {
  BuildRequestContext,
  ParsedCompletion,
  ResponseContext,
  UpstreamAdapter,
  UpstreamErrorInfo,
  UpstreamHttpRequest,
  UpstreamStreamParser,
  UpstreamTarget,
} from '../upstream-adapter';

export interface ProtocolFunctions {
  buildRequest(req: ChatCompletionRequest, target: UpstreamTarget, ctx: BuildRequestContext): UpstreamHttpRequest;
  parseResponse(json: unknown, ctx: ResponseContext): ParsedCompletion;
  createStreamParser(ctx: ResponseContext): UpstreamStreamParser;
  parseError(status: number, bodyText: string): UpstreamErrorInfo;
}

export abstract class MappedUpstreamAdapter implements UpstreamAdapter {
  protected constructor(
    readonly protocol: UpstreamProtocolName,
    private readonly functions: ProtocolFunctions,
  ) {}

  buildRequest(req: ChatCompletionRequest, target: UpstreamTarget, ctx: BuildRequestContext): UpstreamHttpRequest {
    return this.functions.buildRequest(req, target, ctx);
  }

  parseResponse(json: unknown, ctx: ResponseContext): ParsedCompletion {
    return this.functions.parseResponse(json, ctx);
  }

  createStreamParser(ctx: ResponseContext): UpstreamStreamParser {
    return this.functions.createStreamParser(ctx);
  }

  parseError(status: number, bodyText: string): UpstreamErrorInfo {
    return this.functions.parseError(status, bodyText);
  }
}
