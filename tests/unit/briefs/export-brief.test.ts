import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createBriefExportHandlers } from '../../../electron/services/api/brief-export-handlers';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import type { HostAdapter } from '../../../electron/services/api/host';
import { grantingDialogs } from '../../../electron/services/api/path-grants';
import { briefDownloadsOf } from '../../../electron/services/briefs/export/brief-downloads';
import type { BriefForExport, BriefExportDeps } from '../../../electron/services/briefs/export/brief-export-service';
import type { Workbench } from '../../../electron/services/workbench';
import { BriefContentSchema } from '../../../shared/brief/brief';
import type { CitationSnapshot } from '../../../shared/brief/citation';
import { ApiError } from '../../../shared/contract/errors';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from '../corpus/helpers';
import { citation, editorState, heading, paragraph, text } from './lexical-fixtures';
import { briefExportDepsOf } from '../../../electron/services/briefs/export/brief-export-deps';

const openWorkbench = useTempWorkbenches();

/** A brief citing three spans: one edited since, one deleted, one whose article was deleted. */
function briefOverCorpus(workbench: Workbench) {
  const kept = addArticle(workbench, {
    title: 'Bộ Công an nêu 5 nguy cơ',
    source: 'VnExpress',
    publishedAt: '2024-03-05',
    text: '😀 Nguy cơ tấn công mạng ngày càng tăng. Tội phạm công nghệ cao gia tăng.',
  });
  const doomed = addArticle(workbench, { title: 'Bài sẽ bị xoá', text: 'Gián điệp mạng là thách thức.' });
  const edited = addSpan(workbench, kept, 'CYBER', 'Nguy cơ tấn công mạng');
  const deleted = addSpan(workbench, kept, 'CRIME', 'Tội phạm công nghệ cao');
  const gone = addSpan(workbench, doomed, 'ESPIONAGE', 'Gián điệp mạng');
  const snapshot = (id: number): CitationSnapshot => {
    const span = workbench.annotationRows.get(id);
    const article = workbench.articles.getSummary(span.articleId);
    return {
      annotationId: id,
      articleId: span.articleId,
      labelKey: span.labelKey,
      quote: span.quote,
      articleTitle: article.displayTitle,
      source: article.source,
      publishedAt: article.publishedAt,
      startU16: span.start,
      endU16: span.end,
    };
  };
  const content = editorState(
    heading('h1', text('Nguy cơ chính')),
    paragraph(
      citation(snapshot(edited)),
      text(' và '),
      citation(snapshot(deleted)),
      text(' và '),
      citation(snapshot(gone)),
    ),
  );
  // After the brief was written: the span is widened, another deleted, an article deleted.
  const textOfKept = workbench.articles.getText(kept);
  const start = textOfKept.indexOf('Nguy cơ');
  const quote = 'Nguy cơ tấn công mạng ngày càng tăng';
  workbench.changes.apply({
    origin: 'manual',
    changes: [{ kind: 'annotation.update', id: edited, patch: { start, end: start + quote.length, quote } }],
  });
  workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.delete', id: deleted }] });
  // No service deletes an article today; the brief must still export when one is gone.
  workbench.db.prepare('DELETE FROM articles WHERE id = ?').run(doomed);
  const brief: BriefForExport = {
    title: 'Báo cáo nguy cơ',
    author: 'Lan',
    createdAt: '2026-11-29T08:00:00.000Z',
    updatedAt: '2026-11-30T08:00:00.000Z',
    content,
  };
  const deps: BriefExportDeps = {
    briefs: {
      get: (briefId) => {
        if (briefId !== 1) throw ApiError.of('not_found', 'articleNotFound', { id: briefId });
        return brief;
      },
    },
    citations: briefExportDepsOf(workbench).citations,
  };
  return { deps, brief, content, editedQuote: quote };
}

const browserHost: HostAdapter = { kind: 'browser', appVersion: 'test' };

function electronHost(chosen: () => string | null): HostAdapter {
  return {
    kind: 'electron',
    appVersion: 'test',
    ...grantingDialogs({ pickExportPath: async () => chosen() }),
  };
}

describe('exportBrief', () => {
  it('cited_article_deleted_still_exports: DOCX footnotes show the live span and say what is missing', async () => {
    const workbench = openWorkbench();
    const { deps, editedQuote } = briefOverCorpus(workbench);
    const target = join(workbench.dir, 'out.docx');
    const handlers = createBriefExportHandlers(
      workbench,
      electronHost(() => target),
      () => deps,
    );
    const result = await handlers.exportBrief({ briefId: 1, formatId: 'docx', language: 'en' });
    expect(result).toEqual({ state: 'written', fileName: 'out.docx', path: target, missingCitations: 2 });
    const html = (await mammoth.convertToHtml({ path: target })).value;
    const doc = new JSDOM(html).window.document;
    expect(doc.body.textContent).toContain(`“${editedQuote}”`);
    const notes = [...doc.querySelectorAll('li[id^="footnote-"]')].map((li) => li.textContent ?? '');
    // The emoji before the span counts one code point (two UTF-16 units).
    expect(notes[0]).toContain('Bộ Công an nêu 5 nguy cơ, VnExpress, 2024-03-05; CYBER; code points 2–38.');
    expect(notes[1]).toContain('“Tội phạm công nghệ cao”');
    expect(notes[1]).toContain('The span was deleted from its article');
    expect(notes[2]).toContain('“Gián điệp mạng” — Bài sẽ bị xoá');
    expect(notes[2]).toMatch(/The article \(no\. \d+\) was deleted/);
    // Written through a temp file renamed into place: nothing else is left in the folder.
    expect(readdirSync(workbench.dir).filter((name) => name.includes('out.docx'))).toEqual(['out.docx']);
  });

  it('prepares a download in the browser host, served once from a temp folder', async () => {
    const workbench = openWorkbench();
    const { deps } = briefOverCorpus(workbench);
    const handlers = createBriefExportHandlers(workbench, browserHost, () => deps);
    const result = await handlers.exportBrief({ briefId: 1, formatId: 'html', language: 'vi' });
    if (result.state !== 'download') throw new Error(`expected a download, got ${result.state}`);
    expect(result.fileName).toBe('Báo-cáo-nguy-cơ.html');
    const id = result.downloadUrl.replace('/api/download/', '');
    const file = briefDownloadsOf(workbench).download(id);
    expect(file?.contentType).toBe('text/html; charset=utf-8');
    const html = readFileSync(file!.path, 'utf8');
    expect(html).toContain('Bài báo (số');
    briefDownloadsOf(workbench).served(id);
    expect(existsSync(file!.path)).toBe(false);
    expect(briefDownloadsOf(workbench).download(id)).toBeNull();
  });

  it('refuses a path the save dialog did not return, and writes nothing', async () => {
    const workbench = openWorkbench();
    const { deps } = briefOverCorpus(workbench);
    const target = join(workbench.dir, 'elsewhere.md');
    for (const host of [browserHost, electronHost(() => null)]) {
      const handlers = createBriefExportHandlers(workbench, host, () => deps);
      await expect(
        handlers.exportBrief({ briefId: 1, formatId: 'markdown', path: target, language: 'en' }),
      ).rejects.toThrow();
    }
    expect(existsSync(target)).toBe(false);
  });

  it('answers cancelled when the save dialog is closed', async () => {
    const workbench = openWorkbench();
    const { deps } = briefOverCorpus(workbench);
    const handlers = createBriefExportHandlers(
      workbench,
      electronHost(() => null),
      () => deps,
    );
    expect(await handlers.exportBrief({ briefId: 1, formatId: 'markdown', language: 'en' })).toEqual({
      state: 'cancelled',
    });
  });

  it('refuses content that is not a Lexical state, naming the node, and leaves the old file as it was', async () => {
    const workbench = openWorkbench();
    const { deps, brief } = briefOverCorpus(workbench);
    const target = join(workbench.dir, 'brief.md');
    writeFileSync(target, 'before');
    const broken: BriefExportDeps = {
      ...deps,
      briefs: { get: () => ({ ...brief, content: editorState(paragraph({ type: 'text', version: 1, text: null })) }) },
    };
    const handlers = createBriefExportHandlers(workbench, { kind: 'electron', appVersion: 'test' }, () => broken);
    await expect(
      handlers.exportBrief({ briefId: 1, formatId: 'markdown', path: target, language: 'en' }),
    ).rejects.toThrow('Brief 1 cannot be exported: root.children[0].children[0].text: not a string.');
    expect(readFileSync(target, 'utf8')).toBe('before');
  });

  it('exports a brief stored through brief.create with the workbench’s own brief store and resolver', async () => {
    const workbench = openWorkbench();
    const { content } = briefOverCorpus(workbench);
    const applied = workbench.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'brief.create', ref: 'b', brief: { title: 'Năm nguy cơ', content: BriefContentSchema.parse(content) } },
      ],
    });
    const briefId = applied.createdIds.b!;
    const handlers = createApiHandlers(workbench, browserHost);
    const result = await dispatchCall(handlers, 'exportBrief', { briefId, formatId: 'docx' }, () => {});
    expect(result).toMatchObject({ ok: true, value: { state: 'download', missingCitations: 2 } });
    const bad = await dispatchCall(handlers, 'exportBrief', { briefId, formatId: 'pdf' }, () => {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await dispatchCall(handlers, 'exportBrief', { briefId: briefId + 1, formatId: 'docx' }, () => {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
