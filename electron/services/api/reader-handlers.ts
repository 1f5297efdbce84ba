import type { ApiHandlers } from '../../../shared/contract';
import { encodeSpans } from '../../../shared/contract/reader';
import { NewestHistory } from '../changes/newest-history';
import { ReaderSpanStore } from '../store/reader-spans';
import type { Workbench } from '../workbench';

type ReaderHandlers = Pick<ApiHandlers, 'openArticle'>;

export function createReaderHandlers(workbench: Workbench): ReaderHandlers {
  const spans = new ReaderSpanStore(workbench.db);
  // The reader's undo takes the newest step of the article or of the schema (see NewestHistory).
  const history = new NewestHistory(workbench.changes, workbench.history, workbench.articles);
  // One read transaction: the text, spans and history come from the same moment even if
  // another process (the command line) writes meanwhile.
  const open = workbench.db.transaction((id: number) => ({
    article: workbench.articles.get(id),
    history: history.state(id),
    spans: encodeSpans(spans.listInTextOrder(id)),
  }));
  return {
    openArticle: ({ id }) => open(id),
  };
}
