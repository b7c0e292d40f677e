import { useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { paletteKey } from '../lib/key-intents.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/**
 * Pick a label for the selection from a list (the mouse and screen-reader way to the label
 * hotkeys). The list is one tab stop: arrows move along it, a label's hotkey picks it; after a
 * pick the focus is back in the reader, to go on selecting.
 */
export function LabelPalette({ onPick }: { onPick: (labelId: string) => void }) {
  const { t } = useTranslation();
  const name = useLocalised();
  const schema = useApp((s) => s.schema);
  const openDialog = useApp((s) => s.openDialog);
  const list = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const labels = schema?.labels ?? [];

  const pick = (labelId: string) => {
    openDialog(null);
    onPick(labelId);
    // After the dialog has closed (and handed the focus back to whatever it found): the reader.
    setTimeout(() => document.querySelector<HTMLElement>('.reader-text')?.focus({ preventScroll: true }), 0);
  };
  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];

  return (
    <Dialog id="palette" title={t('reader.palette')} onClose={() => openDialog(null)}>
      <p className="muted small" id="palette-hint">
        {t('reader.paletteHint')}
      </p>
      <ul
        className="palette"
        ref={list}
        aria-describedby="palette-hint"
        onKeyDown={(e) => {
          const all = buttons();
          const action = paletteKey(e, all.indexOf(document.activeElement as HTMLButtonElement), labels.map((l) => l.hotkey));
          if (!action) return;
          e.preventDefault();
          if ('pick' in action) pick(labels[action.pick]!.id);
          else {
            setActive(action.focus);
            all[action.focus]?.focus();
          }
        }}
      >
        {labels.map((l, i) => (
          <li key={l.id}>
            <button type="button" tabIndex={i === active ? 0 : -1} onFocus={() => setActive(i)} aria-keyshortcuts={l.hotkey} onClick={() => pick(l.id)}>
              <span className={`label-chip label-${l.id}`} aria-hidden="true">
                {l.glyph}
              </span>
              {name(l.name)} <kbd>{l.hotkey}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
