/**
 * fast-check arbitraries for the JSON payloads of stream events, shaped like each provider's events
 * (OpenAI and compatible servers, OpenAI Responses, Anthropic, AI SDK, Gemini and Vertex AI, Cohere,
 * Ollama, generic NDJSON), including the variants of recorded traffic (content chunk arrays,
 * reasoning fields, refusals, arguments streamed by JSON path), with field values that are
 * sometimes of the wrong type.
 */

import fc from 'fast-check';

/** Text as models send it: ASCII, accents, CJK, emoji (multi-byte in UTF-8), and control-ish characters. */
export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('é', '日本', '👍🏽', '\n', '\r\n', '\\', '"', '[DONE]', 'data: x', '\u2028'),
  },
);

/** Any JSON value, small. */
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** A field value: mostly of the expected type, sometimes anything at all. */
function value<T>(expected: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: expected }, { weight: 1, arbitrary: anyJson });
}

/** Mostly the first choice or block, which decoders read. */
const choiceIndex = value(fc.constantFrom(0, 0, 0, 1));

const count = value(fc.nat({ max: 5000 }));
const reason = value(fc.constantFrom('stop', 'length', 'tool_calls', 'end_turn', 'STOP', 'COMPLETE', 'max_tokens'));
/** Mistral's content chunks: text, thinking (a list of text chunks), and chunks without text. */
const contentChunks = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('text'), text: value(text) }),
    fc.record({
      type: fc.constant('thinking'),
      thinking: value(fc.array(fc.record({ type: fc.constant('text'), text: value(text) }), { maxLength: 2 })),
    }),
    fc.record({ type: fc.constant('reference'), reference_ids: anyJson }),
  ),
  { maxLength: 3 },
);

const reasoningDetails = fc.array(
  fc.record(
    {
      type: value(fc.constantFrom('reasoning.text', 'reasoning.summary', 'reasoning.encrypted')),
      text: value(text),
      summary: value(text),
      data: value(text),
    },
    { requiredKeys: ['type'] },
  ),
  { maxLength: 2 },
);

const errorBody = value(
  fc.oneof(fc.record({ message: value(text), type: value(fc.constantFrom('overloaded_error', 'rate_limit')) }), text),
);

const openai = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        choices: value(
          fc.array(
            fc.record(
              {
                index: choiceIndex,
                delta: value(
                  fc.record(
                    {
                      content: value(fc.oneof(text, contentChunks)),
                      reasoning_content: value(text),
                      reasoning: value(text),
                      reasoning_details: value(reasoningDetails),
                      refusal: value(text),
                      tool_calls: value(
                        fc.array(
                          fc.record(
                            {
                              index: choiceIndex,
                              id: value(text),
                              function: value(
                                fc.record({ name: value(text), arguments: value(text) }, { requiredKeys: [] }),
                              ),
                            },
                            { requiredKeys: [] },
                          ),
                          { maxLength: 2 },
                        ),
                      ),
                    },
                    { requiredKeys: [] },
                  ),
                ),
                finish_reason: reason,
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
        ),
        usage: value(
          fc.record({ prompt_tokens: count, completion_tokens: count, total_tokens: count }, { requiredKeys: [] }),
        ),
        x_groq: value(
          fc.record({
            usage: value(fc.record({ prompt_tokens: count, completion_tokens: count, total_tokens: count })),
          }),
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ error: errorBody }) },
);

const openaiResponses = fc.oneof(
  fc.record({
    type: fc.constantFrom(
      'response.output_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_text.delta',
      'response.refusal.delta',
      'response.created',
    ),
    delta: value(text),
  }),
  fc.record({
    type: fc.constant('response.reasoning_summary_part.added'),
    summary_index: choiceIndex,
    part: value(fc.record({ type: fc.constant('summary_text'), text: value(text) })),
  }),
  fc.record({
    type: fc.constantFrom('response.output_item.added', 'response.function_call_arguments.delta'),
    item_id: value(text),
    output_index: choiceIndex,
    item: value(
      fc.record({
        type: value(fc.constant('function_call')),
        id: value(text),
        call_id: value(text),
        name: value(text),
      }),
    ),
    delta: value(text),
  }),
  fc.record({
    type: fc.constantFrom('response.completed', 'response.incomplete', 'response.failed'),
    response: value(
      fc.record(
        {
          usage: value(fc.record({ input_tokens: count, output_tokens: count, total_tokens: count })),
          error: errorBody,
          status: value(text),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  {
    weight: 1,
    arbitrary: fc.record(
      { type: fc.constant('error'), message: value(text), error: errorBody },
      { requiredKeys: ['type'] },
    ),
  },
);

const anthropic = fc.oneof(
  fc.record({
    type: fc.constant('content_block_delta'),
    index: choiceIndex,
    delta: value(
      fc.oneof(
        fc.record({ type: fc.constant('text_delta'), text: value(text) }),
        fc.record({ type: fc.constant('thinking_delta'), thinking: value(text) }),
        fc.record({ type: fc.constant('input_json_delta'), partial_json: value(fc.oneof(text, fc.constant(''))) }),
        fc.record({ type: fc.constant('signature_delta'), signature: value(text) }),
        fc.record({ type: fc.constant('citations_delta'), citation: anyJson }),
      ),
    ),
  }),
  fc.record({
    type: fc.constant('content_block_start'),
    index: choiceIndex,
    content_block: value(
      fc.record(
        {
          type: value(
            fc.constantFrom(
              'text',
              'tool_use',
              'server_tool_use',
              'thinking',
              'redacted_thinking',
              'web_search_tool_result',
            ),
          ),
          id: value(text),
          name: value(text),
          input: anyJson,
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  fc.record({
    type: fc.constantFrom('message_start', 'message_delta'),
    message: value(fc.record({ usage: value(fc.record({ input_tokens: count, output_tokens: count })) })),
    usage: value(fc.record({ output_tokens: count })),
    delta: value(fc.record({ stop_reason: reason })),
  }),
  fc.constantFrom({ type: 'message_stop' }, { type: 'ping' }),
  fc.record({ type: fc.constant('content_block_stop'), index: choiceIndex }),
  { weight: 1, arbitrary: fc.record({ type: fc.constant('error'), error: errorBody }) },
);

const aiSdk = fc.oneof(
  fc.record({ type: fc.constantFrom('text-delta', 'reasoning-delta'), id: value(text), delta: value(text) }),
  fc.record({
    type: fc.constantFrom('tool-input-start', 'tool-input-delta', 'tool-input-available'),
    toolCallId: value(text),
    toolName: value(text),
    inputTextDelta: value(text),
    input: anyJson,
  }),
  fc.record(
    { type: fc.constantFrom('start', 'finish', 'finish-step', 'start-step'), finishReason: reason },
    { requiredKeys: ['type'] },
  ),
  { weight: 1, arbitrary: fc.record({ type: fc.constant('error'), errorText: value(text) }) },
);

/** A Vertex AI `PartialArg`: a value (or a piece of a string) at a JSON path. */
const partialArg = fc.record(
  {
    jsonPath: value(fc.constantFrom('$.a', '$.a.b', '$.list[0]', '$.list[2].name', "$['k ey']", '$', 'a', '$.a[*]')),
    stringValue: value(text),
    numberValue: value(fc.double()),
    boolValue: value(fc.boolean()),
    nullValue: value(fc.constant('NULL_VALUE')),
    willContinue: value(fc.boolean()),
  },
  { requiredKeys: ['jsonPath'] },
);

const gemini = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        candidates: value(
          fc.array(
            fc.record(
              {
                content: value(
                  fc.record({
                    parts: value(
                      fc.array(
                        fc.oneof(
                          fc.record({ text: value(text), thought: value(fc.boolean()) }, { requiredKeys: ['text'] }),
                          fc.record({
                            functionCall: value(
                              fc.record(
                                {
                                  name: value(text),
                                  args: anyJson,
                                  id: value(text),
                                  partialArgs: value(fc.array(partialArg, { maxLength: 2 })),
                                  willContinue: value(fc.boolean()),
                                },
                                { requiredKeys: [] },
                              ),
                            ),
                          }),
                        ),
                        { maxLength: 3 },
                      ),
                    ),
                  }),
                ),
                finishReason: reason,
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
        ),
        usageMetadata: value(
          fc.record(
            { promptTokenCount: count, candidatesTokenCount: count, thoughtsTokenCount: count, totalTokenCount: count },
            { requiredKeys: [] },
          ),
        ),
        promptFeedback: value(fc.record({ blockReason: value(text) })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ error: errorBody }) },
);

const cohere = fc.oneof(
  fc.record({
    type: fc.constantFrom('content-delta', 'content-start'),
    index: choiceIndex,
    delta: value(
      fc.record({
        message: value(
          fc.record({ content: value(fc.record({ text: value(text), thinking: value(text) }, { requiredKeys: [] })) }),
        ),
      }),
    ),
  }),
  fc.record({
    type: fc.constantFrom('tool-call-start', 'tool-call-delta', 'tool-call-end', 'tool-plan-delta'),
    index: choiceIndex,
    delta: value(
      fc.record({
        message: value(
          fc.record(
            {
              tool_calls: value(
                fc.record(
                  {
                    id: value(text),
                    function: value(fc.record({ name: value(text), arguments: value(text) }, { requiredKeys: [] })),
                  },
                  { requiredKeys: [] },
                ),
              ),
              tool_plan: value(text),
            },
            { requiredKeys: [] },
          ),
        ),
      }),
    ),
  }),
  fc.record({
    type: fc.constant('message-end'),
    delta: value(
      fc.record(
        {
          finish_reason: reason,
          usage: value(fc.record({ tokens: value(fc.record({ input_tokens: count, output_tokens: count })) })),
          error: value(text),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  fc.constantFrom(
    { type: 'message-start' },
    { type: 'content-end', index: 0 },
    { type: 'tool-call-end', index: 0 },
    { type: 'citation-end', index: 0 },
  ),
  fc.record({ type: fc.constant('citation-start'), index: choiceIndex, delta: anyJson }),
);

const ollamaChunk = fc.record(
  {
    model: value(text),
    message: value(
      fc.record(
        { role: value(text), content: value(text), thinking: value(text), tool_calls: anyJson },
        { requiredKeys: [] },
      ),
    ),
    response: value(text),
    done: value(fc.boolean()),
    done_reason: reason,
    prompt_eval_count: count,
    eval_count: count,
  },
  { requiredKeys: [] },
);
const ollama = fc.oneof(
  { weight: 12, arbitrary: ollamaChunk },
  { weight: 1, arbitrary: fc.record({ error: value(text) }) },
);

const generic = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('text', 'reasoning', 'tool-call', 'usage', 'done'),
      delta: value(text),
      id: value(text),
      argsDelta: value(text),
      usage: anyJson,
      finishReason: reason,
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    { text: value(text), delta: value(text), reasoning: value(text), done: value(fc.boolean()), error: errorBody },
    { requiredKeys: [] },
  ),
  text,
);

const byFormat: Record<string, fc.Arbitrary<unknown>> = {
  openai,
  'openai-responses': openaiResponses,
  anthropic,
  'ai-sdk': aiSdk,
  gemini,
  cohere,
  ollama,
  ndjson: generic,
};

/** One JSON payload shaped like some provider's event, serialised. */
export const providerPayload: fc.Arbitrary<string> = fc
  .oneof(...Object.values(byFormat), anyJson)
  .map((payload) => JSON.stringify(payload));

/** A payload mostly of `format`'s own shapes (so its decoder gets past the first event), else any. */
export function payloadFor(format: string): fc.Arbitrary<string> {
  const own = byFormat[format];
  if (own === undefined) return providerPayload;
  return fc.oneof(
    { weight: 6, arbitrary: own.map((payload) => JSON.stringify(payload)) },
    { weight: 1, arbitrary: providerPayload },
  );
}
