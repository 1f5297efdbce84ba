import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';
import { AttributeDefinitions } from './AttributeDefinitions';
import { FieldDefinitions } from './FieldDefinitions';

/** Until the schema view mounts them: the attribute and field editors in one dialog from the toolbar. */
export function AttributesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('attributes.editorTitle')} onClose={onClose} wide>
      <div className="attribute-editor">
        <AttributeDefinitions />
        <FieldDefinitions />
      </div>
    </Modal>
  );
}
