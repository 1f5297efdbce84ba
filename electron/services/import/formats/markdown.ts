import { Lexer, type Token, type Tokens } from 'marked';
import type { Extraction } from './types';

/**
 * Markdown → plain text with marked's lexer (no regular expressions over markup): headings,
 * paragraphs, list items and quotes become lines and paragraphs, emphasis and links keep only
 * their text, images their alt text, code its content; HTML blocks and rules are dropped. So
 * `# Title` is a title line and `**Hà An**` a byline line, as in .txt, .docx and .html.
 */
export function extractMarkdown(markdown: string): Extraction {
  const blocks = blocksOf(new Lexer().lex(markdown));
  return {
    kind: 'documents',
    documents: [{ part: null, rawText: blocks.join('\n\n'), given: {} }],
    skipped: [],
    notes: [{ key: 'noteMarkdownStripped', params: {} }],
  };
}

function blocksOf(tokens: readonly Token[]): string[] {
  const blocks: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
      case 'paragraph':
        blocks.push(inlineText((token as Tokens.Heading | Tokens.Paragraph).tokens));
        break;
      case 'text':
        blocks.push((token as Tokens.Text).tokens ? inlineText((token as Tokens.Text).tokens ?? []) : token.text);
        break;
      case 'code':
        blocks.push((token as Tokens.Code).text);
        break;
      case 'blockquote':
        blocks.push(...blocksOf((token as Tokens.Blockquote).tokens));
        break;
      case 'list':
        blocks.push((token as Tokens.List).items.map((item) => blocksOf(item.tokens).join('\n')).join('\n'));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => cells.map((cell) => inlineText(cell.tokens)).join('\t');
        blocks.push([row(table.header), ...table.rows.map(row)].join('\n'));
        break;
      }
      default:
        // space, hr, html, def: layout and markup, no article text.
        break;
    }
  }
  return blocks.filter((block) => block.trim() !== '');
}

function inlineText(tokens: readonly Token[]): string {
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'br':
          return '\n';
        case 'image':
          return (token as Tokens.Image).text;
        case 'html':
          return '';
        case 'codespan':
        case 'escape':
          return decodeEntities(token.text);
        default:
          if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0)
            return inlineText(token.tokens);
          return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
      }
    })
    .join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** marked keeps the few entities it escapes (&amp; &lt; &gt; &quot; &#39;) in token text. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}
