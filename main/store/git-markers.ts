/**
 * A file git left with conflict markers after a merge both sides changed:
 *
 *   <<<<<<< HEAD
 *   {"schemaVersion":1,"labels":[…ours…]}
 *   =======
 *   {"schemaVersion":1,"labels":[…theirs…]}
 *   >>>>>>> their-branch
 *
 * (casebench writes each file as one line, so a conflict holds whole files; a diff3 style
 * "||||||| base" part is read too). The two sides, or null when the text has no markers.
 */
export function gitSides(text: string): { ours: string; theirs: string } | null {
  if (!/^<{7}(?: |$)/m.test(text)) return null;
  const ours: string[] = [];
  const theirs: string[] = [];
  let state: 'both' | 'ours' | 'base' | 'theirs' = 'both';
  for (const line of text.split(/\r?\n/)) {
    if (/^<{7}(?: |$)/.test(line)) state = 'ours';
    else if (/^\|{7}(?: |$)/.test(line) && state === 'ours') state = 'base';
    else if (/^={7}$/.test(line) && (state === 'ours' || state === 'base')) state = 'theirs';
    else if (/^>{7}(?: |$)/.test(line) && state === 'theirs') state = 'both';
    else if (state === 'both') {
      ours.push(line);
      theirs.push(line);
    } else if (state === 'ours') ours.push(line);
    else if (state === 'theirs') theirs.push(line);
  }
  if (state !== 'both') return null;
  return { ours: ours.join('\n'), theirs: theirs.join('\n') };
}
