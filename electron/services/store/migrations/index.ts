import { migration001Initial } from './001-initial';
import { migration002Search } from './002-search';
import { migration003ChangeHistory } from './003-change-history';
import { migration004ArticleChangeIndex } from './004-article-change-index';
import { migration005LabelSchema } from './005-label-schema';
import { migration007Relations } from './007-relations';
import { migration009Corpus } from './009-corpus';
import { migration010DuplicateKey } from './010-duplicate-key';
import { migration012Assist } from './012-assist';
import { migration013AttributesAndFields } from './013-attributes-and-fields';
import { migration014Entities } from './014-entities';
import { migration015DashboardCounters } from './015-dashboard-counters';
import { migration016Briefs } from './016-briefs';
import { migration018Adjudication } from './018-adjudication';
import { migration020SentencePairs } from './020-sentence-pairs';
import { migration021SpanSearchIndexes } from './021-span-search-indexes';
import { migration022NoteIndex } from './022-note-index';
import { migration023DashboardArticleCounters } from './023-dashboard-article-counters';
import { migration024CorpusReadIndexes } from './024-corpus-read-indexes';
import { migration025ConcordanceLineIndex } from './025-concordance-line-index';
import { migration026NoteLines } from './026-note-lines';
import { migration027CompactNoteLines } from './027-compact-note-lines';
import { migration028SearchTerms } from './028-search-terms';
import type { Migration } from './types';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002Search,
  migration003ChangeHistory,
  migration004ArticleChangeIndex,
  migration005LabelSchema,
  migration007Relations,
  migration009Corpus,
  migration010DuplicateKey,
  migration012Assist,
  // Attributes were planned as 006 but landed after 012: the runner only applies versions above
  // a database's own, so a database already at 012 would never have received a 006.
  migration013AttributesAndFields,
  migration014Entities,
  migration015DashboardCounters,
  migration016Briefs,
  migration018Adjudication,
  migration020SentencePairs,
  migration021SpanSearchIndexes,
  migration022NoteIndex,
  migration023DashboardArticleCounters,
  migration024CorpusReadIndexes,
  migration025ConcordanceLineIndex,
  migration026NoteLines,
  migration027CompactNoteLines,
  migration028SearchTerms,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
