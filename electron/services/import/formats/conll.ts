import { conllDocuments } from '../../../../shared/import/peers/conll';
import { refused, type Extraction } from './types';

/** CoNLL BIO: one article per `-DOCSTART-` document, its text rebuilt from the tokens. */
export function extractConll(content: string): Extraction {
  const documents = conllDocuments(content);
  if (documents.length === 0) return refused({ key: 'conllNoTokens', params: {} });
  return {
    kind: 'documents',
    documents: documents.map((document, index) => ({
      part: documents.length > 1 ? `document ${index + 1}` : null,
      rawText: document.text,
      given: {},
      annotations: document.annotations,
    })),
    skipped: [],
    notes: [{ key: 'noteConllRebuilt', params: {} }],
  };
}
