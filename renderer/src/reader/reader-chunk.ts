import { deferred } from '../app/deferred';

/**
 * The reader's chunk (ReaderView and what only it uses), not in the start bundle (issue 13).
 * Registered before every other deferred module, so it is the first loaded after the library's
 * first paint; a press on an article's row also starts its load, with the article's read
 * (LibraryView), so an open made right after start does not wait for it to be asked for.
 */
export const readerChunk = deferred(() => import('./ReaderView'));
