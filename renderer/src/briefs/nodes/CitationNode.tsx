import { createContext, useContext, type ComponentType, type JSX } from 'react';
import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical';
import {
  CITATION_NODE_TYPE,
  type CitationSnapshot,
  type SerializedCitationNode,
} from '../../../../shared/brief/citation';

/** What draws a citation; the editor provides it, so this module stays free of stores and the client. */
export interface CitationViewProps {
  nodeKey: NodeKey;
  snapshot: CitationSnapshot;
}
export const CitationViewContext = createContext<ComponentType<CitationViewProps> | null>(null);

function CitationSlot(props: CitationViewProps): JSX.Element | null {
  const View = useContext(CitationViewContext);
  // The editor provides one module-level component for its whole life: nothing is created per render.
  // eslint-disable-next-line react-hooks/static-components
  return View ? <View {...props} /> : null;
}

/**
 * A citation of one stored span, inline in the text of a brief. The node keeps the snapshot it
 * showed last (quote, label, article), so the brief still reads and exports when the span or its
 * article is gone; what it shows now comes from the span's resolved state (citation-store.ts),
 * and a live span that changed is written back into the snapshot.
 */
export class CitationNode extends DecoratorNode<JSX.Element> {
  __snapshot: CitationSnapshot;

  static override getType(): string {
    return CITATION_NODE_TYPE;
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__snapshot, node.__key);
  }

  static override importJSON(serialized: SerializedCitationNode): CitationNode {
    return $createCitationNode(snapshotOf(serialized));
  }

  constructor(snapshot: CitationSnapshot, key?: NodeKey) {
    super(key);
    this.__snapshot = snapshot;
  }

  override exportJSON(): SerializedCitationNode {
    return { type: CITATION_NODE_TYPE, version: 1, ...this.getSnapshot() };
  }

  getSnapshot(): CitationSnapshot {
    return this.getLatest().__snapshot;
  }

  setSnapshot(snapshot: CitationSnapshot): this {
    const writable = this.getWritable();
    writable.__snapshot = snapshot;
    return writable;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'citation-host';
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Copied as a quotation naming its article, so pasting elsewhere keeps the words and the source. */
  override exportDOM(): DOMExportOutput {
    const { quote, articleTitle, annotationId, articleId } = this.getSnapshot();
    const element = document.createElement('q');
    element.textContent = quote;
    element.title = articleTitle;
    element.dataset.annotationId = String(annotationId);
    element.dataset.articleId = String(articleId);
    return { element };
  }

  override getTextContent(): string {
    return `“${this.getSnapshot().quote}”`;
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(): JSX.Element {
    return <CitationSlot nodeKey={this.getKey()} snapshot={this.__snapshot} />;
  }
}

/** The snapshot fields of a serialised citation (Lexical's own `type`/`version` left out). */
function snapshotOf(serialized: SerializedCitationNode): CitationSnapshot {
  const { annotationId, articleId, labelKey, quote, articleTitle, source, publishedAt, startU16, endU16 } = serialized;
  return { annotationId, articleId, labelKey, quote, articleTitle, source, publishedAt, startU16, endU16 };
}

export function $createCitationNode(snapshot: CitationSnapshot): CitationNode {
  return $applyNodeReplacement(new CitationNode(snapshot));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
