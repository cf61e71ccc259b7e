import { floorTable } from './report';

describe('floorTable', () => {
  it('lists each round trip and sums their percentiles', () => {
    const table = floorTable([
      { name: 'billing hold (PostgreSQL)', p50: 0.6, p99: 2.5 },
      { name: 'rate-limit script (Redis)', p50: 0.1, p99: 0.4 },
    ]);
    expect(table.split('\n')).toEqual([
      '| what every gateway request waits for, each timed alone | p50 ms | p99 ms |',
      '| --- | ---: | ---: |',
      '| billing hold (PostgreSQL) | 0.60 | 2.50 |',
      '| rate-limit script (Redis) | 0.10 | 0.40 |',
      '| **sum** | 0.70 | 2.90 |',
    ]);
  });
});
