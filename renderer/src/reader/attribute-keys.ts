import { attributesOfLabel, chooseOption, optionForKey, type AttributeDef } from '../../../shared/domain/attributes';
import { useAttributeStore } from '../state/attribute-store';
import { useReaderStore } from './reader-store';
import type { Span } from './sync/document-sync';

/** The id of an attribute's editor in the span panel, for the keyboard to focus. */
export const attributeInputId = (key: string): string => `attribute-${key}`;

const choosable = (def: AttributeDef) => def.spec.type === 'enum' || def.spec.type === 'boolean';

/**
 * The attribute prefix (keymap `attribute-prefix`) on the selected span: it starts on the first
 * missing required attribute, else the first one. Returns false when the label has none.
 */
export function startAttributePrefix(span: Span): boolean {
  const defs = attributesOfLabel(useAttributeStore.getState().attributeDefs, span.labelKey);
  const first = defs.find((def) => def.required && span.attributes?.[def.key] === undefined) ?? defs[0];
  if (!first) return false;
  useReaderStore.getState().setAttributeKey(first.key);
  return true;
}

/**
 * A key while the prefix is active. A value's key sets the attribute (a multi-valued one toggles
 * the option and stays) and ends the prefix; A moves to the next attribute; Enter focuses an
 * attribute typed by hand (number, date, text, span); Escape ends. Other keys end the prefix and
 * go on to the reader's usual handling (returns false).
 */
export function handleAttributeKey(event: KeyboardEvent, span: Span): boolean {
  const store = useReaderStore.getState();
  const defs = attributesOfLabel(useAttributeStore.getState().attributeDefs, span.labelKey);
  const index = defs.findIndex((def) => def.key === store.attributeKey);
  const def = defs[index];
  if (!def || event.ctrlKey || event.metaKey || event.altKey) {
    store.setAttributeKey(null);
    return false;
  }
  if (event.key === 'Escape') {
    store.setAttributeKey(null);
    return true;
  }
  if (event.key.toLowerCase() === 'a') {
    store.setAttributeKey(defs[(index + 1) % defs.length]?.key ?? null);
    return true;
  }
  if (event.key === 'Enter' && !choosable(def)) {
    store.setAttributeKey(null);
    document.getElementById(attributeInputId(def.key))?.focus();
    return true;
  }
  const chosen = event.key.length === 1 ? optionForKey(def.spec, event.key) : undefined;
  if (chosen === undefined) {
    store.setAttributeKey(null);
    return false;
  }
  const multiple = def.spec.type === 'enum' && def.spec.multiple;
  if (!multiple) store.setAttributeKey(null);
  void store.setAttributes(span.id, { [def.key]: chooseOption(def.spec, span.attributes?.[def.key], chosen) });
  return true;
}
