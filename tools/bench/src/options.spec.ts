import { parseBenchOptions } from './options';

describe('parseBenchOptions', () => {
  it('has the documented defaults', () => {
    expect(parseBenchOptions([], '/repo')).toEqual({
      phases: ['closed', 'rate', 'stream', 'stream-rate'],
      durationMs: 10_000,
      warmupMs: 3_000,
      concurrency: 32,
      rate: 500,
      streamRate: 100,
      chunks: 20,
      customers: 1,
      workers: 1,
      redis: true,
      asyncCommit: false,
      build: true,
    });
  });

  it('reads every option, resolving paths from the repository root', () => {
    const options = parseBenchOptions(
      [
        '--duration',
        '5',
        '--rate',
        '250',
        '--stream-rate',
        '40',
        '--customers',
        '4',
        '--workers',
        '2',
        '--phases',
        'stream-rate,rate',
        '--no-redis',
        '--async-commit',
        '--no-build',
        '--gateway-checkout',
        '../before',
        '--cpu-prof',
        'tmp/p',
        '--json',
        'tmp/b.json',
      ],
      '/repo',
    );
    expect(options).toMatchObject({
      phases: ['rate', 'stream-rate'],
      durationMs: 5000,
      rate: 250,
      streamRate: 40,
      customers: 4,
      workers: 2,
      redis: false,
      asyncCommit: true,
      build: false,
      gatewayCheckout: '/before',
      cpuProfileDir: '/repo/tmp/p',
      jsonFile: '/repo/tmp/b.json',
    });
  });

  it('refuses unknown options and bad values', () => {
    expect(() => parseBenchOptions(['--fast'], '/repo')).toThrow(/unknown option --fast/);
    expect(() => parseBenchOptions(['--rate', '-1'], '/repo')).toThrow(/positive number/);
    expect(() => parseBenchOptions(['--json'], '/repo')).toThrow(/needs a value/);
    expect(() => parseBenchOptions(['--phases', 'rate,burst'], '/repo')).toThrow(
      /--phases takes a list of closed, rate, stream, stream-rate/,
    );
  });
});
