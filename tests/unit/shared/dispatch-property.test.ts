/**
 * Property test of the contract dispatcher, the one entry for untrusted input (IPC and HTTP):
 * for every call, arbitrary JSON and near-valid objects (built from the call's own input schema,
 * then bent: a field replaced, dropped or added) never make it throw, and always come back as an
 * ok/error envelope with a known error code. The handlers and the database are real.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { CALL_NAMES, contract, type ApiHandlers } from '../../../shared/contract';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { API_ERROR_CODES, ApiErrorPayloadSchema } from '../../../shared/contract/errors';
import { openTempWorkbench, SEEDS_DIR } from '../../helpers/temp-workbench';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
};

// Strings without path separators or dots: a generated `startImport` path must never name a
// real folder (".", "/") and import the machine.
const SAFE_TEXT = fc.string({
  unit: fc.constantFrom(...'abcxyzĐđăâêôơưáàảãạ ếỆ-_#%<>&\'"0123456789'.split('')),
  minLength: 1,
  maxLength: 12,
});
const LABEL_KEYS = fc.constantFrom('PER', 'LOC', 'ORG', 'RISK', 'PROPOSAL', 'NOPE', 'A1');
const SMALL_INTEGERS = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.integer({ min: 0, max: 500 }),
  fc.constantFrom(-1, 2 ** 31, Number.MAX_SAFE_INTEGER),
);

/** Values of the schema's shape, mostly valid, with the edges that matter to handlers. */
function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.jsonValue({ maxDepth: 1 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((option) => fromSchema(option, depth + 1)));
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type }, depth + 1)));
  }
  switch (schema.type) {
    case 'integer':
      return SMALL_INTEGERS;
    case 'number':
      return fc.oneof(SMALL_INTEGERS, fc.double());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return schema.pattern ? LABEL_KEYS : SAFE_TEXT;
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, depth + 1) : fc.jsonValue(), { maxLength: 3 });
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, fromSchema(value, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A schema-shaped object, then bent one way: a field replaced by any JSON, dropped, or added. */
function nearValid(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc
    .tuple(fromSchema(schema), fc.constantFrom('keep', 'replace', 'drop', 'add'), fc.nat(), fc.jsonValue())
    .map(([value, bend, index, junk]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || bend === 'keep') return value;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length > 0 ? keys[index % keys.length]! : 'extra';
      if (bend === 'replace') copy[key] = junk;
      if (bend === 'drop') delete copy[key];
      if (bend === 'add') copy[`extra${index % 3}`] = junk;
      return copy;
    });
}

describe('dispatchCall under generated input', () => {
  // One seeded database for the whole file: the generated calls build on each other's writes.
  let workbench: ReturnType<typeof openTempWorkbench>;
  let handlers: ApiHandlers;
  beforeAll(async () => {
    workbench = openTempWorkbench();
    await seedIfEmpty(workbench, SEEDS_DIR);
    handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
  });
  afterAll(() => workbench.dispose());

  const inputSchemas = Object.fromEntries(
    CALL_NAMES.map((name) => [name, z.toJSONSchema(contract[name].input, { unrepresentable: 'any' }) as JsonSchema]),
  );

  it.each(CALL_NAMES)('%s: never throws, always answers an envelope', async (name) => {
    const internalErrors: unknown[] = [];
    const payloads = fc.oneof(fc.jsonValue(), nearValid(inputSchemas[name]!), fc.constantFrom(undefined, null, [], ''));
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const result = await dispatchCall(handlers, name, payload, (_call, error) => internalErrors.push(error));
        if (result.ok) {
          expect(Object.keys(result)).toEqual(['ok', 'value']);
        } else {
          expect(ApiErrorPayloadSchema.parse(result.error).code).not.toBe('internal');
          expect(API_ERROR_CODES).toContain(result.error.code);
        }
      }),
      { numRuns: 60 },
    );
    expect(internalErrors).toEqual([]);
  });

  it('answers unknown and prototype names as invalid input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
          fc.jsonValue(),
        ),
        fc.jsonValue(),
        async (name, payload) => {
          fc.pre(!(CALL_NAMES as readonly unknown[]).includes(name));
          const result = await dispatchCall(handlers, name, payload, () => undefined);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('invalid_input');
        },
      ),
      { numRuns: 200 },
    );
  });
});
