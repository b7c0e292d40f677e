import { describe, expect, it } from 'vitest';
import type { RecoveryNote } from '../../../shared/api/types.ts';
import { unseenRecoveries } from './recovery-notes.ts';

const note = (file: string, at = '2025-01-01T00:00:00Z', message = `${file} was corrupt`): RecoveryNote => ({ file, at, message });
const a = note('reviews/alice.json');
const b = note('reviews/alice.spans/c1.json');
const bLater = note('reviews/alice.spans/c1.json', '2025-01-02T00:00:00Z');

describe('unseenRecoveries', () => {
  // Successive projectInfo answers (each lists every note so far) → what each call shows.
  it.each([
    ['nothing recovered', [[], []], [[], []]],
    ['notes from the opening, shown once', [[a], [a], [a]], [[a], [], []]],
    ['a span file set aside mid-session', [[], [b], [b]], [[], [b], []]],
    ['a new note beside an old one', [[a], [a, b]], [[a], [b]]],
    ['the same file set aside again later', [[b], [b, bLater]], [[b], [bLater]]],
    ['several at once, in order', [[a, b]], [[a, b]]],
  ] as Array<[string, RecoveryNote[][], RecoveryNote[][]]>)('%s', (_name, answers, shown) => {
    const seen = new Set<string>();
    expect(answers.map((notes) => unseenRecoveries(notes, seen))).toEqual(shown);
  });
});
