import { type MockUpstream, startMockUpstream } from './mock-upstream';
import { defaultReplyText } from './reply-plan';
import { authHeaders, parseSse, postJson } from './spec-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk wire payloads freely
type Json = Record<string, any>;

describe('Gemini mock upstream', () => {
  let mock: MockUpstream;
  const model = 'gemini-2.5-flash';
  const generateUrl = () => `${mock.url}/v1beta/models/${model}:generateContent`;
  const streamUrl = () => `${mock.url}/v1beta/models/${model}:streamGenerateContent?alt=sse`;
  const request = (extra: Json = {}) => ({
    systemInstruction: { parts: [{ text: 'Be brief.' }] }, // 9 characters
    contents: [{ role: 'user', parts: [{ text: 'Hello there, mock!' }] }], // 18 characters: ceil(27 / 4) = 7
    ...extra,
  });
  const post = (body: unknown, url = generateUrl(), headers = authHeaders(mock)) => postJson(url, body, headers);

  beforeAll(async () => {
    mock = await startMockUpstream({ protocol: 'gemini' });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  async function streamChunks(body: Json): Promise<{ raw: string; chunks: Json[] }> {
    const res = await post(body, streamUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const raw = await res.text();
    return { raw, chunks: parseSse(raw).map((event) => JSON.parse(event.data)) };
  }

  it('uses the origin as its base URL, like GEMINI_BASE_URL', () => {
    expect(mock.url).toBe(mock.origin);
  });

  it('answers generateContent with candidates, finishReason, usageMetadata and modelVersion', async () => {
    const res = await post(request());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      candidates: [{ content: { parts: [{ text: defaultReplyText('gemini') }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: {
        promptTokenCount: 7,
        candidatesTokenCount: 8,
        totalTokenCount: 15,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: 7 }],
      },
      modelVersion: model,
      responseId: expect.any(String),
    });
  });

  it('streams with alt=sse as data: lines separated by CRLF CRLF, usage on every chunk and the totals on the last', async () => {
    const { raw, chunks } = await streamChunks(request());
    expect(raw.startsWith('data: {')).toBe(true);
    expect(raw.split('\r\n\r\n').filter(Boolean)).toHaveLength(8);
    expect(raw.endsWith('}\r\n\r\n')).toBe(true);
    expect(chunks.map((c) => c.candidates[0].content.parts[0].text).join('')).toBe(defaultReplyText('gemini'));
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.candidates[0].finishReason).toBeUndefined();
      expect(chunk.usageMetadata).toMatchObject({ promptTokenCount: 7, totalTokenCount: 7 });
      expect(chunk.usageMetadata.candidatesTokenCount).toBeUndefined();
      expect(chunk.modelVersion).toBe(model);
    }
    const last = chunks.at(-1)!;
    expect(last.candidates[0]).toMatchObject({ content: { role: 'model' }, finishReason: 'STOP' });
    expect(last.usageMetadata).toMatchObject({ promptTokenCount: 7, candidatesTokenCount: 8, totalTokenCount: 15 });
  });

  it('streams a JSON array when streamGenerateContent is called without alt=sse', async () => {
    const res = await post(request(), `${mock.url}/v1beta/models/${model}:streamGenerateContent`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const chunks = (await res.json()) as Json[];
    expect(chunks).toHaveLength(8);
    expect(chunks.at(-1)!.candidates[0].finishReason).toBe('STOP');
  });

  it('accepts the key as ?key= as well as x-goog-api-key', async () => {
    const res = await post(request(), `${generateUrl()}?key=${mock.apiKey}`, {});
    expect(res.status).toBe(200);
  });

  it('answers a wrong key with 400 API_KEY_INVALID and a missing key with 403, as the Gemini API does', async () => {
    const wrong = await post(request(), generateUrl(), { 'x-goog-api-key': 'AIza-wrong' });
    expect(wrong.status).toBe(400);
    const wrongBody = (await wrong.json()) as Json;
    expect(wrongBody.error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: 'API key not valid. Please pass a valid API key.',
    });
    expect(wrongBody.error.details[0]).toMatchObject({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' });
    const missing = await post(request(), generateUrl(), {});
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as Json).error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
  });

  describe('function declarations', () => {
    const declaration = (parameters: Json) => ({
      tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parameters }] }],
    });
    const clean = { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] };

    it.each([
      ['$schema', { ...clean, $schema: 'http://json-schema.org/draft-07/schema#' }, 'tools[0].function_declarations[0].parameters'],
      ['additionalProperties', { ...clean, additionalProperties: false }, 'tools[0].function_declarations[0].parameters'],
      [
        'additionalProperties',
        {
          type: 'object',
          properties: { place: { type: 'object', properties: { city: { type: 'string' } }, additionalProperties: false } },
        },
        'tools[0].function_declarations[0].parameters.properties[0].value',
      ],
      ['strict', { ...clean, strict: true }, 'tools[0].function_declarations[0].parameters'],
    ])('rejects %s in the parameters with 400 INVALID_ARGUMENT in the Google envelope (%#)', async (name, parameters, path) => {
      const res = await post(request(declaration(parameters)));
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as Json;
      expect(error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
      expect(error.message).toBe(`Invalid JSON payload received. Unknown name "${name}" at '${path}': Cannot find field.`);
      expect(error.details[0]).toEqual({
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [{ field: path, description: error.message }],
      });
    });

    it('rejects strict on the declaration itself and a JSON-schema type union', async () => {
      const res = await post(
        request({
          tools: [
            {
              functionDeclarations: [
                { name: 'f', strict: true, parameters: { type: 'object', properties: { a: { type: ['string', 'null'] } } } },
              ],
            },
          ],
        }),
      );
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as Json;
      expect(error.message).toContain(`Unknown name "strict" at 'tools[0].function_declarations[0]'`);
      expect(error.message).toContain('Proto field is not repeating, cannot start list.');
    });

    it('accepts clean OpenAPI-subset parameters and calls the function forced by mode ANY', async () => {
      const res = await post(request({ ...declaration(clean), toolConfig: { functionCallingConfig: { mode: 'ANY' } } }));
      expect(res.status).toBe(200);
      const body = (await res.json()) as Json;
      expect(body.candidates[0].content.parts).toEqual([{ functionCall: { name: 'get_weather', args: { city: 'mock' } } }]);
      expect(body.candidates[0].finishReason).toBe('STOP');
    });

    it('honours allowedFunctionNames and streams a function call whole in one chunk', async () => {
      const tools = [
        {
          functionDeclarations: [
            { name: 'a' },
            { name: 'b', parameters: { type: 'OBJECT', properties: { n: { type: 'NUMBER' } }, required: ['n'] } },
          ],
        },
      ];
      const { chunks } = await streamChunks(
        request({ tools, toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['b'] } } }),
      );
      expect(chunks).toHaveLength(1);
      expect(chunks[0].candidates[0].content.parts).toEqual([{ functionCall: { name: 'b', args: { n: 1 } } }]);
      expect(chunks[0].candidates[0].finishReason).toBe('STOP');
    });

    it('rejects an invalid function name', async () => {
      const res = await post(request({ tools: [{ functionDeclarations: [{ name: 'has space' }] }] }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).error.message).toContain('Invalid function name');
    });
  });

  it('rejects additionalProperties in generationConfig.responseSchema and unknown generationConfig fields', async () => {
    const schema = await post(
      request({
        generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'object', additionalProperties: false } },
      }),
    );
    expect(schema.status).toBe(400);
    expect(((await schema.json()) as Json).error.message).toContain(
      `Unknown name "additionalProperties" at 'generation_config.response_schema'`,
    );
    const unknown = await post(request({ generationConfig: { max_tokens: 10 } }));
    expect(((await unknown.json()) as Json).error.message).toBe(
      `Invalid JSON payload received. Unknown name "max_tokens" at 'generation_config': Cannot find field.`,
    );
  });

  it('accepts every documented generationConfig field, in camelCase or snake_case', async () => {
    const res = await post(
      request({
        generation_config: { max_output_tokens: 100 },
        generationConfig: {
          maxOutputTokens: 100,
          temperature: 0.5,
          topP: 0.9,
          stopSequences: ['END'],
          responseMimeType: 'application/json',
          responseSchema: { type: 'OBJECT', properties: { a: { type: 'STRING', nullable: true } }, propertyOrdering: ['a'] },
          candidateCount: 1,
          seed: 42,
        },
      }),
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['an assistant role', { contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }, 'Please use a valid role: user, model.'],
    ['empty contents', { contents: [] }, 'contents is not specified'],
    ['an OpenAI-style body', { messages: [{ role: 'user', content: 'x' }] }, 'Unknown name "messages": Cannot find field.'],
    ['an empty part', { contents: [{ role: 'user', parts: [{}] }] }, "required oneof field 'data'"],
  ])('rejects %s with 400 INVALID_ARGUMENT', async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as Json;
    expect(error.status).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(message);
  });

  it('accepts inlineData, fileData, functionCall and functionResponse parts', async () => {
    const res = await post({
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'Look' },
            { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
            { fileData: { mimeType: 'application/pdf', fileUri: 'gs://b/f.pdf' } },
          ],
        },
        { role: 'model', parts: [{ functionCall: { name: 'look', args: { at: 'x' } } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'look', response: { seen: 'cat' } } }] },
      ],
    });
    expect(res.status).toBe(200);
  });

  it('reports MAX_TOKENS when maxOutputTokens cuts the reply, and SAFETY for a scripted content filter', async () => {
    const capped = (await (await post(request({ generationConfig: { maxOutputTokens: 3 } }))).json()) as Json;
    expect(capped.candidates[0].finishReason).toBe('MAX_TOKENS');
    expect(capped.usageMetadata.candidatesTokenCount).toBe(3);
    mock.enqueueReply({ text: 'unsafe', finishReason: 'content_filter' });
    const filtered = (await (await post(request())).json()) as Json;
    expect(filtered.candidates[0].finishReason).toBe('SAFETY');
    expect(filtered.candidates[0].safetyRatings[0]).toMatchObject({ blocked: true });
  });

  it('stops before the first of generationConfig.stopSequences with a plain STOP, streamed and not', async () => {
    mock.enqueueReply({ text: 'one two END three' }, { text: 'one two END three' });
    const stopped = (await (await post(request({ generationConfig: { stopSequences: ['###', 'END'] } }))).json()) as Json;
    expect(stopped.candidates[0]).toMatchObject({ content: { parts: [{ text: 'one two ' }] }, finishReason: 'STOP' });
    const { chunks } = await streamChunks(request({ generation_config: { stop_sequences: ['END'] } }));
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts[0]?.text ?? '').join('')).toBe('one two ');
    expect(chunks.at(-1)!.candidates[0].finishReason).toBe('STOP');
  });

  it('omits usageMetadata when scripted to, streamed and not', async () => {
    mock.enqueueReply({ text: 'a b', omitUsage: true }, { text: 'a b', omitUsage: true });
    expect(((await (await post(request())).json()) as Json).usageMetadata).toBeUndefined();
    const { chunks } = await streamChunks(request());
    expect(chunks.some((c) => c.usageMetadata)).toBe(false);
  });

  it('answers rate limits with 429 RESOURCE_EXHAUSTED and a RetryInfo delay, and 503 with UNAVAILABLE', async () => {
    mock.setFault({ kind: 'rateLimit', retryAfterSeconds: 12, times: 1 });
    const limited = await post(request());
    expect(limited.status).toBe(429);
    const { error } = (await limited.json()) as Json;
    expect(error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '12s' });
    mock.setFault({ kind: 'status', status: 503, times: 1 });
    const unavailable = await post(request());
    expect(unavailable.status).toBe(503);
    expect(((await unavailable.json()) as Json).error).toMatchObject({ code: 503, status: 'UNAVAILABLE' });
  });

  it('lists models on GET /v1beta/models', async () => {
    const res = await fetch(`${mock.url}/v1beta/models`, { headers: authHeaders(mock) });
    expect(((await res.json()) as Json).models[0]).toMatchObject({
      name: expect.stringMatching(/^models\//),
      supportedGenerationMethods: expect.arrayContaining(['generateContent']),
    });
  });
});
