import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseCliArgs } from './cli';

describe('mock-upstream CLI', () => {
  it('parses its options in both --name value and --name=value forms', () => {
    expect(parseCliArgs(['--protocol', 'gemini', '--port=8080', '--api-key', 'k', '--chunks', '20', '--models', 'a,b'])).toEqual({
      protocol: 'gemini',
      port: 8080,
      host: undefined,
      apiKey: 'k',
      chunks: 20,
      basePath: undefined,
      models: ['a', 'b'],
    });
  });

  it.each([
    [[]],
    [['--protocol', 'cohere']],
    [['--protocol', 'openai', '--chunks', 'many']],
    [['--protocol', 'openai', '--verbose', 'yes']],
    [['--protocol']],
  ])('refuses bad arguments %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow();
  });

  it('prints its URL, serves requests and stops cleanly on SIGTERM', async () => {
    const root = resolve(__dirname, '../../..');
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/mock-upstream/src/cli.ts', '--protocol', 'openai', '--api-key', 'cli-key', '--chunks', '2'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (\S+)/.exec(out);
          if (match) done(match[1]);
        });
        child.once('exit', (code) => fail(new Error(`CLI exited early with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const res = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer cli-key', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(((await res.json()) as { usage: { completion_tokens: number } }).usage.completion_tokens).toBe(2);
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
