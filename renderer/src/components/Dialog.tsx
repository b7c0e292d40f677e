import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes,
 * the page behind is inert, and screen readers announce it by its title.
 */
export function Dialog({ title, onClose, children, wide, id }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      id={id}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={`${id ?? 'dialog'}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2 id={`${id ?? 'dialog'}-title`}>{title}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('app.close')}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
