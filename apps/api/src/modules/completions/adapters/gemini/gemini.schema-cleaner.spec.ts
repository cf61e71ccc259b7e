import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import { cleanGeminiSchema } from './gemini.schema-cleaner';

describe('cleanGeminiSchema', () => {
  it('drops keywords Gemini rejects, at every depth, but keeps property names that look like keywords', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      strict: true,
      properties: {
        additionalProperties: { type: 'string', description: 'a property with an awkward name' },
        tags: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1, $comment: 'x' } },
        nested: { type: 'object', additionalProperties: { type: 'string' }, properties: { a: { type: 'integer', exclusiveMinimum: 0 } } },
      },
      required: ['tags'],
    };
    expect(cleanGeminiSchema(schema, 'p')).toEqual({
      type: 'object',
      properties: {
        additionalProperties: { type: 'string', description: 'a property with an awkward name' },
        tags: { type: 'array', items: { type: 'string', minLength: 1 } },
        nested: { type: 'object', properties: { a: { type: 'integer' } } },
      },
      required: ['tags'],
    });
  });

  it('inlines local $defs references, keeping sibling keywords', () => {
    const schema = {
      type: 'object',
      properties: { home: { $ref: '#/$defs/Address', description: 'Home address' }, work: { $ref: '#/definitions/Address' } },
      $defs: { Address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      definitions: { Address: { type: 'object', properties: { city: { type: 'string' } } } },
    };
    const cleaned = cleanGeminiSchema(schema, 'p');
    expect(cleaned.properties).toEqual({
      home: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], description: 'Home address' },
      work: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    });
    expect(cleaned).not.toHaveProperty('$defs');
  });

  it('refuses recursive or unresolvable references, naming the parameter', () => {
    const recursive = {
      type: 'object',
      properties: { child: { $ref: '#/$defs/Node' } },
      $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } },
    };
    expect(() => cleanGeminiSchema(recursive, 'tools[0].function.parameters')).toThrow(UnsupportedParameterError);
    try {
      cleanGeminiSchema({ properties: { x: { $ref: 'https://example.com/schema' } } }, 'response_format.json_schema.schema');
    } catch (error) {
      expect((error as UnsupportedParameterError).param).toBe('response_format.json_schema.schema');
    }
    expect.assertions(2);
  });

  it('expresses nullable types, const, oneOf and allOf in Gemini terms', () => {
    const schema = {
      type: 'object',
      properties: {
        maybe: { type: ['string', 'null'] },
        either: { type: ['string', 'number'] },
        fixed: { const: 'yes' },
        choice: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        optional: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
        level: { enum: [1, 2, null] },
        merged: {
          allOf: [
            { type: 'object', properties: { a: { type: 'string' } } },
            { properties: { b: { type: 'string' } }, required: ['b'] },
          ],
        },
      },
    };
    expect(cleanGeminiSchema(schema, 'p').properties).toEqual({
      maybe: { type: 'string', nullable: true },
      either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      fixed: { enum: ['yes'] },
      choice: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      optional: { type: 'string', format: 'date-time', nullable: true },
      level: { enum: ['1', '2'], nullable: true },
      merged: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['b'] },
    });
  });

  it('keeps only formats the Gemini API accepts and required names that exist', () => {
    const schema = {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        when: { type: 'string', format: 'date-time' },
        ratio: { type: 'number', format: 'float' },
      },
      required: ['email', 'ghost'],
    };
    expect(cleanGeminiSchema(schema, 'p')).toEqual({
      type: 'object',
      properties: { email: { type: 'string' }, when: { type: 'string', format: 'date-time' }, ratio: { type: 'number', format: 'float' } },
      required: ['email'],
    });
  });
});
