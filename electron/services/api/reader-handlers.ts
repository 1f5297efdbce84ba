import type { ApiHandlers } from '../../../shared/contract';
import { encodeRelations, encodeSpans, type ArticleEntityLinks } from '../../../shared/contract/reader';
import { summaryOf } from '../../../shared/domain/entities';
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
    const compactSpans = encodeSpans(spans.listInTextOrder(id));
    return {
      article,
      history: history.state(id),
      spans: compactSpans,
      relations: encodeRelations(spans.listRelations(id), compactSpans.ids),
      relationTypes: workbench.relationTypes.list(),
      fields: workbench.articleFields.valuesOf(id),
      entityLinks: entityLinksOf(workbench, id),
    };
  });
  return {
    openArticle: ({ id }) => open(id),
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
