// @vitest-environment jsdom
/**
 * The brief editor's toolbar pieces against the real handlers over a temp workbench, reached as
 * the desktop app reaches them: a `window.marginalia` bridge whose functions run each call
 * through the contract's dispatcher, as the preload and main do over IPC.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { act, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { createBriefExportHandlers } from '../../../electron/services/api/brief-export-handlers';
import { grantingDialogs } from '../../../electron/services/api/path-grants';
import type { BriefExportDeps } from '../../../electron/services/briefs/export/brief-export-service';
import type { SerializedLexicalNode } from '../../../shared/brief/sections/section-nodes';
import { BRIDGE_GLOBAL, CALL_NAMES } from '../../../shared/contract/names';
import { dispatchCall } from '../../../shared/contract/dispatch';
import type { ApiHandlers } from '../../../shared/contract';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from '../corpus/helpers';
import { citation, editorState, paragraph, text } from '../briefs/lexical-fixtures';
import { LIVE, MISSING } from '../briefs/sample-brief';
import { briefExportDepsOf } from '../../../electron/services/briefs/export/brief-export-deps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const workbench = openTempWorkbench();
const target = join(workbench.dir, 'brief.docx');
let handlers: ApiHandlers;
let BriefExportButton: ComponentType<{ briefId: number }>;
let GenerateSectionButton: ComponentType<{ onInsert(nodes: SerializedLexicalNode[]): void }>;
let applyLanguage: (language: 'en' | 'vi') => void;

beforeAll(async () => {
  const article = addArticle(workbench, {
    title: 'Bộ Công an',
    publishedAt: '2024-03-05',
    text: 'Nguy cơ tấn công mạng tăng.',
  });
  const span = addSpan(workbench, article, 'CYBER', 'Nguy cơ tấn công mạng');
  const deps: BriefExportDeps = {
    briefs: {
      get: () => ({
        title: 'Báo cáo',
        author: 'Lan',
        createdAt: '2026-11-30T00:00:00.000Z',
        updatedAt: '2026-11-30T00:00:00.000Z',
        content: editorState(
          paragraph(text('Xem '), citation({ ...LIVE, annotationId: span, articleId: article }), citation(MISSING)),
        ),
      }),
    },
    citations: briefExportDepsOf(workbench).citations,
  };
  // The desktop host: its save dialog answers `target`, which is then granted for the export.
  const host = {
    kind: 'electron' as const,
    appVersion: 'test',
    ...grantingDialogs({ pickExportPath: async () => target }),
  };
  handlers = { ...createApiHandlers(workbench, host), ...createBriefExportHandlers(workbench, host, () => deps) };
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (input: unknown) => dispatchCall(handlers, name, input, () => {})]),
  );
  ({ BriefExportButton } = await import('../../../renderer/src/briefs/export/BriefExportButton'));
  ({ GenerateSectionButton } = await import('../../../renderer/src/briefs/generate/GenerateSectionButton'));
  ({ applyLanguage } = await import('../../../renderer/src/i18n'));
});

afterAll(() => workbench.dispose());

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function mount(element: React.ReactElement): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(element));
  return container;
}

const button = (container: HTMLElement, name: string) => {
  const found = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
};

describe('BriefExportButton', () => {
  it('offers every format of the registry and shows what the export did', async () => {
    applyLanguage('en');
    const container = mount(<BriefExportButton briefId={1} />);
    act(() => button(container, 'Export…').click());
    expect([...container.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent)).toEqual([
      'Word (DOCX), citations as footnotes',
      'Web page (HTML), one offline file',
      'Markdown, citations as footnotes',
    ]);
    await act(async () => button(container, 'Word (DOCX), citations as footnotes').click());
    await vi.waitFor(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toContain('Exported brief.docx.'),
    );
    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      '1 citation points at a deleted span or article',
    );
    expect(existsSync(target)).toBe(true);
  });

  it('shows the refusal in the UI language when the export fails', async () => {
    applyLanguage('vi');
    handlers.exportBrief = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' }).exportBrief;
    const container = mount(<BriefExportButton briefId={1} />);
    act(() => button(container, 'Xuất…').click());
    await act(async () => button(container, 'Markdown, trích dẫn thành chú thích').click());
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'Xuất không thành công: Bản tóm lược 1 không tồn tại.',
      ),
    );
  });
});

describe('GenerateSectionButton', () => {
  it('asks for the kind and hands the section’s nodes to the editor', async () => {
    applyLanguage('en');
    const inserted: SerializedLexicalNode[][] = [];
    const container = mount(<GenerateSectionButton onInsert={(nodes) => inserted.push(nodes)} />);
    act(() => button(container, 'Insert a section…').click());
    const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-label')).toBe('Insert a generated section');
    const dateFrom = dialog.querySelector('input[placeholder="2019"]') as HTMLInputElement;
    expect(dateFrom).not.toBeNull();
    await act(async () => button(dialog, 'Insert').click());
    await vi.waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]?.map((node) => node.type)).toEqual(['heading', 'list']);
    expect(JSON.stringify(inserted[0])).toContain('"quote":"Nguy cơ tấn công mạng"');
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });
});
