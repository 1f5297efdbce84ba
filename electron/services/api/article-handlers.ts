import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { publishedDateProblem } from '../../../shared/import/dates';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';

type ArticleHandlers = Pick<
  ApiHandlers,
  | 'getAppInfo'
  | 'listArticles'
  | 'getArticle'
  | 'getArticleSummary'
  | 'setArticleStatus'
  | 'updateArticleMetadata'
  | 'listLabels'
  | 'searchArticles'
>;

export function createArticleHandlers(workbench: Workbench, host: HostAdapter): ArticleHandlers {
  return {
    getAppInfo: () => ({
      appVersion: host.appVersion,
      host: host.kind,
      databasePath: workbench.databasePath,
      nativeDialogs: host.pickImportPaths !== undefined,
    }),
    listArticles: () => workbench.articles.list(),
    getArticle: ({ id }) => workbench.articles.get(id),
    getArticleSummary: ({ id }) => workbench.articles.getSummary(id),
    setArticleStatus: ({ id, status }) => workbench.articles.setStatus(id, status),
    updateArticleMetadata: ({ id, patch }) => {
      // Free text ("hôm qua") would break sorting by date: only the forms the import writes are kept.
      const problem = patch.publishedAt?.trim() ? publishedDateProblem(patch.publishedAt) : null;
      if (problem)
        throw new ApiError('invalid_input', `Published: ${problem}`, [{ path: 'patch.publishedAt', message: problem }]);
      return workbench.articles.updateMetadata(id, patch);
    },
    listLabels: () => workbench.labels.list(),
    searchArticles: ({ query }) => workbench.search.search(query),
  };
}
