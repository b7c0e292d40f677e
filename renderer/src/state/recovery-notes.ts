import type { RecoveryNote } from '../../../shared/api/types.ts';

const key = (r: RecoveryNote) => `${r.file}\n${r.at}\n${r.message}`;

/**
 * The notes not shown yet, in the order given; they are marked as shown in `seen`. The service
 * lists every note since the project opened, so each call may repeat the earlier ones.
 */
export function unseenRecoveries(notes: readonly RecoveryNote[], seen: Set<string>): RecoveryNote[] {
  const fresh: RecoveryNote[] = [];
  for (const r of notes) {
    const k = key(r);
    if (seen.has(k)) continue;
    seen.add(k);
    fresh.push(r);
  }
  return fresh;
}
