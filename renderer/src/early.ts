/**
 * The page's first script, loaded ahead of the main bundle (renderer/vite.config.ts), with no
 * imports so that it runs as soon as it has arrived: it sends the first screen's requests — the
 * project, its schema, the list of cases, the undo history and the case the address names (or
 * else the list's first case, as soon as the list arrives) — while the main bundle is still on
 * its way and compiling. api/first-requests.ts hands the answers to the store's first calls.
 * Suggestions are asked for once the project says who is annotating (there are none before).
 * The calls are those the store's boot makes (state/store.ts), keyed by method and input.
 */
type Answer = Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>;

interface FirstRequests {
  at: number;
  answers: Map<string, Answer>;
}

const host = window as unknown as { casebench?: Record<string, (input: unknown) => Promise<unknown>>; casebenchFirstRequests?: FirstRequests };

function send(method: string, input: object): Answer {
  if (host.casebench) {
    // The desktop app: the preload's API over IPC.
    return host.casebench[method]!(input).then(
      (result) => ({ ok: true, result }),
      (e: { code?: string; message?: string }) => ({ ok: false, error: { code: e?.code ?? 'internal', message: e?.message ?? String(e) } }),
    );
  }
  // serve: the run's token from the address or from this tab (as api/http-transport.ts takes it).
  const token = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1] ?? sessionStorage.getItem('casebench-token') ?? '';
  return fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebench-Token': token }, body: JSON.stringify(input) }).then((r) => r.json());
}

const answers = new Map<string, Answer>();
host.casebenchFirstRequests = { at: Date.now(), answers };
const ask = (method: string, input: object) => {
  const answer = send(method, input);
  // Never an unhandled rejection: the store sees the failure when it takes the answer.
  answer.catch(() => undefined);
  answers.set(`${method} ${JSON.stringify(input)}`, answer);
  return answer;
};
const info = ask('projectInfo', {});
const caseAsked = (caseId: string) => {
  ask('getCase', { caseId });
  void info.then(
    (body) => {
      if (body.ok && (body.result as { reviewer: string | null }).reviewer) ask('getSuggestions', { caseId });
    },
    () => undefined,
  );
};

const named = /^#\/case\/([^/?#]+)/.exec(location.hash)?.[1];
ask('getSchema', {});
const list = ask('listCases', {});
ask('historyState', {});
if (named) caseAsked(decodeURIComponent(named));
else {
  void list.then(
    (body) => {
      const first = body.ok ? (body.result as Array<{ id: string }>)[0]?.id : undefined;
      if (first) caseAsked(first);
    },
    () => undefined,
  );
}

// A module (for the type checker and the tests), though it exports nothing.
// oxlint-disable-next-line unicorn/require-module-specifiers -- isolatedModules needs a module, and it has no imports
export {};
