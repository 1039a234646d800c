/**
 * Bad request bodies, generated from a valid one: every case carries at least
 * one defect that must make the API refuse it (the "poison"), plus harmless
 * variations (the "noise": -0, decomposed text, escapes, a BOM, duplicate keys
 * whose last value is right) so refusals are not reached by one path only.
 * Shared by `test/integration/fuzz.test.ts` and `npm run fuzz`.
 */
import { isDeepStrictEqual } from 'node:util';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { listPeriods } from '#schemas/core/period.ts';
import type { Http } from '../../functions/api/http.ts';
import type { Runtime } from '../../functions/runtime.ts';
import { seededRandom } from '../../infra/local/demo-data.ts';

/** The status and error code each kind of defect must get. */
export const EXPECTED = {
  type: [400, 'VALIDATION_FAILED'],
  number: [400, 'VALIDATION_FAILED'],
  text: [400, 'VALIDATION_FAILED'],
  key: [400, 'VALIDATION_FAILED'],
  shape: [400, 'VALIDATION_FAILED'],
  deep: [400, 'VALIDATION_FAILED'],
  dup: [400, 'VALIDATION_FAILED'],
  json: [400, 'INVALID_JSON'],
  utf8: [400, 'INVALID_ENCODING'],
  ctype: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  size: [413, 'PAYLOAD_TOO_LARGE'],
} as const satisfies Record<string, readonly [number, string]>;
export type PoisonKind = keyof typeof EXPECTED;
const KINDS = Object.keys(EXPECTED) as PoisonKind[];

export interface Target {
  name: string;
  method: 'PUT' | 'POST';
  url: string;
  cookie: string;
  /** A body the route accepts. */
  valid: Record<string, unknown>;
  /** Unknown keys at the root are ignored by this route (it reads one property). */
  looseRoot?: boolean;
}

export interface FuzzCase {
  target: Target;
  kind: PoisonKind;
  /** What was done, for the failure report. */
  steps: string[];
  contentType: string | undefined;
  body: Uint8Array;
}


/** JSON text placed as is: numbers JSON.stringify cannot write, literals that are not JSON, deep nesting. */
class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
// A key `${DUP}n:name` is written as `name`: the way to put one key twice in an object.
const DUP = '\u0000dup';
let dups = 0;
const dupKey = (key: string) => `${DUP}${dups++}:${key}`;
const isDup = (key: string | number) => typeof key === 'string' && key.startsWith(DUP);

function serialize(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k.startsWith(DUP) ? k.slice(k.indexOf(':') + 1) : k)}:${serialize(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

type Path = Array<string | number>;
interface Node {
  path: Path;
  value: unknown;
}

function nodes(value: unknown, path: Path = [], out: Node[] = []): Node[] {
  out.push({ path, value });
  if (value instanceof Raw) return out;
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}

const isContainer = (v: unknown) => v !== null && typeof v === 'object' && !(v instanceof Raw);

/** Sets `path` in `root` (own property even for `__proto__`); the root itself is replaced by returning it. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root);
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const PROTOTYPE_KEYS = ['__proto__', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const ODD_KEYS = ['', ' ', 'a.b', '0', '\u0000', '\uD800', 'ễ', 'x'.repeat(300), 'need.doctors', '$where', 'data'];
// Not whitespace, so trimming cannot remove them: each one makes any string field invalid.
const BAD_CHARS = ['\u0000', '\u0001', '\u0008', '\u001B', '\u007F', '\u0085', '\u009F', '\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\uD800', '\uDBFF', '\uDC00', '\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2069'];
const BAD_NUMBERS = ['-1', '1.5', '0.1', '1e-7', '1e308', '1e999', '-1e999', '9007199254740993', '-2147483649', '123456789012345678901234567890'];
const INVALID_UTF8 = [[0x80], [0xbf], [0xc0, 0xaf], [0xc3], [0xe1, 0xba], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe, 0xff], [0xf0, 0x9f, 0x98]];
const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/jsonp', 'application/ld+json', 'application/json-patch+json', '', 'json', undefined];

export function* badBodies(target: Target, random: () => number, count: number): Generator<FuzzCase> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const text = new TextEncoder();

  for (let n = 0; n < count; n++) {
    const kind = KINDS[n % KINDS.length]!;
    const steps: string[] = [];
    let body: unknown = structuredClone(target.valid);

    // Noise: variations the API must accept, so they never hide the poison below.
    for (let i = int(0, 2); i > 0; i--) {
      const leaves = nodes(body).filter((x) => !isContainer(x.value) && !(x.value instanceof Raw));
      const leaf = leaves.length > 0 ? pick(leaves) : undefined;
      const what = int(0, 4);
      if (what === 0 && typeof leaf?.value === 'number') {
        body = setAt(body, leaf.path, new Raw(pick(['-0', `${leaf.value}.0`, `${leaf.value}e0`])));
        steps.push(`noise: ${leaf.path.join('.')} as another number spelling`);
      } else if (what === 1 && typeof leaf?.value === 'string') {
        body = setAt(body, leaf.path, new Raw(JSON.stringify(leaf.value.normalize('NFD')).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
        steps.push(`noise: ${leaf.path.join('.')} decomposed and \\u-escaped`);
      } else if (what === 2) {
        const objects = nodes(body).filter((x) => isContainer(x.value) && !Array.isArray(x.value) && Object.keys(x.value as object).some((k) => !isDup(k)));
        if (objects.length > 0) {
          const object = pick(objects);
          const entries = Object.entries(object.value as object);
          const [key] = pick(entries.filter(([k]) => !isDup(k)));
          // The first of two equal keys loses: JSON.parse keeps the last.
          body = setAt(body, object.path, Object.fromEntries([[dupKey(key!), pick([null, 'x', 1, [], {}])], ...entries]));
          steps.push(`noise: ${[...object.path, key].join('.')} written twice, the right value last`);
        }
      }
    }

    // A poison under the losing copy of a duplicated key would not count.
    const all = nodes(body).filter((x) => !x.path.some(isDup));
    const leaves = all.filter((x) => !isContainer(x.value));
    const containers = all.filter((x) => isContainer(x.value));
    const strings = leaves.filter((x) => typeof x.value === 'string');
    const objects = containers.filter((x) => !Array.isArray(x.value) && !(target.looseRoot && x.path.length === 0));
    const leaf = pick(leaves);
    const at = (p: Path) => p.join('.') || '(root)';
    let contentType: string | undefined = 'application/json';
    let prefix = '';
    let suffix = '';
    let bytes: Uint8Array | undefined;

    const jsonType = (v: unknown): string => {
      if (v instanceof Raw) return jsonType(JSON.parse(v.text));
      return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
    };
    const wrongTypeFor = (value: unknown): unknown => {
      const options: unknown[] = [null, true, false, 0, 1, 'năm trăm', '', [], [1], { a: 1 }, new Raw('[[[]]]')];
      return pick(options.filter((v) => jsonType(v) !== jsonType(value)));
    };

    // Where a kind has nothing to act on, a wrong type stands in (same expected answer).
    const applicable = (kind !== 'text' || strings.length > 0) && (kind !== 'key' || objects.length > 0);
    switch (applicable ? kind : 'type') {
      case 'type': {
        const replacement = wrongTypeFor(leaf.value);
        body = setAt(body, leaf.path, replacement);
        steps.push(`${at(leaf.path)} = ${serialize(replacement)}`);
        break;
      }
      case 'number': {
        const numbers = leaves.filter((x) => typeof x.value === 'number' || (x.value instanceof Raw && /^-?\d/.test(x.value.text)));
        const target = numbers.length > 0 ? pick(numbers) : leaf;
        const bad = numbers.length > 0 ? new Raw(pick(BAD_NUMBERS)) : wrongTypeFor(target.value);
        body = setAt(body, target.path, bad);
        steps.push(`${at(target.path)} = ${serialize(bad)}`);
        break;
      }
      case 'text': {
        const target = pick(strings);
        const value = target.value as string;
        let bad: string;
        if (random() < 0.2) {
          // Long, yet under the body limit: this is about length, not size.
          const unit = pick(['x', 'ễ', 'Nguyễn ', '\u0301']);
          bad = unit.repeat(int(Math.ceil(5_000 / unit.length), Math.floor(180_000 / text.encode(unit).length)));
          steps.push(`${at(target.path)} = a string of ${bad.length} characters`);
        } else {
          const char = pick(BAD_CHARS);
          const i = value.length < 2 ? 0 : int(1, value.length - 1);
          bad = value.slice(0, i) + char + value.slice(i);
          steps.push(`${at(target.path)}: U+${char.codePointAt(0)!.toString(16).toUpperCase()} inserted at ${i}`);
        }
        body = setAt(body, target.path, bad);
        break;
      }
      case 'key': {
        // Nodes are in document order: squaring leans towards the envelope and `data`, where keys are read first.
        const object = objects[Math.floor(random() ** 2 * objects.length)]!;
        const key = random() < 0.6 ? pick(PROTOTYPE_KEYS) : pick(ODD_KEYS);
        const value = pick<unknown>([1, 'x', null, { polluted: true }, [], true]);
        body = setAt(body, [...object.path, key], value);
        steps.push(`unknown key ${JSON.stringify(key)} in ${at(object.path)}`);
        break;
      }
      case 'shape': {
        const node = pick(target.looseRoot ? all : containers);
        const replacement = Array.isArray(node.value)
          ? pick<unknown>([{ 0: node.value[0] }, null, 'x', 1, true, { rows: node.value }])
          : isContainer(node.value)
            ? pick<unknown>([[node.value], [], null, 'x', 0, false])
            : pick<unknown>([[node.value], { value: node.value }]);
        body = setAt(body, node.path, replacement);
        steps.push(`${at(node.path)} reshaped to ${serialize(replacement).slice(0, 60)}`);
        break;
      }
      case 'deep': {
        const node = pick(all);
        const arrays = !Array.isArray(node.value) && (isContainer(node.value) || random() < 0.5);
        // Deep, yet under the body limit: this is about nesting, not size.
        const depth = int(100, arrays ? 20_000 : 10_000);
        const nest = arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        body = setAt(body, node.path, new Raw(nest));
        steps.push(`${at(node.path)} = ${arrays ? 'arrays' : 'objects'} nested ${depth} deep`);
        break;
      }
      case 'dup': {
        const object = pick(containers.filter((x) => !Array.isArray(x.value) && Object.keys(x.value as object).some((k) => !isDup(k))));
        const [key, value] = pick(Object.entries(object.value as object).filter(([k]) => !isDup(k)));
        const wrong = wrongTypeFor(value);
        body = setAt(body, [...object.path, dupKey(key!)], wrong);
        steps.push(`${at([...object.path, key])} written twice, ${serialize(wrong)} last`);
        break;
      }
      case 'json': {
        const how = int(0, 6);
        if (how === 0) steps.push('cut short');
        else if (how === 1) {
          body = setAt(body, leaf.path, new Raw(pick(['NaN', 'Infinity', '-Infinity', 'undefined', "'x'", '0x10', '01', '+1', '.5', 'True', '"\\x41"', '"tab\there"'])));
          steps.push(`${at(leaf.path)} = a literal JSON does not have`);
        } else if (how === 2) {
          suffix = pick([',', ']', '}', ' x', ' {}', '\u0000', '// c']);
          steps.push(`trailing ${JSON.stringify(suffix)}`);
        } else if (how === 3) {
          prefix = pick(['\ufeff\ufeff', ')]}\'', 'for(;;);', '\u0000', 'x']);
          steps.push(`starts with ${JSON.stringify(prefix)}`);
        } else if (how === 4) {
          body = new Raw(pick(['', ' ', 'null x', '{', '[', '"', '{"data":}', "{'data':1}", '{data:1}', '{"a":1,}', '[1,]']));
          steps.push('not JSON at all');
        } else if (how === 5) {
          body = new Raw(serialize(body).replace(/^\{/, '{,'));
          steps.push('a comma before the first key');
        } else {
          body = new Raw(serialize(body).replace(/"([^"]*)":/, '$1:'));
          steps.push('an unquoted key');
        }
        if (how === 0) {
          const full = serialize(body);
          body = new Raw(full.slice(0, int(0, full.length - 1)));
        }
        break;
      }
      case 'utf8': {
        const json = text.encode(serialize(body));
        const insert = pick(INVALID_UTF8);
        const i = int(0, json.length);
        bytes = new Uint8Array(json.length + insert.length);
        bytes.set(json.subarray(0, i));
        bytes.set(insert, i);
        bytes.set(json.subarray(i), i + insert.length);
        steps.push(`bytes ${insert.map((b) => b.toString(16)).join(' ')} at byte ${i}`);
        break;
      }
      case 'ctype':
        contentType = pick(WRONG_TYPES);
        steps.push(`Content-Type: ${contentType ?? '(none)'}`);
        break;
      case 'size': {
        const extra = int(256 * 1024 + 1, 320 * 1024);
        // Built as bytes: strings of this size are slow to make thousands of times.
        let head = serialize(body);
        let tail = '';
        let fill = 0x20;
        if (random() < 0.5 || strings.length === 0) steps.push(`${extra} spaces after the JSON`);
        else {
          const target = pick(strings);
          const parts = serialize(setAt(body, target.path, new Raw('"\u0000PAD"'))).split('\u0000PAD');
          [head, tail] = [parts[0]!, parts[1]!];
          fill = 0x78;
          steps.push(`${at(target.path)} = ${extra} characters`);
        }
        const [h, t] = [text.encode(head), text.encode(tail)];
        bytes = new Uint8Array(h.length + extra + t.length).fill(fill, h.length, h.length + extra);
        bytes.set(h);
        bytes.set(t, h.length + extra);
        break;
      }
    }
    bytes ??= text.encode(prefix + serialize(body) + suffix);
    yield { target, kind, steps, contentType, body: bytes };
  }
}

export interface Outcome {
  status: number;
  code: string | undefined;
}

/** Sends one case; anything but a JSON error body with a code is reported as `code: undefined`. */
export async function send(app: Http['app'], c: FuzzCase): Promise<Outcome> {
  const headers: Record<string, string> = { cookie: c.target.cookie };
  if (c.contentType !== undefined) headers['content-type'] = c.contentType;
  const res = await app.request(c.target.url, { method: c.target.method, headers, body: c.body });
  const raw = await res.text();
  let code: string | undefined;
  try {
    const parsed = JSON.parse(raw) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string' && /^[A-Z_]+$/.test(parsed.error.code) && typeof parsed.error.message === 'string') code = parsed.error.code;
  } catch {
    // Not JSON: left undefined, reported as a failure.
  }
  return { status: res.status, code };
}

export interface FuzzReport {
  seed: number;
  sent: number;
  elapsedMs: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  /** Time spent waiting for answers, per kind, in ms (summed over concurrent requests). */
  msByKind: Record<string, number>;
  failures: Array<{ target: string; kind: PoisonKind; steps: string[]; expected: string; got: string; bodyStart: string }>;
}

/**
 * Sends `perTarget` bad bodies to each target, `concurrency` at a time.
 * @example const report = await runFuzz(runtime.app, targets, { seed: 42, perTarget: 500 });
 */
export async function runFuzz(
  app: Http['app'],
  targets: Target[],
  options: { seed: number; perTarget: number; concurrency?: number },
): Promise<FuzzReport> {
  const report: FuzzReport = { seed: options.seed, sent: 0, elapsedMs: 0, byStatus: {}, byKind: {}, msByKind: {}, failures: [] };
  const started = performance.now();
  for (const [t, target] of targets.entries()) {
    const cases = badBodies(target, seededRandom(options.seed + t), options.perTarget);
    const worker = async () => {
      for (let next = cases.next(); !next.done; next = cases.next()) {
        const c = next.value;
        const sentAt = performance.now();
        const { status, code } = await send(app, c);
        report.msByKind[c.kind] = (report.msByKind[c.kind] ?? 0) + performance.now() - sentAt;
        const [wantStatus, wantCode] = EXPECTED[c.kind];
        report.sent++;
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        report.byKind[c.kind] = (report.byKind[c.kind] ?? 0) + 1;
        if (status !== wantStatus || code !== wantCode) {
          report.failures.push({
            target: target.name,
            kind: c.kind,
            steps: c.steps,
            expected: `${wantStatus} ${wantCode}`,
            got: `${status} ${code ?? '(no error code)'}`,
            bodyStart: new TextDecoder().decode(c.body.subarray(0, 300)),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/**
 * A writable target per form (its first reporter unit and period) and the
 * admin routes, each with a body it accepts, on a runtime with seeded units.
 */
export async function fuzzTargets(runtime: Runtime, signIn: (user: { role: 'reporter' | 'admin'; unit: string }) => Promise<string>): Promise<Target[]> {
  const targets: Target[] = [];
  const seedRandom = seededRandom(1);
  for (const form of runtime.service.forms()) {
    const [unit] = await runtime.service.reporters(form.id);
    const [period] = listPeriods(form.period);
    const data = runtime.service.outputs(form.id).demo({ unit: unit!, random: seedRandom, period: period! }) as Record<string, unknown>;
    targets.push({
      name: form.id,
      method: 'PUT',
      url: `/api/forms/${form.id}/periods/${period}/submissions/${unit!.code}`,
      cookie: await signIn({ role: 'reporter', unit: unit!.code }),
      valid: { data, submittedBy: 'Nguyễn Văn Fuzz' },
    });
  }
  const admin = await signIn({ role: 'admin', unit: '79' });
  targets.push({
    name: 'create user',
    method: 'POST',
    url: '/api/admin/users',
    cookie: admin,
    valid: { email: 'moi@fuzz.test', name: 'Người Mới', unit: '79', role: 'reporter' },
  });
  targets.push({
    name: 'import users',
    method: 'POST',
    url: '/api/admin/users/import',
    cookie: admin,
    valid: { csv: 'email,name,unit,role\nmot@fuzz.test,Người Một,79,reporter\nhai@fuzz.test,Người Hai,79,official' },
    looseRoot: true,
  });
  return targets;
}

/** Every item of the table, in a stable order: to show that refused requests wrote nothing. */
export async function scanTable(db: DynamoDBDocumentClient, tableName: string): Promise<unknown[]> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Array<Record<string, unknown>>));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.map((i) => JSON.stringify(i)).sort();
}

export const sameItems = (a: unknown[], b: unknown[]) => isDeepStrictEqual(a, b);
