/**
 * The names of the contract's calls as plain strings, with no zod in reach: the preload imports
 * only this module, so the sandboxed bridge does not bundle every schema (185 kB → a few kB).
 * `shared/contract/index.ts` checks at compile time that this list and the contract's keys are the
 * same set, and tests/unit/shared/contract-names.test.ts checks they are equal in order.
 * Pushed events get a list of their own here the same way (`EVENT_NAMES`), for the same reason.
 */
export const CALL_NAMES = [
  'getAppInfo',
  'listArticles',
  'getArticle',
  'getArticleSummary',
  'setArticleStatus',
  'updateArticleMetadata',
  'listLabels',
  'searchArticles',
  'listAnnotations',
  'undo',
  'redo',
  'getHistoryState',
  'applyChanges',
  'getProfile',
  'setProfile',
  'queryLibrary',
  'libraryArticleIds',
  'libraryFacets',
  'concordance',
  'annotateAll',
  'startAnnotateAll',
  'getAnnotateAllJob',
  'cancelAnnotateAll',
  'corpusDashboard',
  'openArticle',
  'reopenArticle',
  'listRelationTypes',
  'listRelations',
  'pickImportPaths',
  'startImport',
  'getImportJob',
  'cancelImport',
  'decideImport',
  'restoreTrimmedText',
  'pickExportPath',
  'startExport',
  'getExportJob',
  'cancelExport',
  'getDatabaseHealth',
  'listBackups',
  'previewBackup',
  'restoreBackup',
  'listEntities',
  'getEntityPage',
  'getLinkSuggestions',
  'getSuggestions',
  'getAssistSettings',
  'setAssistSources',
  'startPreannotation',
  'getPreannotationJob',
  'cancelPreannotation',
  'getLabelUsage',
  'exportSchema',
  'previewSchemaImport',
  'importSchema',
  'undoNewest',
  'redoNewest',
  'getNewestHistoryState',
  'agreement',
  'listAttributeDefs',
  'listFieldDefs',
  'startPackageExport',
  'previewPackage',
  'importPackage',
  'discardPackage',
  'exportBrief',
  'generateBriefSection',
  'listDisagreements',
  'decideDisagreement',
  'acceptAgreed',
  'disagreementCounts',
  'listBriefs',
  'getBrief',
  'resolveCitations',
  'searchCitableSpans',
] as const;

export type CallNameOfList = (typeof CALL_NAMES)[number];

/** The Electron IPC channel that carries one call; main registers it, the preload invokes it. */
export const ipcChannelOf = (name: CallNameOfList): string => `marginalia:${name}`;

/** The name of the preload bridge on `window` (Electron only). */
export const BRIDGE_GLOBAL = 'marginalia';

/**
 * The browser host's upload route: files as multipart/form-data (each part's filename is the
 * name the user chose), streamed to a temp folder; it answers `{ uploadId, files }` for an
 * `upload` source.
 */
export const UPLOAD_PATH = '/api/upload';

/** The header that carries the browser host's per-run token on every call. */
export const TOKEN_HEADER = 'x-marginalia-token';
