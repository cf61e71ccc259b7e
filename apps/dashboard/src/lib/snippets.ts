/** Ready-to-run client snippets, shared by the overview's quick start and the docs. */
export interface SnippetInput {
  baseUrl: string;
  apiKey: string;
  model: string;
}

export interface Snippet {
  id: string;
  label: string;
  language: string;
  code: string;
  /** Shown above the code: what this client needs to know. */
  intro?: string;
  /** Numbered set-up steps for clients configured in a settings screen. */
  steps?: string[];
}

export function curlSnippet({ baseUrl, apiKey, model }: SnippetInput): string {
  return `curl ${baseUrl}/chat/completions \\
  -H "Authorization: Bearer ${apiKey}" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "${model}",
    "messages": [{"role": "user", "content": "Say hello"}]
  }'`;
}

export function pythonSnippet({ baseUrl, apiKey, model }: SnippetInput): string {
  return `# pip install openai
from openai import OpenAI

client = OpenAI(base_url="${baseUrl}", api_key="${apiKey}")

completion = client.chat.completions.create(
    model="${model}",
    messages=[{"role": "user", "content": "Say hello"}],
)
print(completion.choices[0].message.content)`;
}

export function typescriptSnippet({ baseUrl, apiKey, model }: SnippetInput): string {
  return `// npm install openai
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '${baseUrl}', apiKey: '${apiKey}' });

const completion = await client.chat.completions.create({
  model: '${model}',
  messages: [{ role: 'user', content: 'Say hello' }],
});
console.log(completion.choices[0].message.content);`;
}

/** Continues pythonSnippet: the same client, streaming. */
export function pythonStreamingContinuation({ model }: Pick<SnippetInput, 'model'>): string {
  return `stream = client.chat.completions.create(
    model="${model}",
    messages=[{"role": "user", "content": "Write a haiku about the sea"}],
    stream=True,
    stream_options={"include_usage": True},
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)`;
}

export function quickstartSnippets(input: SnippetInput): Snippet[] {
  return [
    { id: 'curl', label: 'curl', language: 'bash', code: curlSnippet(input) },
    { id: 'python', label: 'Python', language: 'python', code: pythonSnippet(input) },
    { id: 'typescript', label: 'TypeScript', language: 'typescript', code: typescriptSnippet(input) },
  ];
}
