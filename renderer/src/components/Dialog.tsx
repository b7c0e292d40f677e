import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

/**
 * A modal dialog on the native <dialog> element: focus moves to its first control and is
 * trapped, Escape closes and focus returns to where it was, the page behind is inert, and
 * screen readers announce it by its title.
 */
export function Dialog({ title, onClose, children, wide, id }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) {
      d.showModal();
      // showModal() focuses the first focusable element, the × in the header: typing into the
      // dialog's field (a name, a query) would be lost. Focus the first control of the body.
      d.querySelector<HTMLElement>('.dialog-body :is(input, select, textarea, button, [tabindex="0"]):not([disabled])')?.focus();
    }
    return () => {
      d?.close();
      // Back where the person was (the reader, with its selection), if that is still on the page.
      if (before?.isConnected && before !== document.body) before.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      id={id}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={`${id ?? 'dialog'}-title`}
      onCancel={(e) => {
        // React passes a dialog's cancel on to the dialogs around it (a confirmation opened from
        // the import dialog): Escape closes the innermost one only.
        e.stopPropagation();
        if (e.target !== e.currentTarget) return;
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
