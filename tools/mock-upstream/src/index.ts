// Mock LLM upstreams (OpenAI-compatible, Anthropic, Gemini) for the API's end-to-end tests and the benchmark.
export { DEFAULT_MOCK_API_KEY, MockUpstream, startMockUpstream } from './mock-upstream';
export { DEFAULT_CHUNKS, defaultReplyText } from './reply-plan';
export type {
  MockFault,
  MockFinishReason,
  MockOpenAiServer,
  MockProtocol,
  MockToolCall,
  MockUpstreamOptions,
  MockUsage,
  RecordedRequest,
  ScriptedReply,
} from './types';
