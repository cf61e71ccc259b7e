/**
 * The one way the dashboard talks to the API: same-origin fetch with the session cookie, the
 * CSRF header on state-changing requests, JSON in and out, and every failure turned into an
 * ApiError whose message a customer can read (with the request id support needs).
 */
import type { ErrorEnvelope } from '@apilink/contracts';
import { ErrorCode, REQUEST_ID_HEADER } from '@apilink/contracts';
import { csrfHeaders } from './csrf';
import { notifyPasswordChangeRequired, notifySessionExpired } from './session-events';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /** A 401 normally means the session ended; the login call itself wants the error instead. */
  expectUnauthenticated?: boolean;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** What the API (or we, for network trouble) said, without the request id. */
    readonly detail: string,
    readonly status: number,
    readonly type: string | null = null,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly requestId: string | null = null,
  ) {
    super(requestId ? `${detail} (request id: ${requestId})` : detail);
  }
}

const STATUS_WORDS: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has ended. Please log in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with the current state. Refresh and try again.',
  413: 'That request is too large.',
  429: 'Too many attempts. Wait a moment and try again.',
  500: 'Something went wrong on our side.',
  502: 'The server is unreachable right now.',
  503: 'The service is temporarily unavailable. Try again shortly.',
  504: 'The server took too long to answer.',
};

function isEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Builds the ApiError for a non-2xx response, whatever its body turned out to be. */
export function errorFromResponse(status: number, body: unknown, headerRequestId: string | null): ApiError {
  if (isEnvelope(body)) {
    const { message, type, code, param, request_id } = body.error;
    return new ApiError(message, status, type ?? null, code ?? null, param ?? null, request_id || headerRequestId);
  }
  const fallback = STATUS_WORDS[status] ?? `The server answered with status ${status}.`;
  return new ApiError(fallback, status, null, null, null, headerRequestId);
}

export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept, ...(method === 'GET' ? {} : csrfHeaders()) };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('Cannot reach ApiLink. Check your connection and try again.', 0);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const error = errorFromResponse(response.status, parsed, response.headers.get(REQUEST_ID_HEADER));
    if (response.status === 401 && !options.expectUnauthenticated) notifySessionExpired();
    if (response.status === 403 && error.code === ErrorCode.PasswordChangeRequired) notifyPasswordChangeRequired();
    throw error;
  }
  return response;
}

/** JSON request; resolves to the parsed body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

function filenameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** Binary download (invoice PDFs, CSV exports) through the same cookie, CSRF and error rules. */
export async function apiDownload(path: string, fallbackName: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await send(path, options, '*/*');
  return { blob: await response.blob(), filename: filenameFrom(response.headers.get('content-disposition'), fallbackName) };
}

/** Hands a downloaded file to the browser's save flow. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
