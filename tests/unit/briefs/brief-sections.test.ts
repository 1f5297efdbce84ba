import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { briefSectionsOf } from '../../../electron/services/briefs/sections/brief-section-service';
import { SerializedCitationNodeSchema } from '../../../shared/brief/citation';
import { SECTION_QUOTES_PER_LABEL, type SerializedLexicalNode } from '../../../shared/brief/sections/section-nodes';
import { dispatchCall } from '../../../shared/contract/dispatch';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from '../corpus/helpers';

const openWorkbench = useTempWorkbenches();

/** The text of a node and everything under it (a citation as its quote). */
function textOf(node: SerializedLexicalNode): string {
  if (node.type === 'citation') return `“${String(node.quote)}”`;
  if (typeof node.text === 'string') return node.text;
  return ((node.children as SerializedLexicalNode[] | undefined) ?? []).map(textOf).join('');
}

function outline(nodes: readonly SerializedLexicalNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === 'list'
      ? (node.children as SerializedLexicalNode[]).map((item) => `- ${textOf(item)}`)
      : [`${node.type === 'heading' ? `${String(node.tag)} ` : ''}${textOf(node)}`],
  );
}

function seedCorpus(workbench: Workbench) {
  const a = addArticle(workbench, {
    title: 'Bộ Công an nêu 5 nguy cơ',
    source: 'VnExpress',
    publishedAt: '2024-03-05',
    text: 'Nguy cơ tấn công mạng tăng. Đại tướng Lương Tam Quang đề nghị tăng cường hợp tác quốc tế. Tội phạm công nghệ cao gia tăng.',
  });
  const b = addArticle(workbench, {
    title: 'Hội thảo an ninh',
    source: 'Tuổi Trẻ',
    publishedAt: '2019-06',
    text: 'Gián điệp mạng là thách thức. Cần hoàn thiện pháp luật về an ninh mạng.',
  });
  const cyber = addSpan(workbench, a, 'CYBER', 'Nguy cơ tấn công mạng tăng');
  const crime = addSpan(workbench, a, 'CRIME', 'Tội phạm công nghệ cao gia tăng');
  const spying = addSpan(workbench, b, 'ESPIONAGE', 'Gián điệp mạng là thách thức');
  const proposal = addSpan(workbench, a, 'PROPOSAL', 'tăng cường hợp tác quốc tế');
  const person = addSpan(workbench, a, 'PER', 'Lương Tam Quang');
  const law = addSpan(workbench, b, 'LEGAL', 'hoàn thiện pháp luật về an ninh mạng');
  workbench.changes.apply({
    origin: 'manual',
    changes: [
      {
        kind: 'relation.create',
        ref: 'r',
        relation: { articleId: a, typeKey: 'proposed_by', headId: proposal, tailId: person },
      },
    ],
  });
  return { a, b, cyber, crime, spying, proposal, person, law };
}

describe('generated brief sections', () => {
  it('lists the risks of a filter under a heading per label, as citations with the article and date', () => {
    const workbench = openWorkbench();
    const { cyber, a } = seedCorpus(workbench);
    const section = briefSectionsOf(workbench).generate('risksByLabel', {}, 'vi');
    expect(outline(section.nodes)).toEqual([
      'h3 Nguy cơ › An ninh mạng',
      '- “Nguy cơ tấn công mạng tăng” — Bộ Công an nêu 5 nguy cơ, 2024-03-05',
      'h3 Nguy cơ › Gián điệp',
      '- “Gián điệp mạng là thách thức” — Hội thảo an ninh, 2019-06',
      'h3 Nguy cơ › Tội phạm',
      '- “Tội phạm công nghệ cao gia tăng” — Bộ Công an nêu 5 nguy cơ, 2024-03-05',
    ]);
    expect(section).toMatchObject({ listed: 3, total: 3 });
    // Each citation carries a full snapshot, the span as stored.
    const list = section.nodes[1] as unknown as { children: { children: unknown[] }[] };
    const node = SerializedCitationNodeSchema.parse(list.children[0]?.children[0]);
    expect(node).toMatchObject({
      annotationId: cyber,
      articleId: a,
      labelKey: 'CYBER',
      source: 'VnExpress',
      startU16: 0,
      endU16: 26,
    });
  });

  it('scopes by the library filter', () => {
    const workbench = openWorkbench();
    seedCorpus(workbench);
    const section = briefSectionsOf(workbench).generate('risksByLabel', { published: { to: '2020' } }, 'en');
    expect(outline(section.nodes)).toEqual([
      'h3 Risk › Espionage',
      '- “Gián điệp mạng là thách thức” — Hội thảo an ninh, 2019-06',
    ]);
    const none = briefSectionsOf(workbench).generate('risksByLabel', { source: ['Nowhere'] }, 'en');
    expect(outline(none.nodes)).toEqual(['No span under this filter.']);
  });

  it('names proposers from proposed_by relations, else says none was recorded', () => {
    const workbench = openWorkbench();
    seedCorpus(workbench);
    const en = briefSectionsOf(workbench).generate('proposalsWithProposers', {}, 'en');
    expect(outline(en.nodes)).toEqual([
      'h3 Proposal',
      '- “tăng cường hợp tác quốc tế” — proposed by Lương Tam Quang (Bộ Công an nêu 5 nguy cơ, 2024-03-05)',
      'h3 Proposal › Legal',
      '- “hoàn thiện pháp luật về an ninh mạng” — proposer not recorded (Hội thảo an ninh, 2019-06)',
    ]);
    const vi = briefSectionsOf(workbench).generate('proposalsWithProposers', {}, 'vi');
    expect(outline(vi.nodes)).toContain(
      '- “tăng cường hợp tác quốc tế” — do Lương Tam Quang đề xuất (Bộ Công an nêu 5 nguy cơ, 2024-03-05)',
    );
  });

  it('names a proposer by its linked entity when there is one', () => {
    const workbench = openWorkbench();
    const { person } = seedCorpus(workbench);
    workbench.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'entity.create', ref: 'e', entity: { name: 'Đại tướng Lương Tam Quang', typeLabelKey: 'PER' } },
        { kind: 'entityLink.set', annotationId: person, entityRef: 'e' },
      ],
    });
    const section = briefSectionsOf(workbench).generate('proposalsWithProposers', {}, 'en');
    expect(outline(section.nodes)).toContain(
      '- “tăng cường hợp tác quốc tế” — proposed by Đại tướng Lương Tam Quang (Bộ Công an nêu 5 nguy cơ, 2024-03-05)',
    );
  });

  it('caps each label’s list and says how many more there are', () => {
    const workbench = openWorkbench();
    const count = SECTION_QUOTES_PER_LABEL + 3;
    const sentences = Array.from({ length: count }, (_, i) => `Nguy cơ số ${i + 1}.`);
    const article = addArticle(workbench, { title: 'Dài', text: sentences.join(' ') });
    for (const sentence of sentences) addSpan(workbench, article, 'CYBER', sentence);
    const section = briefSectionsOf(workbench).generate('risksByLabel', {}, 'en');
    const lines = outline(section.nodes);
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(SECTION_QUOTES_PER_LABEL);
    expect(lines.at(-1)).toBe('3 more not shown');
    expect(section).toMatchObject({ listed: SECTION_QUOTES_PER_LABEL, total: count });
  });

  it('cites a passage two authors tagged alike once', () => {
    const workbench = openWorkbench();
    const { a } = seedCorpus(workbench);
    addSpan(workbench, a, 'CYBER', 'Nguy cơ tấn công mạng tăng', 'Minh');
    const section = briefSectionsOf(workbench).generate('risksByLabel', {}, 'en');
    expect(section.total).toBe(3);
  });

  it('answers through the contract with nodes its output schema accepts', async () => {
    const workbench = openWorkbench();
    seedCorpus(workbench);
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const result = await dispatchCall(
      handlers,
      'generateBriefSection',
      { kind: 'risksByLabel', filter: { labels: ['CRIME'] } },
      () => {},
    );
    expect(result).toMatchObject({ ok: true, value: { listed: 2, total: 2 } }); // the article with a CRIME span has a CYBER one too
    const refused = await dispatchCall(handlers, 'generateBriefSection', { kind: 'everything', filter: {} }, () => {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
