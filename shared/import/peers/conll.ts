/**
 * CoNLL BIO (IOB2, or IOB1 where I- opens an entity): one token per line, tags in the LAST
 * column (as `spacy convert -c ner` reads them), blank lines between sentences, `-DOCSTART-`
 * lines between documents. The file has no text, so the text is rebuilt from the tokens: a
 * space between tokens except before closing punctuation and after opening punctuation, a line
 * break between sentences; each tag run then becomes a span on that text.
 */
import type { MessageRef } from '../../messages/backend-messages';
import type { PeerAnnotations, PeerSpan } from './spans';

export interface ConllDocument {
  text: string;
  annotations: PeerAnnotations;
}

const NO_SPACE_BEFORE = /^[.,;:!?%)\]}”’…»]/u;
const NO_SPACE_AFTER = /[([{“‘«]$/u;

export function conllDocuments(content: string): ConllDocument[] {
  const documents: string[][][] = [];
  let sentences: string[][] = [];
  let sentence: string[] = [];
  const endSentence = () => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) documents.push(sentences);
    sentences = [];
  };
  for (const line of content.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('-DOCSTART-')) endDocument();
    else if (line.trim() === '') endSentence();
    else sentence.push(line);
  }
  endDocument();
  return documents.map(documentOf);
}

function documentOf(sentences: readonly string[][]): ConllDocument {
  let text = '';
  const spans: PeerSpan[] = [];
  const problems: MessageRef[] = [];
  let open: PeerSpan | null = null;
  const close = () => {
    if (open) spans.push({ ...open, quote: text.slice(open.start, open.end) });
    open = null;
  };
  sentences.forEach((lines, sentenceIndex) => {
    if (sentenceIndex > 0) text += '\n';
    lines.forEach((line, tokenIndex) => {
      const columns = line.split(/\t| +/);
      const token = columns[0] as string;
      const tag = columns.length > 1 ? (columns[columns.length - 1] as string) : 'O';
      if (tokenIndex > 0 && !NO_SPACE_BEFORE.test(token) && !NO_SPACE_AFTER.test(text)) text += ' ';
      const start = text.length;
      text += token;
      const [prefix, label] = tag.length > 2 && tag[1] === '-' ? [tag[0], tag.slice(2)] : [tag, ''];
      if (prefix === 'B' || ((prefix === 'I' || prefix === 'E' || prefix === 'S') && open?.label !== label)) {
        close();
        open = { start, end: text.length, label, quote: null };
      } else if (prefix === 'I' || prefix === 'E') {
        if (open) open.end = text.length;
      } else {
        close();
        if (tag !== 'O') problems.push({ key: 'conllTagNotBio', params: { tag, token } });
      }
      if (prefix === 'E' || prefix === 'S') close();
    });
    close();
  });
  // Offsets are UTF-16 on the rebuilt text; quotes make each span check itself.
  return { text, annotations: { format: 'CoNLL BIO', unit: 'utf16', spans, problems } };
}
