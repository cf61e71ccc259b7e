import { CREDITS_PATH, ECHO_MODEL_ID } from '@apilink/contracts';
import { Link } from 'react-router-dom';
import { CodeBlock } from '../../../components/code-block';
import { useExampleModel } from '../../../hooks/use-example-model';
import { PageHeader } from '../../../components/page-header';
import { SnippetTabs } from '../../../components/snippet-tabs';
import { gatewayBaseUrl, PLACEHOLDER_KEY } from '../../../lib/gateway-url';
import { quickstartSnippets } from '../../../lib/snippets';
import { clientGuides } from '../components/client-guides';
import { DocSection } from '../components/doc-section';
import { ERROR_REFERENCE } from '../components/error-reference';

const SECTIONS = [
  { id: 'quickstart', title: 'Quick start' },
  { id: 'authentication', title: 'Authentication' },
  { id: 'endpoints', title: 'Endpoints' },
  { id: 'errors', title: 'Errors' },
  { id: 'rate-limits', title: 'Rate limits' },
  { id: 'billing', title: 'Billing' },
  { id: 'clients', title: 'Client guides' },
];

export function DocsRoute() {
  const baseUrl = gatewayBaseUrl();
  const anthropicBaseUrl = baseUrl.replace(/\/v1\/?$/, '');
  const exampleModel = useExampleModel();
  const snippetInput = { baseUrl, apiKey: PLACEHOLDER_KEY, model: exampleModel };

  return (
    <>
      <PageHeader
        title="Docs"
        description="ApiLink is OpenAI-compatible: anything that talks to the OpenAI API works with a different base URL and key."
      />
      <div className="docs">
        <nav className="docs__toc" aria-label="On this page">
          {SECTIONS.map((section) => (
            <a key={section.id} href={`#${section.id}`}>
              {section.title}
            </a>
          ))}
        </nav>
        <div className="docs__content">
          <DocSection id="quickstart" title="Quick start">
            <ol>
              <li>
                <Link to="/credits">Add credits</Link> (at least $5; credits never expire).
              </li>
              <li>
                <Link to="/keys">Create an API key</Link> and copy it: it is shown only once.
              </li>
              <li>
                Send a request to <code>{baseUrl}</code> with any OpenAI SDK. Pick a model id from the <Link to="/models">models list</Link>
                .
              </li>
            </ol>
            <SnippetTabs label="Quick start examples" snippets={quickstartSnippets(snippetInput)} />
          </DocSection>

          <DocSection id="authentication" title="Authentication">
            <p>
              Every request to <code>/v1</code> carries your key as a Bearer token. Keys start with <code>al-</code>; ApiLink stores only a
              hash, so a lost key cannot be shown again: revoke it and create a new one.
            </p>
            <CodeBlock code={`Authorization: Bearer ${PLACEHOLDER_KEY}`} language="http" label="Header" />
            <p>
              Anthropic clients may send it as <code>x-api-key: {PLACEHOLDER_KEY}</code> instead (Claude Code does for{' '}
              <code>ANTHROPIC_API_KEY</code>).
            </p>
            <p>
              Keep keys on your server or in your tool&apos;s settings, never in a web page or a public repository. Give each app its own
              key so you can limit (requests per minute, spend cap, expiry) or revoke it on its own.
            </p>
          </DocSection>

          <DocSection id="endpoints" title="Endpoints">
            <p>
              Base URL: <code>{baseUrl}</code>
            </p>
            <div className="table-wrap">
              <table className="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">Method and path</th>
                    <th scope="col">What it does</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td data-label="Endpoint" className="nowrap">
                      <code>POST /v1/chat/completions</code>
                    </td>
                    <td data-label="What it does">
                      Chat completions, as OpenAI defines them: streaming (<code>stream: true</code>, with{' '}
                      <code>stream_options.include_usage</code>), tools and tool choice, images, JSON mode and schemas,{' '}
                      <code>max_tokens</code> / <code>max_completion_tokens</code>, temperature, stop, seed and the rest. Whichever provider
                      answers, the response has OpenAI&apos;s shape.
                    </td>
                  </tr>
                  <tr>
                    <td data-label="Endpoint" className="nowrap">
                      <code>POST /v1/messages</code>
                    </td>
                    <td data-label="What it does">
                      Anthropic&apos;s Messages API, for Claude Code and the Anthropic SDKs (base URL <code>{anthropicBaseUrl}</code>, key
                      in <code>x-api-key</code> or as a Bearer token): streaming events, tools, images, thinking and{' '}
                      <code>cache_control</code>, on every model, Claude or not. <code>usage.cost</code> shows what each request cost.{' '}
                      <code>POST /v1/messages/count_tokens</code> counts a prompt&apos;s tokens for free.
                    </td>
                  </tr>
                  <tr>
                    <td data-label="Endpoint" className="nowrap">
                      <code>GET /v1/models</code>
                    </td>
                    <td data-label="What it does">
                      The active models with <code>context_window</code> (and <code>context_length</code>), capabilities and{' '}
                      <code>pricing</code> per token.
                    </td>
                  </tr>
                  <tr>
                    <td data-label="Endpoint" className="nowrap">
                      <code>GET /v1/models/{'{id}'}</code>
                    </td>
                    <td data-label="What it does">
                      One model. Ids look like <code>provider/model</code>, e.g. <code>openai/gpt-4o</code>.
                    </td>
                  </tr>
                  <tr>
                    <td data-label="Endpoint" className="nowrap">
                      <code>GET {CREDITS_PATH}</code>
                    </td>
                    <td data-label="What it does">Your balance and total usage, for scripts that watch spending.</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <p>
              Every response carries an <code>x-request-id</code> header. Quote it when you contact support, or look it up on the{' '}
              <Link to="/usage">Usage</Link> page.
            </p>
          </DocSection>

          <DocSection id="errors" title="Errors">
            <p>
              Errors use OpenAI&apos;s envelope, so SDKs raise their usual exceptions. On <code>/v1/messages</code> they use
              Anthropic&apos;s instead (<code>{'{"type":"error","error":{"type":"billing_error","message":"…"}}'}</code>, with the id in{' '}
              <code>request-id</code> too), and a stream that already started ends with an <code>event: error</code>.
            </p>
            <CodeBlock
              language="json"
              label="Error body"
              code={`{
  "error": {
    "message": "Insufficient balance. Recharge at ${window.location.origin}/credits",
    "type": "insufficient_quota",
    "param": null,
    "code": "insufficient_quota",
    "request_id": "3f2a9c1e-8d4b-4f5a-9e61-2b7c0d1a4e58"
  }
}`}
            />
            <div className="table-wrap">
              <table className="table table--stack">
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Code</th>
                    <th scope="col">Meaning</th>
                    <th scope="col">What to do</th>
                  </tr>
                </thead>
                <tbody>
                  {ERROR_REFERENCE.map((row) => (
                    <tr key={row.code}>
                      <td data-label="Status">{row.status}</td>
                      <td data-label="Code">
                        <code>{row.code}</code>
                      </td>
                      <td data-label="Meaning">{row.meaning}</td>
                      <td data-label="What to do">{row.action}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              An error after a stream has started arrives as a last <code>data: {'{"error": {...}}'}</code> event, and the stream ends.
              ApiLink retries another provider by itself only before the first token has reached you.
            </p>
          </DocSection>

          <DocSection id="rate-limits" title="Rate limits">
            <p>
              Limits are per API key, counted in requests per minute: the gateway default (usually 60), or the limit you set on the key.
              Every <code>/v1</code> response reports where you stand:
            </p>
            <CodeBlock
              language="http"
              label="Response headers"
              code={`x-ratelimit-limit-requests: 60
x-ratelimit-remaining-requests: 59
x-ratelimit-reset-requests: 1s`}
            />
            <p>
              Over the limit you get <code>429 rate_limit_exceeded</code> with a <code>retry-after</code> header. The official OpenAI SDKs
              wait and retry by themselves (twice by default).
            </p>
          </DocSection>

          <DocSection id="billing" title="Billing">
            <ul>
              <li>
                ApiLink is prepaid. Add credits on the <Link to="/credits">Credits</Link> page (minimum $5). Credits never expire. Every
                payment gets an invoice you can download as a PDF.
              </li>
              <li>
                Prices are per 1 million tokens, separately for input and output (the Models page lists them). Per 1,000 tokens is the same
                price divided by 1,000.
              </li>
              <li>
                A request costs input tokens × input price + output tokens × output price, each rounded up to the next millionth of a
                dollar. Cached input tokens are billed at the model&apos;s cached price where it has one.
              </li>
              <li>
                Before calling the provider, ApiLink holds the most the request could cost: the prompt plus <code>max_tokens</code> (or the
                model&apos;s output limit) at list prices. If your available balance is below that, you get{' '}
                <code>402 insufficient_quota</code> and nothing is sent. Setting <code>max_tokens</code> keeps the hold small.
              </li>
              <li>After the answer, only the real cost is charged and the rest of the hold is released at once.</li>
              <li>
                <strong>Streams:</strong> if you stop reading or disconnect in the middle of a stream, you pay for the prompt and the tokens
                delivered until then, nothing more. If the provider fails before the first token, nothing is charged. Error messages are
                never billed.
              </li>
              <li>
                When a provider reports no token counts, ApiLink counts the delivered tokens itself and marks the charge as estimated on the
                Usage page.
              </li>
              <li>A spend cap on a key stops that key before it would spend more than the cap, even if your balance is higher.</li>
            </ul>
          </DocSection>

          <DocSection id="clients" title="Client guides">
            <p>
              Replace <code>{PLACEHOLDER_KEY}</code> with your key and <code>{exampleModel}</code> with the model you want.
              {exampleModel === ECHO_MODEL_ID
                ? ' The echo model answers with your own message: it tests the set-up without any provider.'
                : ''}
            </p>
            <SnippetTabs label="Client guides" snippets={clientGuides(snippetInput)} />
          </DocSection>
        </div>
      </div>
    </>
  );
}
