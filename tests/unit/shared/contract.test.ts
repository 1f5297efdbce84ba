import { describe, expect, it, vi } from 'vitest';
import { contract, type ApiHandlers } from '../../../shared/contract';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { ApiError } from '../../../shared/contract/errors';

/** Handlers that record calls; only the ones a test exercises do anything. */
function fakeHandlers(overrides: Partial<ApiHandlers>): ApiHandlers {
  return new Proxy(overrides, {
    get: (target, name: string) =>
      target[name as keyof ApiHandlers] ??
      (() => {
        throw new Error(`unexpected call ${name}`);
      }),
  }) as ApiHandlers;
}

describe('dispatchCall', () => {
  const annotation = {
    id: 1,
    articleId: 2,
    labelKey: 'PER',
    start: 0,
    end: 3,
    quote: 'Tô ',
    note: '',
    author: 'Lan',
    origin: 'manual' as const,
    createdAt: 'now',
    updatedAt: 'now',
  };

  /** A change set creating one span with these fields. */
  const creating = (annotation: unknown) => ({
    origin: 'manual',
    changes: [{ kind: 'annotation.create', ref: 'a', annotation }],
  });
  const applied = {
    articleId: 2,
    description: 'Tag PER “Tô”',
    upserted: [annotation],
    removed: [],
    createdIds: { a: 1 },
    history: null,
    summary: null,
  };

  it('rejects unknown calls and hostile payloads with typed errors, never calling the handler', async () => {
    const applyChanges = vi.fn(() => applied);
    const handlers = fakeHandlers({ applyChanges });
    const onInternal = vi.fn();
    const payloads: unknown[] = [
      null,
      'string',
      creating({ articleId: '2', labelKey: 'PER', start: 0, end: 3, quote: 'x' }),
      creating({ articleId: 2, labelKey: 'per; DROP TABLE', start: 0, end: 3, quote: 'x' }),
      creating({ articleId: 2, labelKey: 'PER', start: -1, end: 3, quote: 'x' }),
      creating({ articleId: 2, labelKey: 'PER', start: 0.5, end: 3, quote: 'x' }),
      creating({ articleId: 2, labelKey: 'PER', start: 0, end: 3, quote: 'x', __proto__: { admin: true }, extra: 1 }),
    ];
    for (const payload of payloads) {
      const result = await dispatchCall(handlers, 'applyChanges', payload, onInternal);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    const unknown = await dispatchCall(handlers, 'deleteEverything', {}, onInternal);
    expect(unknown).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Unknown call: deleteEverything',
        ref: { key: 'unknownCall', params: { name: 'deleteEverything' } },
      },
    });
    const prototypeName = await dispatchCall(handlers, 'constructor', {}, onInternal);
    expect(prototypeName.ok).toBe(false);
    expect(applyChanges).not.toHaveBeenCalled();
    expect(onInternal).not.toHaveBeenCalled();
  });

  it('passes parsed input through and returns the value', async () => {
    const handlers = fakeHandlers({
      applyChanges: (set) => {
        const [change] = set.changes;
        const quote = change?.kind === 'annotation.create' ? change.annotation.quote : '';
        return { ...applied, upserted: [{ ...annotation, quote }] };
      },
    });
    const result = await dispatchCall(
      handlers,
      'applyChanges',
      creating({ articleId: 2, labelKey: 'PER', start: 0, end: 3, quote: 'Tô ' }),
      () => undefined,
    );
    expect(result).toEqual({ ok: true, value: applied });
  });

  it('turns service errors into their code and unexpected errors into "internal", logging them', async () => {
    const onInternal = vi.fn();
    const rejected = await dispatchCall(
      fakeHandlers({
        getArticle: () => {
          throw new ApiError('not_found', 'Article 9 does not exist.');
        },
      }),
      'getArticle',
      { id: 9 },
      onInternal,
    );
    expect(rejected).toEqual({ ok: false, error: { code: 'not_found', message: 'Article 9 does not exist.' } });
    const crashed = await dispatchCall(
      fakeHandlers({
        listLabels: () => {
          throw new TypeError('boom');
        },
      }),
      'listLabels',
      {},
      onInternal,
    );
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) expect(crashed.error.code).toBe('internal');
    expect(onInternal).toHaveBeenCalledWith('listLabels', expect.any(TypeError));
  });

  it('refuses a handler output that breaks the output schema', async () => {
    const result = await dispatchCall(
      fakeHandlers({ listLabels: () => [{ key: 'lower' }] as never }),
      'listLabels',
      {},
      () => undefined,
    );
    expect(result.ok).toBe(false);
  });

  it('gives every call an input and an output schema', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(spec.input, name).toBeDefined();
      expect(spec.output, name).toBeDefined();
    }
  });
});

describe('dispatchCall regressions', () => {
  it('a call name whose toString is not a function is answered, not thrown (found by the property test)', async () => {
    const result = await dispatchCall({} as never, { toString: false }, {}, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
