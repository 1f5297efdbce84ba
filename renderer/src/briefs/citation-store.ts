import { create } from '../state/create';
import type { CitationRef } from '../../../shared/contract/briefs';
import type { ResolvedCitation } from '../../../shared/brief/citation';
import { api } from '../api/client';

interface CitationState {
  /** What each cited span shows now, by annotation id. */
  resolved: ReadonlyMap<number, ResolvedCitation>;
  /** Asks the backend for these citations' current state; the answers replace what was known. */
  resolve(refs: readonly CitationRef[]): Promise<ResolvedCitation[]>;
}

export const useCitationStore = create<CitationState>((set) => ({
  resolved: new Map(),
  async resolve(refs) {
    if (refs.length === 0) return [];
    const answers = await api.resolveCitations({ citations: [...refs] });
    set((state) => {
      const resolved = new Map(state.resolved);
      answers.forEach((answer) => {
        resolved.set(answer.state === 'live' ? answer.citation.annotationId : answer.annotationId, answer);
      });
      return { resolved };
    });
    return answers;
  },
}));
