/**
 * The last minutes before a deadline: one unit's submit double- and
 * fifty-clicked, or sent from several desks at once. Every answer is one the
 * client can act on (no 5xx), and nothing a 2xx accepted is lost.
 *
 * What the core does: write revision n+1 in a transaction conditional on n
 * (the revision the page showed, or, without one, the revision it reads first)
 * still being current and the data being new; on a conflict, look at what is
 * stored (returned by the refused condition, or read) once: identical data then
 * answers `unchanged`, different data is written once more on top of it, and
 * a second conflict answers 409 REVISION_CONFLICT, which the client resolves
 * by sending again. Both ways are run: with the base a page sends and without.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { answer971 as dataWith, freshRuntime, signIn } from '../support/local-runtime.ts';

const FORM = '971-nhan-luc-y-te';
const KEY = { formId: FORM, period: '2021-07-20', orgUnit: '79' };
const PATH = `/api/forms/${FORM}/periods/${KEY.period}/submissions/${KEY.orgUnit}`;

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let cookie: string;

beforeEach(async () => {
  runtime = await freshRuntime();
  cookie = await signIn(runtime, { role: 'reporter', unit: '79' });
});

let base: { revision: number } | undefined;

async function put(data: unknown) {
  const response = await runtime.app.request(PATH, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ data, submittedBy: 'Sở Y tế', ...(base ? { base } : {}) }),
  });
  const body = (await response.json()) as { status?: string; submission?: { revision: number; data: unknown }; error?: { code: string } };
  return { http: response.status, status: body.status ?? body.error?.code, revision: body.submission?.revision, data: body.submission?.data };
}

describe.each([
  ['read first (no base)', undefined],
  ['write first (the base the page showed: none)', { revision: 0 }],
])('50 concurrent PUTs of one unit’s submission, %s', (_, sent) => {
  beforeEach(() => {
    base = sent;
  });

  test('identical: exactly one created; the rest unchanged, or a clean 409 that a retry turns into unchanged', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => put(dataWith(500))));
    expect(answers.filter((a) => a.http >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status === 'created')).toHaveLength(1);
    for (const a of answers) expect(['created', 'unchanged', 'REVISION_CONFLICT']).toContain(a.status);
    for (const a of answers.filter((x) => x.status === 'REVISION_CONFLICT')) {
      expect(a.http).toBe(409);
      expect((await put(dataWith(500))).status).toBe('unchanged');
    }
    const revisions = await runtime.submissions.listRevisions(KEY);
    expect(revisions.map((r) => r.revision)).toEqual([1]);
  });

  test('different: every accepted revision is in the history, numbered without gaps; the others a clean 409', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => put(dataWith(1000 + i))));
    expect(answers.filter((a) => a.http >= 500)).toEqual([]);
    const accepted = answers.filter((a) => a.http === 200 || a.http === 201);
    for (const a of answers.filter((x) => !accepted.includes(x))) expect(a).toMatchObject({ http: 409, status: 'REVISION_CONFLICT' });
    expect(accepted.length).toBeGreaterThanOrEqual(1);

    const revisions = await runtime.submissions.listRevisions(KEY);
    expect(revisions.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: revisions.length }, (_, i) => i + 1));
    // Each accepted answer is in the history with the revision number it was told, and nothing else is.
    const history = new Map(revisions.map((r) => [r.revision, r.data]));
    expect(new Set(accepted.map((a) => a.revision)).size).toBe(accepted.length);
    for (const a of accepted) expect(history.get(a.revision!)).toEqual(a.data);
    expect(revisions).toHaveLength(accepted.length);
    const current = await runtime.submissions.getCurrent(KEY);
    expect(current?.revision).toBe(revisions.length);
  });
});
