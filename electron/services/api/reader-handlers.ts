import type { ApiHandlers } from '../../../shared/contract';
import { encodeRelations, encodeSpans } from '../../../shared/contract/reader';
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
  const open = workbench.db.transaction((id: number) => {
    const article = workbench.articles.get(id);
    const spansInOrder = spans.listInTextOrder(id);
    return {
      article,
      history: history.state(id),
      spans: encodeSpans(spansInOrder),
      relations: encodeRelations(
        spans.listRelations(id),
        spansInOrder.map((span) => span[0]),
      ),
      relationTypes: workbench.relationTypes.list(),
      fields: workbench.articleFields.valuesOf(id),
    };
  });
  return {
    openArticle: ({ id }) => open(id),
  };
}
