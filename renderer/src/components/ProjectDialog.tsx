import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { RecentProject } from '../../../shared/api/types.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/** Project home: the current project, recent ones, open a folder, create a new project. */
export function ProjectDialog() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const info = useApp((s) => s.info);
  const run = useApp((s) => s.run);
  const openDialog = useApp((s) => s.openDialog);
  const afterProjectSwitch = useApp((s) => s.afterProjectSwitch);
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [openDir, setOpenDir] = useState('');
  const [createDir, setCreateDir] = useState('');
  const [sample, setSample] = useState(true);
  useEffect(() => {
    void conn.api.recentProjects({}).then(setRecent);
  }, [conn]);

  const open = async (dir: string) => {
    const next = await run(conn.api.openProject({ dir }));
    if (next) await afterProjectSwitch(next);
  };
  const create = async (dir: string) => {
    const next = await run(conn.api.createProject({ dir, sample }));
    if (next) await afterProjectSwitch(next);
  };
  const choose = async (purpose: 'open' | 'create', set: (d: string) => void) => {
    const dir = await run(conn.api.chooseFolder({ purpose }));
    if (dir) set(dir);
  };

  return (
    <Dialog id="project" title={t('home.title')} onClose={() => openDialog(null)} wide>
      {info ? (
        <section>
          <h3>{t('home.current')}</h3>
          <p>
            <strong>{info.name}</strong> — {t('home.documents', { count: info.documents.length })} · {t('home.cases', { count: info.caseCount })}
          </p>
          <p className="muted small">{info.dir}</p>
        </section>
      ) : null}
      <section>
        <h3>{t('home.recent')}</h3>
        {recent.length === 0 ? <p className="muted">{t('home.noRecent')}</p> : null}
        <ul className="recent">
          {recent.map((r) => (
            <li key={r.dir}>
              <button type="button" onClick={() => void open(r.dir)} disabled={r.dir === info?.dir}>
                <strong>{r.name}</strong> <span className="muted small">{r.dir}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (openDir.trim()) void open(openDir.trim());
        }}
      >
        <h3>{t('home.open')}</h3>
        <div className="row">
          <label className="field grow">
            <span>{t('home.folder')}</span>
            <input value={openDir} onChange={(e) => setOpenDir(e.target.value)} placeholder={t('home.folderPlaceholder')} />
          </label>
          {conn.host === 'desktop' ? (
            <button type="button" onClick={() => void choose('open', setOpenDir)}>
              {t('home.choose')}
            </button>
          ) : null}
          <button type="submit">{t('home.openButton')}</button>
        </div>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (createDir.trim()) void create(createDir.trim());
        }}
      >
        <h3>{t('home.create')}</h3>
        <div className="row">
          <label className="field grow">
            <span>{t('home.folder')}</span>
            <input value={createDir} onChange={(e) => setCreateDir(e.target.value)} placeholder={t('home.folderPlaceholder')} />
          </label>
          {conn.host === 'desktop' ? (
            <button type="button" onClick={() => void choose('create', setCreateDir)}>
              {t('home.choose')}
            </button>
          ) : null}
          <button type="submit">{t('home.createButton')}</button>
        </div>
        <label>
          <input type="checkbox" checked={sample} onChange={(e) => setSample(e.target.checked)} /> {t('home.withSample')}
        </label>
        <div className="row">
          <button type="button" className="new-from-files" onClick={() => openDialog('import-new')}>
            {t('structure.newFromFiles')}
          </button>
        </div>
      </form>
      <button type="button" onClick={() => openDialog(null)}>
        {t('home.close')}
      </button>
    </Dialog>
  );
}
