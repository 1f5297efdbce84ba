import { beforeEach, describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../../../shared/domain/changes';
import {
  DEFAULT_ATTRIBUTES,
  DEFAULT_FIELDS,
} from '../../../electron/services/store/migrations/013-attributes-and-fields';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { dispatchCall } from '../../../shared/contract/dispatch';
import type { LibraryPage } from '../../../shared/corpus/library-query';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const TEXT = 'Thứ trưởng Lương Tam Quang cảnh báo nguy cơ tấn công mạng và đề xuất tăng cường hợp tác quốc tế.';
const OTHER_TEXT = 'Bộ Công an cảnh báo nguy cơ lừa đảo trực tuyến.';

let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;
let otherArticleId: number;

const manual = (changes: Change[], extra: Partial<ChangeSet> = {}): ChangeSet => ({
  origin: 'manual',
  changes,
  ...extra,
});

function tag(labelKey: string, quote: string, article = articleId, attributes?: Record<string, unknown>): number {
  const text = workbench.articles.getText(article);
  const start = text.indexOf(quote);
  const applied = workbench.changes.apply(
    manual([
      {
        kind: 'annotation.create',
        ref: 'a',
        annotation: {
          articleId: article,
          labelKey,
          start,
          end: start + quote.length,
          quote,
          ...(attributes ? { attributes: attributes as never } : {}),
        },
      },
    ]),
  );
  return applied.createdIds.a!;
}

const setAttributes = (id: number, attributes: Record<string, unknown>) =>
  workbench.changes.apply(manual([{ kind: 'annotation.update', id, patch: { attributes: attributes as never } }]));

const fail = (name: string, error: unknown) => {
  throw new Error(`${name} failed: ${String(error)}`);
};

const stored = (id: number) => workbench.annotationRows.get(id).attributes;

beforeEach(() => {
  workbench = freshWorkbench();
  workbench.profile.set('Lan');
  articleId = addArticle(workbench, TEXT, 'Cảnh báo');
  otherArticleId = addArticle(workbench, OTHER_TEXT, 'Lừa đảo');
});

describe('default schema (migration 013)', () => {
  it('seeds the attributes of RISK, PROPOSAL and TITLE and the four document fields', () => {
    const defs = workbench.attributeDefs.list();
    expect(defs.map((def) => `${def.labelKey}.${def.key}`)).toEqual([
      'PROPOSAL.addressee',
      'PROPOSAL.proposer',
      'PROPOSAL.stance',
      'RISK.severity',
      'RISK.domain',
      'RISK.time_ref',
      'TITLE.rank',
    ]);
    expect(defs).toEqual(expect.arrayContaining([...DEFAULT_ATTRIBUTES]));
    expect(workbench.fieldDefs.list()).toEqual(DEFAULT_FIELDS);
    expect(workbench.attributeDefs.find('RISK', 'severity')?.spec).toMatchObject({
      type: 'enum',
      options: [{ value: 'low' }, { value: 'medium' }, { value: 'high' }],
    });
  });
});

describe('attribute values on annotations', () => {
  it('sets, patches and clears values; one undo step each, redo brings them back', () => {
    const risk = tag('RISK', 'nguy cơ tấn công mạng');
    setAttributes(risk, { severity: 'high', domain: ['cyber', 'military'] });
    expect(stored(risk)).toEqual({ severity: 'high', domain: ['cyber', 'military'] });
    setAttributes(risk, { severity: 'medium', domain: null });
    expect(stored(risk)).toEqual({ severity: 'medium' });

    const undone = workbench.changes.undo(articleId);
    expect(undone?.upserted[0]?.attributes).toEqual({ severity: 'high', domain: ['cyber', 'military'] });
    expect(stored(risk)).toEqual({ severity: 'high', domain: ['cyber', 'military'] });
    workbench.changes.undo(articleId);
    expect(stored(risk)).toBeUndefined();
    workbench.changes.redo(articleId);
    workbench.changes.redo(articleId);
    expect(stored(risk)).toEqual({ severity: 'medium' });
    expect(workbench.changes.historyState(articleId).undoDescription).toBe(
      'Set attributes of RISK “nguy cơ tấn công mạng”',
    );
  });

  it('creates a span with attributes in one change', () => {
    const proposal = tag('PROPOSAL', 'tăng cường hợp tác quốc tế', articleId, {
      stance: 'asserted',
      proposer: 'Bộ Công an',
    });
    expect(stored(proposal)).toEqual({ proposer: 'Bộ Công an', stance: 'asserted' });
  });

  it.each([
    [
      { severity: 'extreme' },
      'The attribute severity (Severity) of RISK was not saved: “extreme” is not one of low, medium, high.',
    ],
    [{ severity: 3 }, 'The attribute severity (Severity) of RISK was not saved: 3 is not one of low, medium, high.'],
    [
      { severity: ['high'] },
      'The attribute severity (Severity) of RISK was not saved: ["high"] is not one of low, medium, high.',
    ],
    [{ domain: 'cyber' }, 'The attribute domain (Domain) of RISK was not saved: “cyber” is not a list of options.'],
    [{ colour: 'red' }, 'RISK has no attribute “colour” (its attributes: severity, domain, time_ref).'],
  ])('refuses %j with a message naming the attribute, and changes nothing', (attributes, message) => {
    const risk = tag('RISK', 'nguy cơ tấn công mạng');
    setAttributes(risk, { severity: 'low' });
    // With a valid value in the same set: nothing of the set is applied.
    expect(() =>
      workbench.changes.apply(
        manual([
          { kind: 'annotation.update', id: risk, patch: { note: 'kiểm tra' } },
          { kind: 'annotation.update', id: risk, patch: { attributes: attributes as never } },
        ]),
      ),
    ).toThrow(message);
    expect(workbench.annotationRows.get(risk)).toMatchObject({ note: '', attributes: { severity: 'low' } });
  });

  it('checks numbers against their range, dates as dates, and references within the article', () => {
    const defs: Change[] = [
      {
        kind: 'attributeDef.create',
        def: {
          labelKey: 'RISK',
          key: 'likelihood',
          nameVi: 'Khả năng',
          nameEn: 'Likelihood',
          required: false,
          sortOrder: 5,
          spec: { type: 'number', min: 0, max: 100, integer: true },
        },
      },
      {
        kind: 'attributeDef.create',
        def: {
          labelKey: 'RISK',
          key: 'since',
          nameVi: 'Từ',
          nameEn: 'Since',
          required: false,
          sortOrder: 6,
          spec: { type: 'date' },
        },
      },
      {
        kind: 'attributeDef.create',
        def: {
          labelKey: 'RISK',
          key: 'source_person',
          nameVi: 'Người nêu',
          nameEn: 'Raised by',
          required: false,
          sortOrder: 7,
          spec: { type: 'span', labelKeys: ['PER'] },
        },
      },
    ];
    workbench.changes.apply(manual(defs));
    const risk = tag('RISK', 'nguy cơ tấn công mạng');
    const person = tag('PER', 'Lương Tam Quang');
    const title = tag('TITLE', 'Thứ trưởng');
    const elsewhere = tag('PER', 'Bộ Công an', otherArticleId);

    expect(() => setAttributes(risk, { likelihood: 101 })).toThrow(
      'likelihood (Likelihood) of RISK was not saved: 101 is above the maximum 100.',
    );
    expect(() => setAttributes(risk, { likelihood: 2.5 })).toThrow('2.5 is not a whole number');
    expect(() => setAttributes(risk, { likelihood: 'cao' })).toThrow('“cao” is not a number');
    expect(() => setAttributes(risk, { since: 'hôm qua' })).toThrow(
      'since (Since) of RISK was not saved: “hôm qua” is not a date',
    );
    expect(() => setAttributes(risk, { source_person: elsewhere })).toThrow(`span ${elsewhere} is in another article`);
    expect(() => setAttributes(risk, { source_person: title })).toThrow(`span ${title} is TITLE, not PER`);
    expect(() => setAttributes(risk, { source_person: 999 })).toThrow('there is no span 999');
    expect(stored(risk)).toBeUndefined();

    setAttributes(risk, { likelihood: 70, since: '2024-03', source_person: person });
    expect(stored(risk)).toEqual({ likelihood: 70, since: '2024-03', source_person: person });

    // Deleting the person clears the reference in the same set; undo restores both.
    workbench.changes.apply(manual([{ kind: 'annotation.delete', id: person }]));
    expect(stored(risk)).toEqual({ likelihood: 70, since: '2024-03' });
    workbench.changes.undo(articleId);
    expect(stored(risk)).toEqual({ likelihood: 70, since: '2024-03', source_person: person });
  });

  it('keeps on a relabelled span only the values its new label defines, and undo restores them', () => {
    const span = tag('RISK', 'nguy cơ tấn công mạng', articleId, { severity: 'high' });
    workbench.changes.apply(manual([{ kind: 'annotation.update', id: span, patch: { labelKey: 'PROPOSAL' } }]));
    expect(stored(span)).toBeUndefined();
    workbench.changes.undo(articleId);
    expect(workbench.annotationRows.get(span)).toMatchObject({ labelKey: 'RISK', attributes: { severity: 'high' } });
  });

  it('refuses a values patch through the contract with a message naming the path of the bad value', () => {
    const risk = tag('RISK', 'nguy cơ tấn công mạng');
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    return dispatchCall(
      handlers,
      'applyChanges',
      {
        origin: 'manual',
        changes: [{ kind: 'annotation.update', id: risk, patch: { attributes: { Severity: 'high' } } }],
      },
      fail,
    ).then((answer) => {
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(answer)).toContain('"path":"changes.0.patch.attributes.Severity"');
    });
  });
});

describe('attribute definitions', () => {
  it('refuses a changed definition that existing values no longer fit, naming how many', () => {
    const risk = tag('RISK', 'nguy cơ tấn công mạng', articleId, { severity: 'medium' });
    const def = workbench.attributeDefs.find('RISK', 'severity')!;
    if (def.spec.type !== 'enum') throw new Error('enum expected');
    const withoutMedium = { ...def.spec, options: def.spec.options.filter((option) => option.value !== 'medium') };
    expect(() =>
      workbench.changes.apply(
        manual([{ kind: 'attributeDef.update', labelKey: 'RISK', key: 'severity', patch: { spec: withoutMedium } }]),
      ),
    ).toThrow(
      'The attribute RISK.severity was not changed: 1 spans hold values the new definition refuses ("medium"…)',
    );
    expect(workbench.attributeDefs.find('RISK', 'severity')).toEqual(def);
    expect(stored(risk)).toEqual({ severity: 'medium' });
  });

  it('deletes a definition with its values in one corpus-wide step, and undo brings both back', () => {
    const risk = tag('RISK', 'nguy cơ tấn công mạng', articleId, { severity: 'high', time_ref: 'future' });
    const applied = workbench.changes.apply(
      manual([{ kind: 'attributeDef.delete', labelKey: 'RISK', key: 'severity' }]),
    );
    expect(applied.articleId).toBeNull();
    expect(applied.attributeDefs).toEqual({ upserted: [], removed: [{ labelKey: 'RISK', key: 'severity' }] });
    expect(stored(risk)).toEqual({ time_ref: 'future' });
    expect(workbench.attributeDefs.find('RISK', 'severity')).toBeNull();

    workbench.changes.undo(null);
    expect(workbench.attributeDefs.find('RISK', 'severity')).not.toBeNull();
    expect(stored(risk)).toEqual({ severity: 'high', time_ref: 'future' });
  });

  it('label.delete takes the label’s definitions and its spans’ values in the same step; one undo brings all back', () => {
    const title = tag('TITLE', 'Thứ trưởng', articleId, { rank: 'deputy' });
    const applied = workbench.changes.apply(manual([{ kind: 'label.delete', key: 'TITLE', moveAnnotationsTo: 'PER' }]));
    expect(applied.attributeDefs).toEqual({ upserted: [], removed: [{ labelKey: 'TITLE', key: 'rank' }] });
    expect(workbench.labels.exists('TITLE')).toBe(false);
    expect(workbench.attributeDefs.listForLabel('TITLE')).toEqual([]);
    expect(workbench.annotationRows.get(title)).toMatchObject({ labelKey: 'PER' });
    expect(stored(title)).toBeUndefined();

    workbench.changes.undo(null);
    expect(workbench.labels.exists('TITLE')).toBe(true);
    expect(workbench.attributeDefs.listForLabel('TITLE').map((def) => def.key)).toEqual(['rank']);
    expect(workbench.annotationRows.get(title)).toMatchObject({ labelKey: 'TITLE', attributes: { rank: 'deputy' } });
    workbench.changes.redo(null);
    expect(workbench.attributeDefs.listForLabel('TITLE')).toEqual([]);
    expect(workbench.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('label.merge takes the merged label’s definitions with it, undone as one step', () => {
    const { spec } = workbench.attributeDefs.find('RISK', 'severity')!;
    workbench.changes.apply(
      manual([
        {
          kind: 'attributeDef.create',
          def: {
            labelKey: 'CYBER',
            key: 'vector',
            nameVi: 'Hình thức',
            nameEn: 'Vector',
            required: false,
            sortOrder: 0,
            spec,
          },
        },
      ]),
    );
    const cyber = tag('CYBER', 'tấn công mạng', articleId, { vector: 'high' });
    workbench.changes.apply(manual([{ kind: 'label.merge', key: 'CYBER', intoKey: 'ESPIONAGE' }]));
    expect(workbench.attributeDefs.find('CYBER', 'vector')).toBeNull();
    expect(workbench.annotationRows.get(cyber)).toMatchObject({ labelKey: 'ESPIONAGE' });
    expect(stored(cyber)).toBeUndefined();

    workbench.changes.undo(null);
    expect(workbench.attributeDefs.find('CYBER', 'vector')).not.toBeNull();
    expect(workbench.annotationRows.get(cyber)).toMatchObject({ labelKey: 'CYBER', attributes: { vector: 'high' } });
  });

  it('span-reference attributes follow a label renamed, merged or deleted, in the same undo step (regression: they kept the old key)', () => {
    const reference = (labelKey: string, key: string, labelKeys: string[]): Change => ({
      kind: 'attributeDef.create',
      def: {
        labelKey,
        key,
        nameVi: key,
        nameEn: key,
        required: false,
        sortOrder: 9,
        spec: { type: 'span', labelKeys },
      },
    });
    // One on another label, and one on the renamed label itself (its own row moves with the rename).
    workbench.changes.apply(
      manual([reference('PROPOSAL', 'raised_by', ['PER', 'ORG']), reference('PER', 'relative', ['PER'])]),
    );
    const allowed = () => {
      const spans = workbench.attributeDefs
        .list()
        .flatMap((def) =>
          def.spec.type === 'span' ? [`${def.labelKey}.${def.key}: ${def.spec.labelKeys.join('+')}`] : [],
        );
      return spans.sort().join(' | ');
    };
    expect(allowed()).toBe('PER.relative: PER | PROPOSAL.raised_by: PER+ORG');

    workbench.changes.apply(manual([{ kind: 'label.update', key: 'PER', patch: { key: 'PERSON' } }]));
    expect(allowed()).toBe('PERSON.relative: PERSON | PROPOSAL.raised_by: PERSON+ORG');
    // A reference to a span of the renamed label is accepted under its new key.
    const person = tag('PERSON', 'Lương Tam Quang');
    const proposal = tag('PROPOSAL', 'tăng cường hợp tác quốc tế', articleId, { raised_by: person });
    expect(stored(proposal)).toEqual({ raised_by: person });

    // The spans are on the article's stack; the rename is the corpus-wide stack's newest step.
    workbench.changes.undo(null);
    expect(workbench.annotationRows.get(person).labelKey).toBe('PER');
    expect(allowed()).toBe('PER.relative: PER | PROPOSAL.raised_by: PER+ORG');
    workbench.changes.redo(null);
    expect(allowed()).toBe('PERSON.relative: PERSON | PROPOSAL.raised_by: PERSON+ORG');

    workbench.changes.apply(manual([{ kind: 'label.merge', key: 'PERSON', intoKey: 'ORG' }]));
    expect(allowed()).toBe('PROPOSAL.raised_by: ORG');
    workbench.changes.undo(null);
    expect(allowed()).toBe('PERSON.relative: PERSON | PROPOSAL.raised_by: PERSON+ORG');

    // Deleting the only label a reference may point at deletes the reference; undo brings it back.
    workbench.changes.apply(manual([reference('RISK', 'victim', ['ORG'])]));
    workbench.changes.apply(manual([{ kind: 'label.delete', key: 'ORG', moveAnnotationsTo: null }]));
    expect(allowed()).toBe('PERSON.relative: PERSON | PROPOSAL.raised_by: PERSON');
    workbench.changes.undo(null);
    expect(allowed()).toBe('PERSON.relative: PERSON | PROPOSAL.raised_by: PERSON+ORG | RISK.victim: ORG');
    expect(workbench.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('a label removed outside the pipeline takes its definitions (the foreign key cascades on delete)', () => {
    expect(workbench.attributeDefs.listForLabel('TITLE')).not.toEqual([]);
    workbench.db.prepare(`DELETE FROM labels WHERE key = 'TITLE'`).run();
    expect(workbench.attributeDefs.listForLabel('TITLE')).toEqual([]);
    expect(workbench.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a duplicate key and an unknown label', () => {
    const severity = workbench.attributeDefs.find('RISK', 'severity')!;
    expect(() => workbench.changes.apply(manual([{ kind: 'attributeDef.create', def: severity }]))).toThrow(
      'RISK already has an attribute “severity”.',
    );
    expect(() =>
      workbench.changes.apply(manual([{ kind: 'attributeDef.create', def: { ...severity, labelKey: 'NOPE' } }])),
    ).toThrow('There is no label NOPE.');
  });
});

describe('document fields', () => {
  const setField = (key: string, value: unknown, article = articleId) =>
    workbench.changes.apply(manual([{ kind: 'fieldValue.set', articleId: article, key, value: value as never }]));

  it('sets fields on the article’s own undo stack, reports them, and finds articles by value', () => {
    const applied = setField('topics', ['security', 'technology']);
    expect(applied.articleId).toBe(articleId);
    expect(applied.fields).toEqual([{ articleId, key: 'topics', value: ['security', 'technology'] }]);
    setField('doc_type', 'speech');
    setField('summary', 'Cảnh báo về an ninh mạng');
    setField('topics', ['security'], otherArticleId);
    setField('doc_type', 'news', otherArticleId);

    expect(workbench.articleFields.valuesOf(articleId)).toEqual({
      doc_type: 'speech',
      summary: 'Cảnh báo về an ninh mạng',
      topics: ['security', 'technology'],
    });
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    // Through the library's query, as the library's field filter asks it.
    const find = (key: string, value: string) =>
      dispatchCall(handlers, 'queryLibrary', { filter: { field: { key, value } } }, fail).then((result) =>
        result.ok ? { ok: true, value: (result.value as LibraryPage).rows.map((row) => row.id) } : result,
      );
    return Promise.all([
      find('topics', 'security'),
      find('topics', 'technology'),
      find('doc_type', 'news'),
      find('summary', 'AN NINH'),
      find('nope', 'x'),
    ]).then(([security, technology, news, summary, unknown]) => {
      expect(security).toEqual({ ok: true, value: [articleId, otherArticleId] });
      expect(technology).toEqual({ ok: true, value: [articleId] });
      expect(news).toEqual({ ok: true, value: [otherArticleId] });
      expect(summary).toEqual({ ok: true, value: [articleId] });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });

      const undone = workbench.changes.undo(articleId);
      expect(undone?.fields).toEqual([{ articleId, key: 'summary', value: null }]);
      expect(workbench.articleFields.valuesOf(articleId)).not.toHaveProperty('summary');
      workbench.changes.redo(articleId);
      expect(workbench.articleFields.valuesOf(articleId).summary).toBe('Cảnh báo về an ninh mạng');
    });
  });

  it.each([
    [
      'doc_type',
      'interview',
      'The field doc_type (Document type) was not saved: “interview” is not one of speech, report, news.',
    ],
    ['topics', ['security', 'security'], 'The field topics (Topics) was not saved: an option is listed twice.'],
    ['summary', '   ', 'The field summary (Analyst summary) was not saved: empty text: clear the value instead.'],
    ['colour', 'red', 'There is no document field “colour”.'],
  ])('refuses %s = %j with a message naming the field', (key, value, message) => {
    setField('doc_type', 'report');
    expect(() =>
      workbench.changes.apply(
        manual([
          { kind: 'fieldValue.set', articleId, key: 'country_focus', value: 'Việt Nam' },
          { kind: 'fieldValue.set', articleId, key, value: value as never },
        ]),
      ),
    ).toThrow(message);
    expect(workbench.articleFields.valuesOf(articleId)).toEqual({ doc_type: 'report' });
  });

  it('deletes a field definition with every article’s value, undone as one step', () => {
    setField('doc_type', 'speech');
    setField('doc_type', 'news', otherArticleId);
    workbench.changes.apply(manual([{ kind: 'fieldDef.delete', key: 'doc_type' }]));
    expect(workbench.fieldDefs.find('doc_type')).toBeNull();
    expect(workbench.articleFields.valuesOf(otherArticleId)).toEqual({});
    workbench.changes.undo(null);
    expect(workbench.articleFields.valuesOf(articleId)).toEqual({ doc_type: 'speech' });
    expect(workbench.articleFields.valuesOf(otherArticleId)).toEqual({ doc_type: 'news' });
  });

  it('opens an article with its fields and its spans’ attributes', () => {
    const risk = tag('RISK', 'nguy cơ tấn công mạng', articleId, { severity: 'high' });
    setField('doc_type', 'speech');
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    return dispatchCall(handlers, 'openArticle', { id: articleId }, fail).then((answer) => {
      expect(answer).toMatchObject({
        ok: true,
        value: { fields: { doc_type: 'speech' }, spans: { ids: [risk], attributes: { '0': { severity: 'high' } } } },
      });
    });
  });
});
