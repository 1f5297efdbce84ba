import { z } from 'zod';
import { PatternFileSchema, type PatternDefinition } from '../../../shared/assist/patterns';
import { LabelKeySchema } from '../../../shared/domain/schemas';
import shippedGazetteer from '../../../resources/assist/gazetteer.vi.json';
import shippedPatterns from '../../../resources/assist/patterns.vi.json';

const GazetteerFileSchema = z
  .object({
    version: z.literal(1),
    description: z.string(),
    entries: z.array(z.object({ text: z.string().min(1), labelKey: LabelKeySchema }).strict()),
  })
  .strict();

/** The names and patterns that ship with the app (resources/assist/), validated once at load. */
export interface ShippedAssistData {
  names: readonly { text: string; labelKey: string }[];
  patterns: readonly PatternDefinition[];
}

let loaded: ShippedAssistData | null = null;

export function shippedAssistData(): ShippedAssistData {
  loaded ??= {
    names: GazetteerFileSchema.parse(shippedGazetteer).entries,
    patterns: PatternFileSchema.parse(shippedPatterns).patterns,
  };
  return loaded;
}
