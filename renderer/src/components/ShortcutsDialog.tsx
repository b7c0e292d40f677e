import { useTranslation } from 'react-i18next';
import { primaryName } from '../lib/keys.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/** The keyboard shortcuts sheet (press ?). */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const openDialog = useApp((s) => s.openDialog);
  const schema = useApp((s) => s.schema);
  const hotkeys = schema?.labels.map((l) => l.hotkey).join(' ') ?? '1–6';
  const groups: Array<[string, Array<[string, string]>]> = [
    [
      'navigate',
      [
        ['Alt+↓ / Alt+↑', 'nextCase'],
        ['Alt+↑', 'previousCase'],
        ['Alt+1', 'focusList'],
        ['Alt+2', 'focusText'],
        ['L', 'jumpLessons'],
        ['R', 'jumpResults'],
        [']', 'nextSection'],
        ['[', 'previousSection'],
      ],
    ],
    [
      'annotate',
      [
        ['Shift+← → ↑ ↓', 'select'],
        [`${primaryName}+Shift+← →`, 'selectClause'],
        [hotkeys, 'applyLabel'],
        ['Enter', 'palette'],
        ['J', 'nextSpan'],
        ['K', 'previousSpan'],
        ['Enter', 'editSpan'],
        ['Delete', 'deleteSpan'],
        [`${primaryName}+Enter`, 'status'],
      ],
    ],
    [
      'suggestions',
      [
        ['N', 'nextSuggestion'],
        ['Shift+N', 'previousSuggestion'],
        ['A', 'acceptSuggestion'],
        ['X', 'rejectSuggestion'],
        ['Shift+A', 'acceptSection'],
      ],
    ],
    [
      'edit',
      [
        [`${primaryName}+Z`, 'undo'],
        [`${primaryName}+Shift+Z / ${primaryName}+Y`, 'redo'],
      ],
    ],
    [
      'app',
      [
        [`${primaryName}+F  /`, 'search'],
        ['?', 'shortcuts'],
        ['Esc', 'escape'],
      ],
    ],
  ];
  return (
    <Dialog id="shortcuts" title={t('shortcuts.title')} onClose={() => openDialog(null)} wide>
      <div className="shortcut-groups">
        {groups.map(([g, rows]) => (
          <section key={g}>
            <h3>{t(`shortcuts.groups.${g}`)}</h3>
            <dl>
              {rows
                .filter(([k]) => k !== 'Alt+↑')
                .map(([keys, what]) => (
                  <div key={what} className="shortcut">
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{t(`shortcuts.keys.${what}`)}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
