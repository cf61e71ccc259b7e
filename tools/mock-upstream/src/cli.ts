// Runs one mock upstream from the command line, e.g. for the benchmark or manual gateway runs:
//   npm run mock-upstream -- --protocol anthropic --port 8082 --api-key sk-test --chunks 20
import { startMockUpstream } from './mock-upstream';
import type { MockProtocol, MockUpstreamOptions } from './types';

const USAGE = `usage: mock-upstream --protocol openai|anthropic|gemini [--port 0] [--host 127.0.0.1] [--api-key KEY]
                     [--chunks 8] [--base-path /v1] [--models a,b]`;

export function parseCliArgs(argv: readonly string[]): MockUpstreamOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    if (eq !== -1) {
      values.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`missing value for ${arg}`);
      values.set(arg.slice(2), value);
      i++;
    }
  }
  const known = new Set(['protocol', 'port', 'host', 'api-key', 'chunks', 'base-path', 'models']);
  for (const name of values.keys()) if (!known.has(name)) throw new Error(`unknown option: --${name}`);

  const protocol = values.get('protocol');
  if (protocol !== 'openai' && protocol !== 'anthropic' && protocol !== 'gemini') {
    throw new Error(`--protocol must be openai, anthropic or gemini (got ${protocol ?? 'nothing'})`);
  }
  const integer = (name: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) return undefined;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer (got ${raw})`);
    return parsed;
  };
  return {
    protocol: protocol as MockProtocol,
    port: integer('port'),
    host: values.get('host'),
    apiKey: values.get('api-key'),
    chunks: integer('chunks'),
    basePath: values.get('base-path'),
    models: values.get('models')?.split(',').filter(Boolean),
  };
}

async function main(): Promise<void> {
  let options: MockUpstreamOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const mock = await startMockUpstream(options);
  process.stdout.write(`mock ${mock.protocol} upstream listening on ${mock.url} (api key: ${mock.apiKey})\n`);
  const stop = (signal: string) => {
    process.stdout.write(`received ${signal}, stopping\n`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  void main();
}
