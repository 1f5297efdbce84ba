import { useTranslation } from 'react-i18next';
import { attributesOfLabel, missingRequired } from '../../../shared/domain/attributes';
import { shorten } from '../../../shared/text/shorten';
import { labelName, useAppStore } from '../state/app-store';
import { nameIn, useAttributeStore } from '../state/attribute-store';
import { attributeInputId } from './attribute-keys';
import { useReaderStore } from './reader-store';
import type { Span } from './sync/document-sync';
import { ValueEditor } from './ValueEditor';

/** The selected span's typed attributes, each saved as its own undoable step when changed. */
export function SpanAttributes({ span }: { span: Span }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const allDefs = useAttributeStore((state) => state.attributeDefs);
  const attributeKey = useReaderStore((state) => state.attributeKey);
  const sync = useReaderStore((state) => state.sync);
  const setAttributes = useReaderStore((state) => state.setAttributes);
  const defs = attributesOfLabel(allDefs, span.labelKey);
  if (defs.length === 0) return null;
  const missing = missingRequired(allDefs, span.labelKey, span.attributes);
  const labelOf = (key: string) => {
    const label = labels.find((candidate) => candidate.key === key);
    return label ? labelName(label, language) : key;
  };
  return (
    <section className="attributes" aria-label={t('attributes.heading')}>
      <h3 className="attributes__heading">
        {t('attributes.heading')}
        {missing.length > 0 ? (
          <span className="attributes__missing-count">{t('attributes.missingCount', { count: missing.length })}</span>
        ) : null}
      </h3>
      <p className="attributes__hint">{attributeKey === null ? t('attributes.keyHint') : t('attributes.activeHint')}</p>
      <dl className="attributes__list">
        {defs.map((def) => {
          const value = span.attributes?.[def.key];
          const isMissing = def.required && value === undefined;
          const active = attributeKey === def.key;
          const spanChoices =
            def.spec.type === 'span'
              ? (sync?.spans.all() ?? [])
                  .filter((other) => other.id !== span.id)
                  .filter(
                    (other) =>
                      def.spec.type !== 'span' ||
                      def.spec.labelKeys.length === 0 ||
                      def.spec.labelKeys.includes(other.labelKey),
                  )
                  .map((other) => ({ id: other.id, text: `${labelOf(other.labelKey)} “${shorten(other.quote)}”` }))
              : [];
          return (
            <div
              key={def.key}
              className={`attributes__row${active ? ' is-active' : ''}${isMissing ? ' is-missing' : ''}`}
            >
              <dt>
                <label htmlFor={attributeInputId(def.key)}>{nameIn(def, language)}</label>
                {isMissing ? <span className="attributes__missing">{t('attributes.missing')}</span> : null}
              </dt>
              <dd>
                <ValueEditor
                  def={def}
                  value={value}
                  inputId={attributeInputId(def.key)}
                  showKeys={active}
                  spanChoices={spanChoices}
                  onChange={(next) => void setAttributes(span.id, { [def.key]: next })}
                />
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
