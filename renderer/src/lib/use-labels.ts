import { useTranslation } from '../i18n/use-translation.ts';
import type { LabelDef, Localised } from '../../../shared/model/labels.ts';

/** A label's or field's name in the interface language. */
export function useLocalised(): (l: Localised) => string {
  const { i18n } = useTranslation();
  return (l) => (i18n.language === 'en' ? l.en : l.zh);
}

export function labelById(labels: readonly LabelDef[] | undefined, id: string): LabelDef | undefined {
  return labels?.find((l) => l.id === id);
}
