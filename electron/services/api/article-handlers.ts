import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { publishedDateProblem } from '../../../shared/import/dates';
import { englishMessage } from '../../../shared/messages/backend-messages';
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
      if (problem) {
        const message = englishMessage(problem.key, problem.params);
        throw ApiError.of('invalid_input', problem.key, problem.params, [{ path: 'patch.publishedAt', message }]);
      }
      return workbench.articles.updateMetadata(id, patch);
    },
    listLabels: () => workbench.labels.list(),
    searchArticles: ({ query }) => workbench.search.search(query),
  };
}
