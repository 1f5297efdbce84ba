import type { ApiHandlers } from '../../../shared/contract';
import { encodeSpans } from '../../../shared/contract/reader';
import { ReaderSpanStore } from '../store/reader-spans';
import type { Workbench } from '../workbench';

type ReaderHandlers = Pick<ApiHandlers, 'openArticle'>;

export function createReaderHandlers(workbench: Workbench): ReaderHandlers {
  const spans = new ReaderSpanStore(workbench.db);
  // One read transaction: the text, spans and history come from the same moment even if
  // another process (the command line) writes meanwhile.
  const open = workbench.db.transaction((id: number) => ({
    article: workbench.articles.get(id),
    history: workbench.changes.historyState(id),
    spans: encodeSpans(spans.listInTextOrder(id)),
    fields: workbench.articleFields.valuesOf(id),
  }));
  return {
    openArticle: ({ id }) => open(id),
  };
}
