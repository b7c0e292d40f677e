import { useTranslation } from '../i18n/use-translation.ts';
import { primaryName } from '../lib/keys.ts';
import { shortcutSheet } from '../lib/shortcuts.ts';
import { useApp } from '../state/context.ts';
import { VIEWS } from '../state/views.ts';
import { Dialog } from './Dialog.tsx';

/** The keyboard shortcuts sheet (press ?): every key the workbench handles, by what it is for. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const openDialog = useApp((s) => s.openDialog);
  const schema = useApp((s) => s.schema);
  const groups = shortcutSheet(primaryName, schema?.labels.map((l) => l.hotkey) ?? [], VIEWS);
  return (
    <Dialog id="shortcuts" title={t('shortcuts.title')} onClose={() => openDialog(null)} wide>
      <div className="shortcut-groups">
        {groups.map(([g, rows]) => (
          <section key={g}>
            <h3>{t(`shortcuts.groups.${g}`)}</h3>
            <dl>
              {rows.map(({ keys, what, view }) => (
                <div key={`${keys}|${what}|${view ?? ''}`} className="shortcut">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{view ? t('shortcuts.keys.view', { view: t(`views.${view}`) }) : t(`shortcuts.keys.${what}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
