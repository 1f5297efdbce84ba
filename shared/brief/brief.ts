import { z } from 'zod';
import { CITATION_NODE_TYPE, SerializedCitationNodeSchema, type SerializedCitationNode } from './citation';
import type { MessageRef } from '../messages/backend-messages';

/**
 * Briefs: the analyst's reports, written in a Lexical editor beside the corpus (issue 16). The
 * content is Lexical's serialised editor state (`editor.getEditorState().toJSON()`), stored as
 * JSON text; citations inside it are `SerializedCitationNode`s.
 */
export const BriefIdSchema = z.number().int().positive();

export const BriefTitleSchema = z
  .string()
  .max(300)
  .transform((title) => title.trim())
  .refine((title) => title.length > 0, 'a brief title cannot be empty or only whitespace');

/** One serialised Lexical node: a type, a version and whatever else that node type keeps. */
const SerializedNodeSchema = z.looseObject({ type: z.string().min(1).max(100), version: z.number().int() });

/**
 * The serialised editor state. Only the frame is checked here (a root with children); citation
 * nodes anywhere in the tree are checked against their own schema by `briefContentProblem`.
 */
export const BriefContentSchema = z.looseObject({
  root: z.looseObject({ type: z.literal('root'), children: z.array(SerializedNodeSchema) }),
});
export type BriefContent = z.infer<typeof BriefContentSchema>;

/** A brief larger than this as JSON text is refused: a paste that large is a mistake, not a report. */
export const MAX_BRIEF_CONTENT_CHARS = 5_000_000;

/** The content of a new brief: one empty paragraph, as Lexical's own empty state. */
export function emptyBriefContent(): BriefContent {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}

/**
 * What is wrong with a brief's content (a catalogue message naming the node path and field), or
 * null when it is fine: the JSON size, and every citation node against
 * `SerializedCitationNodeSchema`.
 */
export function briefContentProblem(content: BriefContent): MessageRef | null {
  const size = JSON.stringify(content).length;
  if (size > MAX_BRIEF_CONTENT_CHARS) {
    return { key: 'briefContentTooLarge', params: { size, limit: MAX_BRIEF_CONTENT_CHARS } };
  }
  for (const { node, path } of walkNodes(content)) {
    if (node.type !== CITATION_NODE_TYPE) continue;
    const parsed = SerializedCitationNodeSchema.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // zod's own wording of the issue stays English: only a hostile payload gets here.
      return {
        key: 'briefCitationInvalid',
        params: { path: issue ? [path, ...issue.path].join('.') : path, detail: issue?.message ?? '' },
      };
    }
  }
  return null;
}

/** Every citation in the content, in document order. */
export function citationsOf(content: BriefContent): SerializedCitationNode[] {
  const found: SerializedCitationNode[] = [];
  for (const { node } of walkNodes(content)) {
    if (node.type !== CITATION_NODE_TYPE) continue;
    const parsed = SerializedCitationNodeSchema.safeParse(node);
    if (parsed.success) found.push(parsed.data);
  }
  return found;
}

interface WalkedNode {
  node: { type?: unknown; children?: unknown };
  /** Where it sits, e.g. `root.children[2].children[0]`. */
  path: string;
}

function* walkNodes(content: BriefContent): Generator<WalkedNode> {
  const stack: WalkedNode[] = [{ node: content.root, path: 'root' }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    const children = current.node.children;
    if (!Array.isArray(children)) continue;
    for (let index = children.length - 1; index >= 0; index--) {
      const child: unknown = children[index];
      if (child && typeof child === 'object') {
        stack.push({ node: child as WalkedNode['node'], path: `${current.path}.children[${index}]` });
      }
    }
  }
}

export const BriefSummarySchema = z.object({
  id: BriefIdSchema,
  title: z.string(),
  /** Display name of who created it. */
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BriefSummary = z.infer<typeof BriefSummarySchema>;

export const BriefSchema = BriefSummarySchema.extend({ content: BriefContentSchema });
export type Brief = z.infer<typeof BriefSchema>;
