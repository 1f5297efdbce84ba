import { startTransition, useEffect, useState } from 'react';
import { create } from '../state/create';
import type { HistoryState, LinkSuggestion } from '../../../shared/contract';
import type { AppliedChanges } from '../../../shared/domain/changes';
import { decodeRelations, decodeSpans } from '../../../shared/contract/reader-codec';
import type { RelationType } from '../../../shared/domain/relations';
import {
  ArticleSummarySchema,
  type Article,
  type ArticleMetadataPatch,
  type ArticleStatus,
} from '../../../shared/domain/schemas';
import type { TextRange } from '../../../shared/text/syllables';
import { api } from '../api/client';
import { backendText } from '../i18n/backend';
import { errorMessage, useAppStore } from '../state/app-store';
import { useAttributeStore } from '../state/attribute-store';
import { useLibraryStore } from '../state/library-store';
import { apiTransport } from './api-transport';
import { startArticleRead, takeArticleRead } from './article-read';
import { canCreate, spanGuard, useLayerStore } from './layers/layer-store';
import { useProfileStore } from '../settings/profile-store';
import { i18next } from '../i18n';
import { DocumentSync, type FieldValues, type LinkTarget, type Settled } from './sync/document-sync';
import type { AttributePatch, AttributeValue } from '../../../shared/domain/attributes';

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoDescription: null, redoDescription: null };

/**
 * View state over the open article's DocumentSync, which owns the spans and relations and every
 * write to them. A relation being drawn is in relations/relation-store.ts.
 */
interface ReaderState {
  article: Article | null;
  /** The open article's spans and their writes; null while no article is open. */
  sync: DocumentSync | null;
  /** Bumped on every span change, so list views re-render without copying the spans. */
  spansVersion: number;
  /** Bumped on every relation change (the sidebar's list of the selected span's relations). */
  relationsVersion: number;
  /** The schema's relation types in order, as `openArticle` sent them. */
  relationTypes: RelationType[];
  selectedId: number | null;
  /** The (snapped) text selection a label key would tag. */
  pending: TextRange | null;
  history: HistoryState;
  /** The open article's document fields as shown (the sync's). */
  fields: FieldValues;
  /** The attribute the keyboard prefix is on (its key), or null when the prefix is not active. */
  attributeKey: string | null;
  /** Bumped when any span's entity link may have changed (read links through `sync.linkOf`). */
  linksVersion: number;
  /** The span the entity typeahead links, while it is open. */
  linkerSpanId: number | null;
  /** Unlinked spans whose text is a known entity's name or alias: offered, never linked unasked. */
  suggestions: LinkSuggestion[];
  /** A span to select and scroll to once the article is on screen (opened from an entity page). */
  revealRequest: number | null;
  load(articleId: number): Promise<void>;
  close(): void;
  select(id: number | null): void;
  setPending(range: TextRange | null): void;
  /** Tags the pending selection, or relabels the selected span. */
  applyLabel(labelKey: string): Promise<void>;
  resize(id: number, range: TextRange): Promise<void>;
  setNote(id: number, note: string): Promise<void>;
  setAttributes(id: number, patch: AttributePatch): Promise<void>;
  setField(key: string, value: AttributeValue | null): Promise<void>;
  setAttributeKey(key: string | null): void;
  remove(id: number): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  setStatus(status: ArticleStatus): Promise<void>;
  updateMetadata(patch: ArticleMetadataPatch): Promise<void>;
  restoreTrimmed(): Promise<void>;
  openLinker(): void;
  closeLinker(): void;
  /** Links the span (the linker's, else the selected one) to an entity, a new one, or unlinks it (null). */
  link(target: LinkTarget, spanId?: number): Promise<void>;
  /** Links a suggested span to its suggested entity. */
  confirmSuggestion(annotationId: number): Promise<void>;
  refreshSuggestions(): Promise<void>;
  requestReveal(annotationId: number | null): void;
}

export const useReaderStore = create<ReaderState>((set, get) => {
  const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));
  /** Stops delivering `changesApplied` events to the open article's sync. */
  let stopReceiving = () => {};
  /**
   * Counts loads and closes: a load whose answer comes after the reader closed, or after another
   * load began, is not shown. Shown, it brought a closed article's sync back, and opening that
   * article again counted as a reload and read it a second time.
   */
  let loadGeneration = 0;

  /** History and counts after a write (ours or another tab's) to the article of `sync`. */
  const showApplied = (sync: DocumentSync, applied: AppliedChanges) => {
    if (applied.summary) useLibraryStore.getState().updateSummary(applied.summary);
    if (get().sync !== sync) return; // a write that settled after its article was closed
    const { summary } = applied;
    set((state) => ({
      history: applied.history ?? state.history,
      article:
        state.article && summary
          ? { ...state.article, status: summary.status, annotationCount: summary.annotationCount }
          : state.article,
    }));
  };

  /** Keeps the selection, history and counts in step with what the sync reports. */
  const follow = (sync: DocumentSync) => {
    sync.onLinks(() => set((state) => ({ linksVersion: state.linksVersion + 1 })));
    sync.onSpans((change) => {
      const { selectedId } = get();
      let nextSelected = selectedId === null ? null : (change.renamed.get(selectedId) ?? selectedId);
      if (nextSelected !== null && !sync.spans.get(nextSelected)) nextSelected = null;
      // The typeahead may be open on a span whose create was just confirmed: it follows the saved id.
      const { linkerSpanId } = get();
      const nextLinker = linkerSpanId === null ? null : (change.renamed.get(linkerSpanId) ?? linkerSpanId);
      set((state) => ({
        spansVersion: state.spansVersion + 1,
        selectedId: nextSelected,
        // The same span under its saved id keeps its attribute keys: a create confirmed after A
        // must not turn them off.
        attributeKey: nextSelected === null ? null : state.attributeKey,
        linkerSpanId: nextLinker,
      }));
    });
    sync.onFields((fields) => set({ fields }));
    sync.onRelations(() => set((state) => ({ relationsVersion: state.relationsVersion + 1 })));
    sync.onSettled((settled: Settled) => {
      if (!settled.ok) return fail(settled.error);
      const applied = settled.applied;
      if (!applied) return;
      if (settled.kind !== 'write')
        useAppStore.getState().notify('info', backendText(applied.descriptionRef, applied.description));
      // A new or relabelled span may now match a known name; a new link or entity may add or settle one.
      if (applied.upserted.length || applied.entityLinks || applied.entities) void get().refreshSuggestions();
      showApplied(sync, applied);
    });
    sync.onExternal((applied) => showApplied(sync, applied));
  };

  const withArticle = async (run: (article: Article) => Promise<void>) => {
    const { article } = get();
    if (!article) return;
    try {
      await run(article);
    } catch (error) {
      fail(error);
    }
  };

  return {
    article: null,
    sync: null,
    spansVersion: 0,
    relationsVersion: 0,
    relationTypes: [],
    selectedId: null,
    pending: null,
    history: NO_HISTORY,
    fields: {},
    attributeKey: null,
    linksVersion: 0,
    linkerSpanId: null,
    suggestions: [],
    revealRequest: null,

    async load(articleId) {
      const generation = ++loadGeneration;
      try {
        // Reloading the open article (a change made elsewhere): let its queued writes land first,
        // so the fresh read includes them.
        const previous = get().sync;
        const reloading = previous?.articleId === articleId;
        if (reloading) await previous.whenIdle();
        // Writes from other tabs or windows of this host arrive as events; the read keeps those
        // that come while it runs, to apply after it. A new article's read may have started
        // already, when its row was pressed (article-read.ts).
        const read = reloading ? startArticleRead(articleId) : takeArticleRead(articleId);
        // The document fields sit above the text: their definitions come with the article, or
        // their arrival would push the text down under a drag already begun on it.
        const attributes = useAttributeStore.getState();
        const [opened] = await Promise.all([read.answer, attributes.loaded ? undefined : attributes.load()]);
        if (generation !== loadGeneration) {
          read.stop();
          return;
        }
        const spans = decodeSpans(opened.spans, opened.article.text);
        const sync = new DocumentSync(
          articleId,
          spans,
          apiTransport,
          decodeRelations(opened.relations, spans),
          opened.fields,
          opened.entityLinks,
        );
        // Before the sync is shown: the painter reads the layers when it first paints.
        useLayerStore.getState().init(spans, useProfileStore.getState().profile?.displayName ?? '');
        follow(sync);
        read.follow((applied) => sync.receive(applied));
        stopReceiving();
        stopReceiving = read.stop;
        get().sync?.dispose();
        set((state) => ({
          article: opened.article,
          sync,
          history: opened.history,
          fields: sync.fields,
          attributeKey: null,
          relationTypes: opened.relationTypes,
          relationsVersion: state.relationsVersion + 1,
          selectedId: null,
          pending: null,
          linkerSpanId: null,
          suggestions: [],
          spansVersion: state.spansVersion + 1,
        }));
        // Link suggestions come after the first paint (ReaderView), like the assist suggestions.
      } catch (error) {
        fail(error);
      }
    },

    close() {
      loadGeneration++;
      stopReceiving();
      stopReceiving = () => {};
      get().sync?.dispose();
      set({
        article: null,
        sync: null,
        selectedId: null,
        pending: null,
        history: NO_HISTORY,
        fields: {},
        attributeKey: null,
        linkerSpanId: null,
        suggestions: [],
      });
    },

    select(selectedId) {
      // Spans of other layers are shown, not edited: selecting is what every edit starts from.
      const span = selectedId === null ? undefined : get().sync?.spans.get(selectedId);
      const guard = span ? spanGuard(span) : null;
      if (guard === 'readOnly' && span) {
        const author = span.author ?? '';
        useAppStore.getState().notify('info', i18next.t('layers.readOnly', { author }));
      }
      set({ selectedId: guard ? null : selectedId, pending: null, attributeKey: null });
    },

    setPending(pending) {
      set({ pending, selectedId: pending ? null : get().selectedId });
    },

    async applyLabel(labelKey) {
      const { article, sync, pending, selectedId } = get();
      if (!article || !sync) return;
      if (pending) {
        if (!canCreate()) {
          useAppStore.getState().notify('info', i18next.t('layers.switchToMine'));
          return;
        }
        const quote = article.text.slice(pending.start, pending.end);
        const created = sync.create({ labelKey, start: pending.start, end: pending.end, quote, note: '' });
        set({ pending: null, selectedId: created.id });
        window.getSelection()?.removeAllRanges();
        return created.settled;
      }
      if (selectedId !== null) return sync.update(selectedId, { labelKey });
    },

    async resize(id, range) {
      const { article, sync } = get();
      if (!article || !sync) return;
      return sync.update(id, { ...range, quote: article.text.slice(range.start, range.end) });
    },

    async setNote(id, note) {
      return get().sync?.update(id, { note });
    },

    async setAttributes(id, patch) {
      return get().sync?.setAttributes(id, patch);
    },

    async setField(key, value) {
      return get().sync?.setField(key, value);
    },

    setAttributeKey(attributeKey) {
      set({ attributeKey });
    },

    async remove(id) {
      return get().sync?.delete(id);
    },

    async undo() {
      return get().sync?.undo();
    },

    async redo() {
      return get().sync?.redo();
    },

    setStatus: (status) =>
      withArticle(async (article) => {
        const summary = await api.setArticleStatus({ id: article.id, status });
        set({ article: { ...article, status: summary.status } });
        useLibraryStore.getState().updateSummary(summary);
      }),

    updateMetadata: (patch) =>
      withArticle(async (article) => {
        const updated = await api.updateArticleMetadata({ id: article.id, patch });
        set({ article: updated });
        useLibraryStore.getState().updateSummary(ArticleSummarySchema.parse(updated)); // parse drops the text
      }),

    openLinker() {
      const { selectedId } = get();
      if (selectedId !== null) set({ linkerSpanId: selectedId });
    },

    closeLinker() {
      set({ linkerSpanId: null });
    },

    async link(target, spanId) {
      const { sync, linkerSpanId, selectedId } = get();
      const id = spanId ?? linkerSpanId ?? selectedId;
      set({ linkerSpanId: null });
      if (sync && id !== null) return sync.link(id, target);
    },

    async confirmSuggestion(annotationId) {
      const suggestion = get().suggestions.find((candidate) => candidate.annotationId === annotationId);
      if (!suggestion) return;
      set((state) => ({ suggestions: state.suggestions.filter((candidate) => candidate !== suggestion) }));
      return get().link({ entity: suggestion.entity }, annotationId);
    },

    async refreshSuggestions() {
      const { article } = get();
      if (!article) return;
      try {
        const suggestions = await api.getLinkSuggestions({ articleId: article.id });
        if (get().article?.id === article.id) set({ suggestions });
      } catch (error) {
        fail(error);
      }
    },

    requestReveal(revealRequest) {
      set({ revealRequest });
    },

    restoreTrimmed: () =>
      withArticle(async (article) => {
        set({ article: await api.restoreTrimmedText({ articleId: article.id }) });
      }),
  };
});

/** The open article's spans, for code outside React (keyboard, pointer handlers). */
export const openSpans = () => useReaderStore.getState().sync?.spans;

/**
 * A reader-store value for the views beside the text (span list, selected-span panel, edge grips,
 * relation panel, layer bar, link suggestions): it follows the store at transition priority.
 * A span created or selected shows in the text in the frame of the key press (the painter follows
 * the sync, and the selection highlight the store, both directly); these views re-render after
 * that frame, time-sliced. Rendered urgently, their render, layout reads and paint took about
 * two thirds of the create frame (bench/README.md, "Reader speed targets"). Only views: a handler
 * acts on `useReaderStore.getState()`, which is always current. The selector must read the state
 * only (it is taken once).
 */
export function useDeferredReader<T>(selector: (state: ReaderState) => T): T {
  // The selector is taken once: it reads the state only, never props.
  const [select] = useState(() => selector);
  const [value, setValue] = useState(() => select(useReaderStore.getState()));
  useEffect(() => {
    const follow = () => {
      const next = select(useReaderStore.getState());
      startTransition(() => setValue(() => next));
    };
    follow(); // a change between the first render and this subscription
    return useReaderStore.subscribe(follow);
  }, [select]);
  return value;
}
