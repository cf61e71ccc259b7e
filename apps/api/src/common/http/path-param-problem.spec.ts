import { pathParamProblem } from './path-param-problem';

describe('pathParamProblem', () => {
  it('checks the dashboard API ids by format', () => {
    expect(pathParamProblem('id', '0b6c1f5e-3f4a-4a51-9a8e-8d6f7f0e2c11', true)).toBeNull();
    expect(pathParamProblem('userId', 'abc', true)).toBe('userId must be a UUID');
    expect(pathParamProblem('requestId', 'trace-abc.123:9', true)).toBeNull();
    expect(pathParamProblem('requestId', '\0', true)).toMatch(/^requestId must be a request id/);
    expect(pathParamProblem('requestId', 'a'.repeat(129), true)).not.toBeNull();
  });

  it('holds every other parameter, and /v1 ones, to printable and bounded', () => {
    expect(pathParamProblem('modelId', 'openai/gpt-4o-mini', true)).toBeNull();
    expect(pathParamProblem('id', 'resp_abc123', false)).toBeNull();
    expect(pathParamProblem('*', 'a\0', false)).toBe('the path must be at most 256 printable characters');
    expect(pathParamProblem('modelId', 'x\x1b[31m', true)).not.toBeNull();
    expect(pathParamProblem('file', 'x'.repeat(257), true)).not.toBeNull();
  });

  it("lets a wildcard's rest of the path be empty (the dashboard's fallback serves / itself)", () => {
    expect(pathParamProblem('*', '', false)).toBeNull();
    expect(pathParamProblem('modelId', '', true)).not.toBeNull();
  });
});
