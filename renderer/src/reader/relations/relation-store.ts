import { create } from '../../state/create';
import { ancestryLookup } from '../../../../shared/domain/label-tree';
import type { RelationType } from '../../../../shared/domain/relations';
import { useAppStore } from '../../state/app-store';
import { useReaderStore } from '../reader-store';
import type { Span } from '../sync/document-sync';
import { nearbyTargets, nearestIndex, relationOptions, type RelationOption } from './relation-draft';

/** A relation being drawn: from the selected span to a target, with the types allowed between them. */
export interface RelationDraft {
  fromId: number;
  /** Spans the keyboard can move to, in text order (only the dropped-on span for a mouse drag). */
  candidates: Span[];
  targetIndex: number;
  options: RelationOption[];
  optionIndex: number;
}

interface RelationState {
  draft: RelationDraft | null;
  /** The relation under the pointer (its ends are lit), or the one focused in the sidebar. */
  hoveredId: number | null;
  /** Starts a keyboard draft from the selected span; false when no span is selected. */
  start(): boolean;
  /** Starts a draft from a span straight to a target (a drag of the relation handle). */
  startTo(fromId: number, targetId: number): void;
  moveTarget(step: 1 | -1): void;
  moveOption(step: 1 | -1): void;
  pickOption(index: number): void;
  confirm(): void;
  cancel(): void;
  hover(id: number | null): void;
}

/** The label tree as the schema stands now (a rule naming PROPOSAL admits COOPERATION under it). */
const labelAncestry = () => ancestryLookup(useAppStore.getState().labels);

const withOptions = (
  types: readonly RelationType[],
  from: Span,
  candidates: Span[],
  targetIndex: number,
): RelationDraft => {
  const target = candidates[targetIndex];
  return {
    fromId: from.id,
    candidates,
    targetIndex,
    options: target ? relationOptions(types, from, target, labelAncestry()) : [],
    optionIndex: 0,
  };
};

export const useRelationStore = create<RelationState>((set, get) => {
  const spanOf = (id: number) => useReaderStore.getState().sync?.spans.get(id);
  const types = (): RelationType[] => useReaderStore.getState().relationTypes;
  return {
    draft: null,
    hoveredId: null,

    start() {
      const { sync, selectedId } = useReaderStore.getState();
      const from = selectedId === null ? undefined : sync?.spans.get(selectedId);
      if (!sync || !from) return false;
      const candidates = nearbyTargets(sync.spans, types(), from, labelAncestry());
      set({ draft: withOptions(types(), from, candidates, nearestIndex(candidates, from)) });
      return true;
    },

    startTo(fromId, targetId) {
      const from = spanOf(fromId);
      const target = spanOf(targetId);
      if (!from || !target || from.id === target.id) return;
      set({ draft: withOptions(types(), from, [target], 0) });
    },

    moveTarget(step) {
      const { draft } = get();
      const from = draft && spanOf(draft.fromId);
      if (!draft || !from || draft.candidates.length === 0) return;
      const count = draft.candidates.length;
      set({ draft: withOptions(types(), from, draft.candidates, (draft.targetIndex + step + count) % count) });
    },

    moveOption(step) {
      const { draft } = get();
      if (!draft || draft.options.length === 0) return;
      const count = draft.options.length;
      set({ draft: { ...draft, optionIndex: (draft.optionIndex + step + count) % count } });
    },

    pickOption(index) {
      const { draft } = get();
      if (draft && index >= 0 && index < draft.options.length) set({ draft: { ...draft, optionIndex: index } });
    },

    confirm() {
      const { draft } = get();
      const sync = useReaderStore.getState().sync;
      const target = draft?.candidates[draft.targetIndex];
      const option = draft?.options[draft.optionIndex];
      set({ draft: null });
      if (!draft || !sync || !target || !option) return;
      const [headId, tailId] = option.reversed ? [target.id, draft.fromId] : [draft.fromId, target.id];
      sync.createRelation({ typeKey: option.type.key, headId, tailId });
    },

    cancel() {
      set({ draft: null });
    },

    hover(hoveredId) {
      if (get().hoveredId !== hoveredId) set({ hoveredId });
    },
  };
});

/** The draft's current target span, if any. */
export function draftTarget(draft: RelationDraft | null): Span | undefined {
  return draft?.candidates[draft.targetIndex];
}
