import { $applyNodeReplacement, ElementNode } from 'lexical';

/**
 * A block of consecutive paragraphs in the reader (about CHUNK_TARGET_CHARS of text).
 *
 * The chunk, not each paragraph, carries `content-visibility: auto`: Chromium watches every
 * such element with an intersection observer on every frame, and at one per paragraph (about
 * 2,000 in a 400,000-character article) that work filled a quarter of the main thread while
 * scrolling. Its placeholder height before it is first shown comes from `estimatedLines`
 * (CSS: `contain-intrinsic-size: auto calc(var(--chunk-lines) * 1lh)`); after that the browser
 * remembers the real height.
 */
export class ReaderChunkNode extends ElementNode {
  /** Visual lines the chunk should take at the reader's full column width. */
  __estimatedLines: number;

  override $config() {
    return this.config('reader-chunk', { extends: ElementNode });
  }

  constructor(estimatedLines = 1, key?: string) {
    super(key);
    this.__estimatedLines = estimatedLines;
  }

  override afterCloneFrom(previous: this): void {
    super.afterCloneFrom(previous);
    this.__estimatedLines = previous.__estimatedLines;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'reader__chunk';
    element.style.setProperty('--chunk-lines', String(this.__estimatedLines));
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }
}

export function $createReaderChunkNode(estimatedLines: number): ReaderChunkNode {
  return $applyNodeReplacement(new ReaderChunkNode(estimatedLines));
}
