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
    latencyMs: 812,
    ttftMs: 120,
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    settledAt: new Date('2026-01-02T03:04:06.000Z'),
    ...overrides,
  }) as UsageRecordEntity;

describe('usage CSV', () => {
  it('has one header and one CRLF-terminated line per record with exact amounts', () => {
    expect(USAGE_CSV_HEADER.split(',')).toHaveLength(15);
    expect(usageCsvLine(record())).toBe(
      '2026-01-02T03:04:05.678Z,req_1,00000000-0000-4000-8000-000000000001,openai/gpt-4o-mini,openai,success,12,34,0,1.234567,1234567,0,false,812,120\r\n',
    );
  });

  it('leaves unknown timings and provider empty', () => {
    const line = usageCsvLine(record({ provider: null, latencyMs: null, ttftMs: null, status: 'expired' }));
    expect(line.endsWith(',expired,12,34,0,1.234567,1234567,0,false,,\r\n')).toBe(true);
    expect(line).toContain(',openai/gpt-4o-mini,,expired,');
  });

  it('quotes commas and quotes, and neutralises formulas', () => {
    const line = usageCsvLine(record({ model: 'a,"b"', requestId: '=HYPERLINK("x")' }));
    expect(line).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(line).toContain(',"a,""b""",');
  });
});
