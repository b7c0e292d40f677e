import { useTranslation } from '../i18n/use-translation.ts';
import { Dialog } from './Dialog.tsx';

/**
 * Ask before something that replaces or removes work. Cancel comes first, so the dialog focuses
 * it and a second Enter does not confirm by accident.
 */
export function ConfirmDialog({ id, title, message, confirm, onConfirm, onCancel }: { id: string; title: string; message: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog id={id} title={title} onClose={onCancel}>
      <p>{message}</p>
      <div className="row">
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onCancel();
            onConfirm();
          }}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
