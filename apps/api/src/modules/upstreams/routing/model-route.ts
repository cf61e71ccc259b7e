import type { UpstreamAccountConfig } from './upstream-account';

/** One upstream able to serve a model: the account to call and the model id it knows. */
export interface ModelRoute {
  account: UpstreamAccountConfig;
  upstreamModel: string;
}

/** Base URL of the in-process demo upstream; the completions module serves it without any network. */
export const ECHO_UPSTREAM_BASE_URL = 'inproc://apilink-echo';

/** The account behind `apilink/echo`; it speaks OpenAI's protocol, in process. */
export const ECHO_UPSTREAM_ACCOUNT: UpstreamAccountConfig = Object.freeze({
  id: 'apilink-echo',
  protocol: 'openai',
  baseUrl: ECHO_UPSTREAM_BASE_URL,
  apiKey: 'in-process',
});
