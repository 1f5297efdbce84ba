import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { SearchIndex, SearchStore, SEARCH_TERMS_TABLE } from '../../../electron/services/store/search-index';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { LibraryPageInputSchema, type LibrarySort } from '../../../shared/corpus/library-query';
import { parseSearchQuery } from '../../../shared/search/query';
import { insertOldArticle } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';
import { addArticle } from '../corpus/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const TEXTS: [title: string, text: string][] = [
  ['Một', 'Bảo đảm an ninh trật tự.'],
  ['Hai', 'Ninh Bình: ăn tết an toàn.'],
  ['Ba', 'Anh ấy bàn về an ninh mạng, an ninh biển.'],
  ['Bốn', 'Không liên quan.'],
];

/** A database at version 27 holding TEXTS, indexed as every version since 002 indexes them. */
function version27(): string {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const path = join(dir, 'v27.db');
  const db = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 27) });
  const index = new SearchIndex(db);
  for (const [title, text] of TEXTS) index.put(insertOldArticle(db, text, title), title, text);
  db.close();
  return path;
}

function open(path: string): Workbench {
  const workbench = openWorkbench(path);
  cleanups.unshift(() => workbench.close());
  return workbench;
}

const QUERIES = ['an ninh', 'an n', 'an', 'ninh', 'an ninh m', '"an ninh"', 'an ninh mạng', 'ăn', 'bao dam an'];

/** Every search and library page the queries give: what the index's rewrite must leave alone. */
function answers(workbench: Workbench) {
  const sorts: LibrarySort[] = [
    { key: 'relevance', direction: 'ascending' },
    { key: 'relevance', direction: 'descending' },
    { key: 'title', direction: 'ascending' },
  ];
  return QUERIES.map((query) => ({
    search: workbench.search.search(query),
    pages: sorts.map((sort) =>
      workbench.corpus.queryLibrary(LibraryPageInputSchema.parse({ filter: { text: query }, sort, limit: 2 })),
    ),
  }));
}

describe('migration 028: the terms of the full-text index', () => {
  it('lists the terms of a version-27 database, and searches find what they found', () => {
    const workbench = open(version27());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const terms = workbench.db.prepare(`SELECT DISTINCT term FROM ${SEARCH_TERMS_TABLE} ORDER BY term`).pluck().all();
    expect(terms).toEqual(expect.arrayContaining(['an', 'anh', 'ninh', 'bao', 'dam']));
    expect(workbench.search.search('an ninh').map((hit) => hit.displayTitle)).toEqual(['Ba', 'Một', 'Hai']);
  });

  it('matches the word being typed whole only where no term of the index extends it', () => {
    const workbench = open(version27());
    const store = new SearchStore(workbench.db);
    const prefixKept = (query: string) => store.forIndex(parseSearchQuery(query)).lastIsPrefix;
    expect(prefixKept('an ninh')).toBe(false); // nothing but "ninh" starts with "ninh"
    expect(prefixKept('an')).toBe(true); // "anh"
    expect(prefixKept('an n')).toBe(true); // "ninh"
    expect(prefixKept('"an ninh"')).toBe(false); // a quoted end was never a prefix
    // A term written later is seen by the next search.
    addArticle(workbench, { title: 'Năm', text: 'Ninhthuan.' });
    expect(prefixKept('an ninh')).toBe(true);
    expect(workbench.search.search('ninh').map((hit) => hit.displayTitle)).toContain('Năm');
  });

  it('gives the same searches and library pages as with the last word always a prefix', () => {
    const workbench = open(version27());
    addArticle(workbench, { title: 'Sáu', text: 'An ninh quốc gia, ăn ninh.' });
    const rewritten = answers(workbench);
    vi.spyOn(SearchStore.prototype, 'forIndex').mockImplementation((query) => query);
    expect(answers(workbench)).toEqual(rewritten);
  });
});
