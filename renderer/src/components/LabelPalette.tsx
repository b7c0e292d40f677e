import { useTranslation } from 'react-i18next';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/** Pick a label for the selection from a list (the mouse and screen-reader way to the label hotkeys). */
export function LabelPalette({ onPick }: { onPick: (labelId: string) => void }) {
  const { t } = useTranslation();
  const name = useLocalised();
  const schema = useApp((s) => s.schema);
  const openDialog = useApp((s) => s.openDialog);
  return (
    <Dialog id="palette" title={t('reader.palette')} onClose={() => openDialog(null)}>
      <ul className="palette">
        {schema?.labels.map((l, i) => (
          <li key={l.id}>
            <button
              type="button"
              autoFocus={i === 0}
              onClick={() => {
                openDialog(null);
                onPick(l.id);
              }}
            >
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
