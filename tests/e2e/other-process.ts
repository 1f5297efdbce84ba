import { openWorkbench } from '../../electron/services/workbench';
import type { RunningHost } from './fixtures';

/**
 * A PER span written by another connection to the host's database, as a second app or a script
 * would write it: the host learns of it only through the database (`data_version`), not a call.
 */
export function annotateFromAnotherConnection(host: RunningHost, articleId: number, quote: string): void {
  const other = openWorkbench(host.databasePath);
  try {
    const start = other.articles.getText(articleId).indexOf(quote);
    other.annotations.create({ articleId, labelKey: 'PER', start, end: start + quote.length, quote });
  } finally {
    other.close();
  }
}
