import { useTranslation } from 'react-i18next';
import type { AttributeSpec } from '../../../shared/domain/attributes';
import { useAppStore } from '../state/app-store';
import { nameIn } from '../state/attribute-store';
import { optionsText, parseOptions } from './definition-form';

interface Editable {
  key: string;
  nameVi: string;
  nameEn: string;
  required: boolean;
  spec: AttributeSpec;
}

type Patch = Partial<Pick<Editable, 'nameVi' | 'nameEn' | 'required' | 'spec'>>;

/** One existing definition: names, required and enum options edited in place (saved on leaving a field), deletion. */
export function DefinitionRow({
  def,
  onPatch,
  onDelete,
}: {
  def: Editable;
  onPatch: (patch: Patch) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { spec } = def;
  const name = nameIn(def, language);
  return (
    <tr>
      <td>
        <code>{def.key}</code>
      </td>
      <td>
        <input
          aria-label={`${t('attributes.nameVi')}: ${def.key}`}
          defaultValue={def.nameVi}
          lang="vi"
          onBlur={(event) => event.target.value !== def.nameVi && onPatch({ nameVi: event.target.value })}
        />
        <input
          aria-label={`${t('attributes.nameEn')}: ${def.key}`}
          defaultValue={def.nameEn}
          lang="en"
          onBlur={(event) => event.target.value !== def.nameEn && onPatch({ nameEn: event.target.value })}
        />
      </td>
      <td>
        {t(`attributes.types.${spec.type}`)}
        {spec.type === 'enum' ? (
          <textarea
            aria-label={`${t('attributes.options')}: ${def.key}`}
            defaultValue={optionsText(spec.options)}
            rows={Math.min(6, spec.options.length)}
            onBlur={(event) => {
              const parsed = parseOptions(event.target.value);
              if ('badLine' in parsed) {
                useAppStore.getState().notify('error', t('attributes.badOptions', { line: parsed.badLine }));
              } else if (optionsText(parsed.options) !== optionsText(spec.options)) {
                onPatch({ spec: { ...spec, options: parsed.options } });
              }
            }}
          />
        ) : null}
      </td>
      <td>
        <label>
          <input
            type="checkbox"
            checked={def.required}
            onChange={(event) => onPatch({ required: event.target.checked })}
          />{' '}
          {t('attributes.required')}
        </label>
      </td>
      <td>
        <button type="button" className="danger" title={t('attributes.deleteTitle', { name })} onClick={onDelete}>
          {t('attributes.delete')}
        </button>
      </td>
    </tr>
  );
}
