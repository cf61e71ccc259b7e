/** Set-up guides for the OpenAI-compatible clients customers use, with this gateway's values filled in. */
import {
  curlSnippet,
  pythonSnippet,
  pythonStreamingContinuation,
  typescriptSnippet,
  type Snippet,
  type SnippetInput,
} from '../../../lib/snippets';

export function clientGuides(input: SnippetInput): Snippet[] {
  const { baseUrl, apiKey, model } = input;
  // Anthropic's clients append /v1/messages themselves: their base URL is the gateway's origin.
  const anthropicBaseUrl = baseUrl.replace(/\/v1\/?$/, '');
  return [
    {
      id: 'claude-code',
      label: 'Claude Code',
      language: 'bash',
      intro:
        "Claude Code speaks Anthropic's Messages API, which ApiLink serves at /v1/messages on the same key and credits. Claude models answer to the ids Claude Code sends by default; set ANTHROPIC_MODEL to run it on any other model.",
      code: `export ANTHROPIC_BASE_URL=${anthropicBaseUrl}
export ANTHROPIC_AUTH_TOKEN=${apiKey}
# Optional: another model for the main and the background tasks
# (ANTHROPIC_SMALL_FAST_MODEL before Claude Code 2.0)
export ANTHROPIC_MODEL=${model}
export ANTHROPIC_DEFAULT_HAIKU_MODEL=${model}
claude`,
    },
    {
      id: 'anthropic-sdk',
      label: 'Anthropic SDK',
      language: 'typescript',
      intro: 'The official @anthropic-ai/sdk (or the Python anthropic package) with the gateway as base URL and an ApiLink key.',
      code: `import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ baseURL: '${anthropicBaseUrl}', apiKey: '${apiKey}' });
const message = await client.messages.create({
  model: '${model}',
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'Say hello' }],
});
console.log(message.content, message.usage); // usage.cost: what the request cost, in USD`,
    },
    {
      id: 'codex',
      label: 'Codex',
      language: 'toml',
      intro:
        "Codex speaks OpenAI's Responses API, which ApiLink serves at /v1/responses (stateless: send the whole conversation; no stored responses or built-in tools). OpenAI models pass through to OpenAI's own Responses API, so reasoning items with encrypted_content carry over between turns; other models are translated. Add ApiLink as a provider in ~/.codex/config.toml, then export APILINK_API_KEY.",
      code: `model = "${model}"
model_provider = "apilink"

[model_providers.apilink]
name = "ApiLink"
base_url = "${baseUrl}"
env_key = "APILINK_API_KEY"   # export APILINK_API_KEY=${apiKey}
wire_api = "responses"`,
    },
    {
      id: 'embeddings',
      label: 'Embeddings',
      language: 'typescript',
      intro: 'POST /v1/embeddings with the official openai package: embedding models are listed in /v1/models with kind "embedding".',
      code: `import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '${baseUrl}', apiKey: '${apiKey}' });
const { data, usage } = await client.embeddings.create({
  model: 'openai/text-embedding-3-small',
  input: ['first chunk', 'second chunk'],
});
console.log(data[0].embedding.length, usage); // usage.cost: what the request cost, in USD`,
    },
    {
      id: 'curl',
      label: 'curl',
      language: 'bash',
      intro: 'Any HTTP client works: send the key as a Bearer token.',
      code: curlSnippet(input),
    },
    {
      id: 'python',
      label: 'OpenAI Python',
      language: 'python',
      intro: 'The official SDK needs only a different base URL and key. Streaming works the same way.',
      code: `${pythonSnippet(input)}\n\n# Streaming, with usage in the last chunk\n${pythonStreamingContinuation(input)}`,
    },
    {
      id: 'typescript',
      label: 'OpenAI TypeScript',
      language: 'typescript',
      intro: 'The official openai npm package, in Node 18+ or any modern runtime.',
      code: typescriptSnippet(input),
    },
    {
      id: 'cursor',
      label: 'Cursor',
      language: 'text',
      intro: 'Cursor calls the base URL from its own servers, so the gateway must be reachable from the internet (not localhost).',
      steps: [
        'Open Cursor Settings → Models.',
        'Under "OpenAI API Key", paste your ApiLink key and turn the key on.',
        'Turn on "Override OpenAI Base URL" and enter the base URL below.',
        `Add a custom model with the exact ApiLink id, e.g. ${model}, and select it in the chat.`,
      ],
      code: `OpenAI API Key:          ${apiKey}\nOverride OpenAI Base URL: ${baseUrl}\nCustom model:             ${model}`,
    },
    {
      id: 'continue',
      label: 'Continue',
      language: 'yaml',
      intro: 'Add a model to ~/.continue/config.yaml with the openai provider.',
      code: `models:
  - name: ApiLink ${model}
    provider: openai
    model: ${model}
    apiBase: ${baseUrl}
    apiKey: ${apiKey}
    roles:
      - chat
      - edit`,
    },
    {
      id: 'aider',
      label: 'Aider',
      language: 'bash',
      intro:
        'Aider goes through LiteLLM: prefix the ApiLink model id with openai/ so it is sent to the OpenAI-compatible base URL unchanged.',
      code: `export OPENAI_API_BASE=${baseUrl}
export OPENAI_API_KEY=${apiKey}
aider --model openai/${model}`,
    },
    {
      id: 'litellm',
      label: 'LiteLLM',
      language: 'python',
      intro:
        'Use the openai/ prefix: LiteLLM strips it and sends the rest of the id to ApiLink. For the LiteLLM proxy, add the same to config.yaml.',
      code: `import litellm

response = litellm.completion(
    model="openai/${model}",
    api_base="${baseUrl}",
    api_key="${apiKey}",
    messages=[{"role": "user", "content": "Say hello"}],
)
print(response.choices[0].message.content)

# LiteLLM proxy config.yaml
# model_list:
#   - model_name: my-model
#     litellm_params:
#       model: openai/${model}
#       api_base: ${baseUrl}
#       api_key: os.environ/APILINK_API_KEY`,
    },
  ];
}
