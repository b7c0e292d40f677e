/**
 * The writer the crash test kills: it opens a project as reviewer "crash" and annotates as fast
 * as it can, printing "add <case> <id>" or "del <case> <id>" after each write is acknowledged
 * (that is, durable), and "deleting <case> <id>" before a delete starts: a delete that was
 * started but not acknowledged may or may not have reached the disk, and both are correct.
 * Run with: node --import tsx crash-writer.fixture.ts <project> <seed>
 */
import { openProject } from '../services/open-project.ts';

const [dir, seedArg] = process.argv.slice(2);
let seed = Number(seedArg) || 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const service = await openProject(dir!, 'crash');
const api = service.handlers;
const cases = service.store.caseIds.slice(0, 6);
const texts = new Map<string, string>();
for (const id of cases) texts.set(id, (await api.getCase({ caseId: id })).text);
const mine: Array<{ caseId: string; id: string }> = [];
process.stdout.write('ready\n');

// Several writes in flight at once, to the same shards, as a busy UI would make.
async function worker() {
  for (;;) {
    if (mine.length > 5 && random() < 0.2) {
      const victim = mine.splice(Math.floor(random() * mine.length), 1)[0]!;
      process.stdout.write(`deleting ${victim.caseId} ${victim.id}\n`);
      await api.deleteSpan({ caseId: victim.caseId, id: victim.id });
      process.stdout.write(`del ${victim.caseId} ${victim.id}\n`);
      continue;
    }
    const caseId = cases[Math.floor(random() * cases.length)]!;
    const text = texts.get(caseId)!;
    const start = Math.floor(random() * (text.length - 10));
    const span = await api.addSpan({ caseId, start, end: start + 1 + Math.floor(random() * 8), label: random() < 0.5 ? 'indicator' : 'lesson' });
    mine.push({ caseId, id: span.id });
    process.stdout.write(`add ${caseId} ${span.id}\n`);
  }
}
await Promise.all([worker(), worker(), worker()]);
