import type { SpanAnnotation } from './annotation.ts';
import type { DocumentShape } from './document.ts';
import type { LabelSchema } from './labels.ts';
import type { CaseMeta, ReviewStatus, TaggedSection } from './review.ts';

export interface DatasetDocument {
  id: string;
  file: string;
  title: string;
  format: DocumentShape;
  issuer: string | null;
  year: number | null;
  kind: string | null;
}

export interface DatasetCase {
  id: string;
  documentId: string;
  ordinal: number;
  title: string;
  region: string | null;
  part: string | null;
  /** The current revision's text; span offsets refer to it. */
  text: string;
  revision: number;
  sections: TaggedSection[];
  meta: CaseMeta;
  status: Record<string, ReviewStatus>;
}

/**
 * Everything an export needs, in one plain object: the exports in shared/export are pure functions
 * of a Dataset, so the CLI, the desktop app and serve mode all produce the same bytes.
 */
export interface Dataset {
  project: { name: string; exportedAt: string };
  schema: LabelSchema;
  documents: DatasetDocument[];
  cases: DatasetCase[];
  /** Every reviewer's placed spans (orphans are left out of exports and listed in `orphans`). */
  spans: SpanAnnotation[];
  orphans: SpanAnnotation[];
}
