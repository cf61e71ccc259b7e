import { UnsupportedParameterError } from '../adapters/errors/unsupported-parameter.error';
import { UpstreamProtocolError } from '../adapters/errors/upstream-protocol.error';
import { UpstreamStreamError } from '../adapters/errors/upstream-stream.error';
import { UpstreamConnectError } from '../transport/upstream-connect.error';
import { classifyAttemptError, errorForStatus } from './failure-classifier';

const info = (retryable: boolean) => ({ message: 'upstream said no', retryable });

describe('errorForStatus', () => {
  it.each([429, 500, 502, 503, 529])('retries HTTP %i on the next upstream', (status) => {
    expect(classifyAttemptError(errorForStatus(status, info(true)))).toMatchObject({ kind: 'retry' });
  });

  it.each([401, 403, 404])('retries HTTP %i: the account is at fault, not the request', (status) => {
    expect(classifyAttemptError(errorForStatus(status, info(false)))).toMatchObject({ kind: 'retry', reason: `status_${status}` });
  });

  it("retries Gemini's 400 for an invalid key instead of blaming the client", () => {
    const verdict = classifyAttemptError(
      errorForStatus(400, { message: 'API key not valid. Please pass a valid API key.', retryable: false }),
    );
    expect(verdict).toMatchObject({ kind: 'retry', reason: 'status_400' });
  });

  it('retries an exhausted account (429 insufficient_quota) even though the parser says not retryable', () => {
    expect(classifyAttemptError(errorForStatus(429, info(false)))).toMatchObject({ kind: 'retry' });
  });

  it.each([400, 413, 422])("answers HTTP %i with a 400 carrying the upstream's message, without retrying", (status) => {
    const verdict = classifyAttemptError(errorForStatus(status, info(false)));
    expect(verdict.kind).toBe('reject');
    if (verdict.kind === 'reject') expect(verdict.error).toMatchObject({ status: 400, message: 'upstream said no' });
  });
});

describe('classifyAttemptError', () => {
  it('retries connect errors, timeouts and malformed upstream data', () => {
    expect(classifyAttemptError(new UpstreamConnectError('refused', 'connect'))).toMatchObject({ kind: 'retry', reason: 'connect' });
    expect(classifyAttemptError(new UpstreamConnectError('slow', 'timeout'))).toMatchObject({ kind: 'retry', reason: 'timeout' });
    expect(classifyAttemptError(new UpstreamProtocolError('garbage'))).toMatchObject({ kind: 'retry', reason: 'protocol' });
  });

  it('retries a transient in-band stream error and rejects a permanent one', () => {
    expect(classifyAttemptError(new UpstreamStreamError('overloaded', 'overloaded_error', true))).toMatchObject({ kind: 'retry' });
    expect(classifyAttemptError(new UpstreamStreamError('bad', 'invalid_request_error', false))).toMatchObject({ kind: 'reject' });
  });

  it('names the parameter an upstream cannot honour', () => {
    const verdict = classifyAttemptError(new UnsupportedParameterError('logprobs', 'not supported'));
    expect(verdict.kind === 'reject' && verdict.error).toMatchObject({ status: 400, param: 'logprobs', code: 'unsupported_parameter' });
  });

  it('leaves unknown errors alone', () => {
    expect(classifyAttemptError(new TypeError('bug'))).toEqual({ kind: 'unexpected' });
  });
});
