/**
 * The extract worker posts an article whose text is its raw text with that text left out, and
 * the job puts it back (issue 13, import at corpus scale: the text was copied to the writing
 * thread twice). Through the same copy a `postMessage` makes, the job gets the outcome the
 * worker made.
 */
import { describe, expect, it } from 'vitest';
import { extractFile, outcomeOf, replyOf } from '../../../electron/services/import/extraction/extract-file';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';

const extracted = (name: string, text: string) =>
  extractFile(name, { bytes: Buffer.from(text, 'utf8') }, DEFAULT_IMPORT_LIMITS);

const ARTICLE = 'Hội nghị tổng kết công tác đối ngoại\n\nPhát biểu tại hội nghị, Bộ trưởng nhấn mạnh yêu cầu.\n';

describe('extract replies', () => {
  it('posts a text that is its raw text once, and the job gets it back', async () => {
    const outcome = await extracted('a.txt', ARTICLE);
    const reply = replyOf(7, outcome);
    expect(reply.textIsRaw).toEqual([0]);
    const posted = structuredClone(reply);
    expect(posted.outcome.kind === 'extracted' && posted.outcome.prepared?.[0]).toMatchObject({
      ok: true,
      article: { text: '' },
    });
    expect(outcomeOf(posted)).toEqual(outcome);
  });

  it('posts a text that differs from its raw text (canonicalised, trimmed) as it is', async () => {
    const outcome = await extracted('a.txt', ARTICLE.replaceAll('\n', '\r\n'));
    const reply = replyOf(1, outcome);
    expect(reply.textIsRaw).toEqual([]);
    expect(outcomeOf(structuredClone(reply))).toEqual(outcome);
  });

  it('leaves out only the texts that are their raw text, in a file of several articles', async () => {
    const records = [
      { title: 'Một', text: 'Văn bản thứ nhất, đã chuẩn.' },
      { title: 'Hai', text: 'Văn bản\r\nthứ hai.' },
      { title: 'Ba', text: '   ' },
      { title: 'Bốn', text: 'Văn bản thứ tư.' },
    ];
    const outcome = await extracted('a.jsonl', records.map((record) => JSON.stringify(record)).join('\n'));
    const reply = replyOf(2, outcome);
    expect(reply.textIsRaw).toEqual([0, 2]);
    expect(outcomeOf(structuredClone(reply))).toEqual(outcome);
  });

  it('posts other outcomes as they are', async () => {
    const outcome = await extracted('a.png', '\u0089PNG');
    expect(replyOf(3, outcome)).toEqual({ id: 3, outcome, textIsRaw: [] });
  });
});
