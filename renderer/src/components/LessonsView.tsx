import { useTranslation } from 'react-i18next';

/** The library of accepted 经验启示 across the corpus (filled by the suggestions work). */
export function LessonsView() {
  const { t } = useTranslation();
  return (
    <main className="view lessons-view" aria-label={t('views.lessons')}>
      <h1>{t('views.lessons')}</h1>
    </main>
  );
}
