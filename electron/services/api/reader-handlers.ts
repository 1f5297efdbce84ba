import type { ApiHandlers } from '../../../shared/contract';
import {
  encodeRelations,
  encodeSpans,
  type ArticleEntityLinks,
  type OpenedArticle,
} from '../../../shared/contract/reader';
import { summaryOf } from '../../../shared/domain/entities';
import { NewestHistory } from '../changes/newest-history';
import { DatabaseVersion } from '../store/database-version';
import { ReaderSpanStore } from '../store/reader-spans';
import type { Workbench } from '../workbench';

type ReaderHandlers = Pick<ApiHandlers, 'openArticle' | 'reopenArticle'>;

export function createReaderHandlers(workbench: Workbench): ReaderHandlers {
  const spans = new ReaderSpanStore(workbench.db);
  // The reader's undo takes the newest step of the article or of the schema (see NewestHistory).
  const history = new NewestHistory(workbench.changes, workbench.history, workbench.articles);
  const version = new DatabaseVersion(workbench.db);
  // One read transaction: the text, spans and history come from the same moment even if
  // another process (the command line) writes meanwhile.
  const open = workbench.db.transaction((id: number) => {
    // Before the reads: a commit elsewhere between the two then makes the answer newer than its
    // version (asked again next time), never older.
    const readAt = version.current();
    const article = workbench.articles.get(id);
    const compactSpans = encodeSpans(spans.listInTextOrder(id));
    return {
      article,
      history: history.state(id),
      spans: compactSpans,
      relations: encodeRelations(spans.listRelations(id), compactSpans.ids),
      relationTypes: workbench.relationTypes.list(),
      fields: workbench.articleFields.valuesOf(id),
      entityLinks: entityLinksOf(workbench, id),
      version: readAt,
    };
  });
  // The last answer, given again while nothing was written since: an article opened again (back
  // to the library and in, a page reloaded) skips the reads and the encoding, ~15–30 ms of the open.
  let last: OpenedArticle | null = null;
  const openNow = (id: number): OpenedArticle => {
    if (last?.article.id === id && last.version === version.current()) return last;
    return (last = open(id));
  };
  return {
    openArticle: ({ id }) => openNow(id),
    // Unchanged since: the article still exists as it was read (a delete is a write too).
    reopenArticle: ({ id, version: known }) => (known === version.current() ? { unchanged: true } : openNow(id)),
  };
}

function entityLinksOf(workbench: Workbench, articleId: number): ArticleEntityLinks {
  const links = workbench.entityRows.linksOfArticle(articleId);
  const entityIds = [...new Set(links.map((link) => link.entityId))];
  return {
    annotationIds: links.map((link) => link.annotationId),
    entityIds: links.map((link) => link.entityId),
    entities: entityIds.map((entityId) => summaryOf(workbench.entityRows.get(entityId))),
  };
}
