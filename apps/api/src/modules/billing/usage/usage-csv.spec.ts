import type { UsageRecordEntity } from '../entities/usage-record.entity';
import { USAGE_CSV_HEADER, usageCsvLine } from './usage-csv';

const record = (overrides: Partial<UsageRecordEntity> = {}): UsageRecordEntity =>
  ({
    id: 'id',
    requestId: 'req_1',
    userId: 'u',
    keyId: '00000000-0000-4000-8000-000000000001',
    model: 'openai/gpt-4o-mini',
    provider: 'openai',
    promptTokens: 12,
    completionTokens: 34,
    cachedTokens: 0,
    costMicros: 1_234_567n,
    uncollectedMicros: 0n,
    holdMicros: 2_000_000n,
    estimated: false,
    status: 'success',
    httpStatus: null,
    errorCode: null,
    latencyMs: 812,
    ttftMs: 120,
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    settledAt: new Date('2026-01-02T03:04:06.000Z'),
    ...overrides,
  }) as UsageRecordEntity;

describe('usage CSV', () => {
  it('has one header and one CRLF-terminated line per record with exact amounts', () => {
    expect(USAGE_CSV_HEADER).toBe(
      'created_at,request_id,key_id,model,provider,status,prompt_tokens,completion_tokens,cached_tokens,cost_usd,cost_micros,uncollected_micros,estimated,latency_ms,ttft_ms,http_status,error_code\r\n',
    );
    expect(usageCsvLine(record())).toBe(
      '2026-01-02T03:04:05.678Z,req_1,00000000-0000-4000-8000-000000000001,openai/gpt-4o-mini,openai,success,12,34,0,1.234567,1234567,0,false,812,120,,\r\n',
    );
  });

  it('gives a refused row the HTTP status and error code the client got', () => {
    const refused = record({
      provider: null,
      status: 'refused',
      promptTokens: 0,
      completionTokens: 0,
      costMicros: 0n,
      holdMicros: 0n,
      httpStatus: 429,
      errorCode: 'rate_limit_exceeded',
      latencyMs: 3,
      ttftMs: null,
    });
    expect(usageCsvLine(refused)).toBe(
      '2026-01-02T03:04:05.678Z,req_1,00000000-0000-4000-8000-000000000001,openai/gpt-4o-mini,,refused,0,0,0,0.000000,0,0,false,3,,429,rate_limit_exceeded\r\n',
    );
  });

  it('leaves unknown timings, provider, HTTP status and error code empty', () => {
    const line = usageCsvLine(record({ provider: null, latencyMs: null, ttftMs: null, status: 'expired' }));
    expect(line.endsWith(',expired,12,34,0,1.234567,1234567,0,false,,,,\r\n')).toBe(true);
    expect(line).toContain(',openai/gpt-4o-mini,,expired,');
  });

  it('quotes commas and quotes, and neutralises formulas', () => {
    const line = usageCsvLine(record({ model: 'a,"b"', requestId: '=HYPERLINK("x")', httpStatus: 400, errorCode: '@SUM(1,2)' }));
    expect(line).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(line).toContain(',"a,""b""",');
    expect(line.endsWith(`,400,"'@SUM(1,2)"\r\n`)).toBe(true);
  });
});
