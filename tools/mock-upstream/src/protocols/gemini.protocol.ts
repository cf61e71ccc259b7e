// Google Gemini (Generative Language API v1beta) wire format.
// Sources:
//   https://ai.google.dev/api/generate-content (GenerateContentRequest/Response, candidates, finishReason,
//     usageMetadata, modelVersion, responseId; streamGenerateContent with alt=sse)
//   https://github.com/googleapis/js-genai test/system/recordings/*.json (recorded responses: streamed chunks carry
//     usageMetadata with promptTokenCount on every chunk, candidatesTokenCount only on the final one)
//   SSE framing is `data: <json>\r\n\r\n`: the official SDKs split on /\n\n|\r\r|\r\n\r\n/ (js-genai,
//     @google/generative-ai responseLineRE) and CRLF terminators are reported from the live API (nyroway/nyro#265).
//   https://ai.google.dev/gemini-api/docs/troubleshooting (error envelope {error:{code,message,status,details}});
//     a wrong key is 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID, not 401
//     (as reported verbatim in google-gemini/gemini-cli#25198); a missing key is 403 PERMISSION_DENIED;
//     429 RESOURCE_EXHAUSTED carries the delay in a google.rpc.RetryInfo detail, not in a retry-after header.
import type { IncomingHttpHeaders } from 'node:http';
import { type ReplyPlan, type RequestFacts, isRecord, stopSequencesOf } from '../reply-plan';
import { field, validateGeminiRequest } from './gemini-request-validator';
import {
  type GenerateRoute,
  type HttpReply,
  type ProtocolAdapter,
  type EmbeddingsRoute,
  type RenderContext,
  type Route,
  type StreamRendering,
  headerValue,
  jsonReply,
} from './protocol-adapter';
import { geminiEmbeddingsReply } from './gemini-embeddings';

const GENERATE_PATH = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|batchEmbedContents)$/;
const MODELS_PATH = /^\/(v1beta|v1|v1alpha)\/models$/;
const FINISH_REASONS = { stop: 'STOP', length: 'MAX_TOKENS', tool_calls: 'STOP', content_filter: 'SAFETY' } as const;
const STATUS_NAMES: Record<number, string> = { 500: 'INTERNAL', 501: 'NOT_IMPLEMENTED', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

function googleError(code: number, status: string, message: string, details?: unknown[]): HttpReply {
  return jsonReply(code, { error: details ? { code, message, status, details } : { code, message, status } });
}

function partChars(parts: unknown): number {
  if (!Array.isArray(parts)) return 0;
  let chars = 0;
  for (const part of parts) {
    if (!isRecord(part)) continue;
    if (typeof part.text === 'string') chars += part.text.length;
    const call = field(part, 'functionCall');
    if (isRecord(call)) chars += JSON.stringify(call.args ?? {}).length;
    const response = field(part, 'functionResponse');
    if (isRecord(response)) chars += JSON.stringify(response.response ?? {}).length;
  }
  return chars;
}

export class GeminiProtocol implements ProtocolAdapter {
  readonly protocol = 'gemini' as const;
  readonly defaultModels = ['gemini-2.5-flash', 'gemini-2.5-pro'];

  route(method: string, pathname: string, query: URLSearchParams): Route | undefined {
    if (method === 'GET' && MODELS_PATH.test(pathname)) return { kind: 'models' };
    const match = method === 'POST' ? GENERATE_PATH.exec(pathname) : null;
    if (!match) return undefined;
    const stream = match[3] === 'streamGenerateContent';
    let model: string;
    try {
      model = decodeURIComponent(match[2]);
    } catch {
      return undefined;
    }
    if (match[3] === 'batchEmbedContents') return { kind: 'embeddings', model };
    return { kind: 'generate', stream, model, jsonArrayStream: stream && query.get('alt') !== 'sse' };
  }

  embeddings(body: unknown, route: EmbeddingsRoute): HttpReply {
    return geminiEmbeddingsReply(body, route.model ?? '');
  }

  authenticate(headers: IncomingHttpHeaders, query: URLSearchParams, apiKey: string): HttpReply | undefined {
    const key = headerValue(headers, 'x-goog-api-key') ?? query.get('key') ?? undefined;
    if (!key) {
      return googleError(
        403,
        'PERMISSION_DENIED',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    }
    if (key !== apiKey) {
      const message = 'API key not valid. Please pass a valid API key.';
      return googleError(400, 'INVALID_ARGUMENT', message, [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
      ]);
    }
    return undefined;
  }

  validate(body: unknown): HttpReply | undefined {
    if (!isRecord(body)) return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Expected an object.');
    const failure = validateGeminiRequest(body);
    if (!failure) return undefined;
    const details =
      failure.violations.length > 0
        ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: failure.violations }]
        : undefined;
    return googleError(400, 'INVALID_ARGUMENT', failure.message, details);
  }

  facts(raw: unknown, route: GenerateRoute): RequestFacts {
    const body = raw as Record<string, unknown>;
    const system = field(body, 'systemInstruction');
    let promptChars = isRecord(system) ? partChars(system.parts) : 0;
    for (const content of body.contents as Record<string, unknown>[]) promptChars += partChars(content.parts);
    const generationConfig = field(body, 'generationConfig');
    const cap = isRecord(generationConfig) ? field(generationConfig, 'maxOutputTokens') : undefined;
    return {
      model: route.model ?? '',
      stream: route.stream,
      includeUsage: false,
      maxOutputTokens: typeof cap === 'number' ? cap : undefined,
      forcedTool: this.forcedTool(body),
      promptChars,
      stopSequences: stopSequencesOf(isRecord(generationConfig) ? field(generationConfig, 'stopSequences') : undefined),
    };
  }

  private forcedTool(body: Record<string, unknown>): RequestFacts['forcedTool'] {
    const declarations: Record<string, unknown>[] = [];
    for (const tool of Array.isArray(body.tools) ? body.tools : []) {
      const list = isRecord(tool) ? field(tool, 'functionDeclarations') : undefined;
      if (Array.isArray(list)) declarations.push(...list.filter(isRecord));
    }
    const toolConfig = field(body, 'toolConfig');
    const config = isRecord(toolConfig) ? field(toolConfig, 'functionCallingConfig') : undefined;
    if (declarations.length === 0 || !isRecord(config) || config.mode !== 'ANY') return undefined;
    const allowed = field(config, 'allowedFunctionNames');
    const name = Array.isArray(allowed) && allowed.length > 0 ? String(allowed[0]) : String(declarations[0].name);
    const declaration = declarations.find((d) => d.name === name);
    return { name, parameters: declaration?.parameters ?? field(declaration ?? {}, 'parametersJsonSchema') };
  }

  completion(plan: ReplyPlan, ctx: RenderContext): HttpReply {
    const parts: Record<string, unknown>[] = [];
    if (plan.text !== '') parts.push({ text: plan.text });
    for (const call of plan.toolCalls) parts.push({ functionCall: this.functionCall(call.name, call.args, call.id) });
    const candidate = this.candidate(parts, plan);
    candidate.index = 0;
    return jsonReply(200, this.response(ctx, [candidate], plan.usage ? this.usage(plan, true) : undefined));
  }

  stream(plan: ReplyPlan, ctx: RenderContext): StreamRendering {
    const chunks: Record<string, unknown>[] = [];
    const partial = plan.usage ? this.usage(plan, false) : undefined;
    for (const piece of plan.textPieces) chunks.push(this.response(ctx, [this.candidate([{ text: piece }])], partial));
    if (plan.toolCalls.length > 0) {
      // Function calls arrive whole, all in one chunk, as the API sends them without streamFunctionCallArguments.
      const parts = plan.toolCalls.map((call) => ({ functionCall: this.functionCall(call.name, call.args, call.id) }));
      chunks.push(this.response(ctx, [this.candidate(parts)], partial));
    }
    if (chunks.length === 0) chunks.push(this.response(ctx, [this.candidate([{ text: '' }])], partial));
    // The last chunk carries the finish reason and the final usage, as the API's last chunk does.
    const last = chunks[chunks.length - 1];
    const lastCandidate = (last.candidates as Record<string, unknown>[])[0];
    Object.assign(lastCandidate, this.finish(plan));
    if (plan.usage) last.usageMetadata = this.usage(plan, true);

    if (ctx.route.jsonArrayStream) {
      const frames = chunks.map((chunk, i) => `${i === 0 ? '[' : ',\r\n'}${JSON.stringify(chunk)}${i === chunks.length - 1 ? ']' : ''}`);
      return { contentType: 'application/json; charset=UTF-8', frames };
    }
    return { contentType: 'text/event-stream', frames: chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`) };
  }

  private functionCall(name: string, args: Record<string, unknown>, id: string | undefined): Record<string, unknown> {
    return id === undefined ? { name, args } : { id, name, args };
  }

  private candidate(parts: Record<string, unknown>[], plan?: ReplyPlan): Record<string, unknown> {
    const content = parts.length > 0 ? { parts, role: 'model' } : { role: 'model' };
    return plan ? { content, ...this.finish(plan) } : { content };
  }

  private finish(plan: ReplyPlan): Record<string, unknown> {
    const finishReason = FINISH_REASONS[plan.finishReason];
    if (finishReason !== 'SAFETY') return { finishReason };
    return { finishReason, safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] };
  }

  private response(
    ctx: RenderContext,
    candidates: Record<string, unknown>[],
    usageMetadata?: Record<string, unknown>,
  ): Record<string, unknown> {
    const response: Record<string, unknown> = { candidates };
    if (usageMetadata) response.usageMetadata = usageMetadata;
    response.modelVersion = ctx.facts.model;
    response.responseId = `mockresp${ctx.seq}`;
    return response;
  }

  /** Streamed chunks before the last report only the prompt; the final one adds the candidates' count. */
  private usage(plan: ReplyPlan, final: boolean): Record<string, unknown> {
    const usage = plan.usage!;
    const metadata: Record<string, unknown> = { promptTokenCount: usage.promptTokens };
    if (final) metadata.candidatesTokenCount = usage.completionTokens;
    metadata.totalTokenCount = final ? usage.totalTokens : usage.promptTokens;
    if (usage.cachedTokens > 0) metadata.cachedContentTokenCount = usage.cachedTokens;
    metadata.promptTokensDetails = [{ modality: 'TEXT', tokenCount: usage.promptTokens }];
    return metadata;
  }

  listModels(models: readonly string[]): HttpReply {
    return jsonReply(200, {
      models: models.map((id) => ({
        name: `models/${id}`,
        version: '001',
        displayName: id,
        inputTokenLimit: 1048576,
        outputTokenLimit: 8192,
        supportedGenerationMethods: ['generateContent', 'countTokens'],
      })),
    });
  }

  modelNotFound(model: string): HttpReply {
    return googleError(
      404,
      'NOT_FOUND',
      `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
    );
  }

  notFound(method: string, path: string): HttpReply {
    return googleError(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server (${method}).`);
  }

  invalidJson(): HttpReply {
    return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unexpected token.');
  }

  serverError(status: number): HttpReply {
    const name = STATUS_NAMES[status] ?? 'INTERNAL';
    const message =
      status === 503
        ? 'The model is overloaded. Please try again later.'
        : status === 504
          ? 'Deadline expired before operation could complete.'
          : 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting';
    return googleError(status, name, message);
  }

  rateLimited(retryAfterSeconds: number): HttpReply {
    return googleError(
      429,
      'RESOURCE_EXHAUSTED',
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
      [
        {
          '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
          violations: [
            {
              quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests',
              quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
            },
          ],
        },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterSeconds}s` },
      ],
    );
  }
}
