/**
 * The gateway under test with its three mock upstreams (OpenAI-compatible, Anthropic, Gemini),
 * a customer with an API key and credits, and the official `openai` SDK pointed at the gateway.
 */
import { startMockUpstream, type MockUpstream } from '@apilink/mock-upstream';
import OpenAI from 'openai';
import { startTestApp, type TestApp } from '../../../support/test-app';
import { TestSession, type TestSessionOptions } from '../../../support/test-session';

export interface Mocks {
  openai: MockUpstream;
  anthropic: MockUpstream;
  gemini: MockUpstream;
}

export async function startMocks(chunks = 8): Promise<Mocks> {
  const [openai, anthropic, gemini] = await Promise.all([
    startMockUpstream({ protocol: 'openai', apiKey: 'sk-mock-openai', chunks }),
    startMockUpstream({ protocol: 'anthropic', apiKey: 'sk-ant-mock', chunks }),
    startMockUpstream({ protocol: 'gemini', apiKey: 'AIza-mock-gemini', chunks }),
  ]);
  return { openai, anthropic, gemini };
}

/** Gateway variables pointing each provider account at its mock. */
export function providerEnv(mocks: Mocks): Record<string, string> {
  return {
    OPENAI_API_KEY: mocks.openai.apiKey,
    OPENAI_BASE_URL: mocks.openai.url,
    ANTHROPIC_API_KEY: mocks.anthropic.apiKey,
    ANTHROPIC_BASE_URL: mocks.anthropic.url,
    GEMINI_API_KEY: mocks.gemini.apiKey,
    GEMINI_BASE_URL: mocks.gemini.url,
  };
}

export async function closeMocks(mocks: Mocks | undefined): Promise<void> {
  if (!mocks) return;
  await Promise.all([mocks.openai.close(), mocks.anthropic.close(), mocks.gemini.close()]);
}

export interface Customer {
  session: TestSession;
  client: OpenAI;
}

/** A customer with a key and `credits` micro-USD, and an SDK client that never retries on its own. */
export async function newCustomer(testApp: TestApp, credits = 10_000_000n, options: TestSessionOptions = {}): Promise<Customer> {
  const session = await TestSession.create(testApp, { ...options, credits });
  const client = new OpenAI({ apiKey: session.apiKey, baseURL: `${testApp.url}/v1`, maxRetries: 0, timeout: 20_000 });
  return { session, client };
}

export { startTestApp, type TestApp };

export interface GatewayFixture {
  mocks: Mocks;
  testApp: TestApp;
  customer: Customer;
}

/**
 * Registers the usual hooks of a gateway test: mocks and the app before all tests (the env may
 * point elsewhere than at the mocks), a customer, mocks reset before each test, all closed after.
 * Read the fields inside tests: they are filled in by beforeAll.
 */
export function useGateway(
  options: { env?: (mocks: Mocks) => Record<string, string> | Promise<Record<string, string>>; credits?: bigint } = {},
): GatewayFixture {
  const fixture = {} as GatewayFixture;
  beforeAll(async () => {
    fixture.mocks = await startMocks();
    fixture.testApp = await startTestApp({ env: options.env ? await options.env(fixture.mocks) : providerEnv(fixture.mocks) });
    fixture.customer = await newCustomer(fixture.testApp, options.credits);
  });
  afterAll(async () => {
    await fixture.testApp?.close();
    await closeMocks(fixture.mocks);
  });
  beforeEach(() => {
    fixture.mocks.openai.reset();
    fixture.mocks.anthropic.reset();
    fixture.mocks.gemini.reset();
  });
  return fixture;
}
