/**
 * Managing users: the admin API and the `npm run users` command share this.
 * `'system'` is the command line on the server itself (creating the first admin).
 */
import { CsvSyntaxError, readCsv, type CsvRow } from '#schemas/core/csv.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import { ForbiddenError, UserNotFoundError, ValidationFailedError } from './errors.ts';
import type { AuthStore, Clock } from './ports.ts';
import type { OrgUnitDirectory } from './reporting.ts';
import { access, userInputSchema, type Actor, type User, type UserInput } from './users.ts';

export type AdminActor = Actor | 'system';

export interface UserAdminDeps {
  store: AuthStore;
  clock: Clock;
  orgUnits: () => Promise<OrgUnitDirectory>;
}

export function createUserAdmin(deps: UserAdminDeps) {
  const { store, clock } = deps;

  async function allowed(actor: AdminActor, unitCode: string): Promise<boolean> {
    if (actor === 'system') return true;
    return access.manageUsersOf(actor, unitCode, (await deps.orgUnits()).byCode);
  }

  /** Validates one user against the schema and the org units; field errors keyed by field name. */
  async function check(raw: unknown): Promise<{ ok: true; input: UserInput } | { ok: false; fields: Record<string, string[]> }> {
    const parsed = userInputSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, fields: toFieldErrors(parsed.error.issues) };
    if (!(await deps.orgUnits()).byCode.has(parsed.data.unit)) return { ok: false, fields: { unit: ['Không có đơn vị với mã này.'] } };
    return { ok: true, input: parsed.data };
  }

  return {
    /** Users of the actor's unit and below, by email. */
    async list(actor: AdminActor): Promise<User[]> {
      const users = await store.listUsers();
      const visible: User[] = [];
      for (const user of users) if (await allowed(actor, user.unit)) visible.push(user);
      return visible.sort((a, b) => a.email.localeCompare(b.email));
    },

    /** @throws ValidationFailedError, ForbiddenError, UserExistsError */
    async create(actor: AdminActor, raw: unknown): Promise<User> {
      const checked = await check(raw);
      if (!checked.ok) throw new ValidationFailedError(checked.fields);
      if (!(await allowed(actor, checked.input.unit))) throw new ForbiddenError(`cannot manage unit ${checked.input.unit}`);
      const now = clock.now().toISOString();
      const user: User = { ...checked.input, status: 'active', createdAt: now, updatedAt: now };
      await store.createUser(user);
      return user;
    },

    /**
     * A user outside the actor's reach is "not found": whether they exist is not the actor's business.
     * A disable deletes the user's sessions in the same write (see `AuthStore.changeUser`).
     */
    async setStatus(actor: AdminActor, email: string, status: User['status']): Promise<User> {
      const updated = await store.changeUser(email.trim().toLowerCase(), async (user) => {
        if (!user || !(await allowed(actor, user.unit))) return undefined;
        const next: User = { ...user, status, updatedAt: clock.now().toISOString() };
        // Checking the status alone would revive the sessions of before the disable on a re-enable.
        if (status === 'disabled') next.sessionGeneration = (user.sessionGeneration ?? 0) + 1;
        return next;
      });
      if (!updated) throw new UserNotFoundError(`no user ${email} for this admin`);
      return updated;
    },

    /**
     * Imports `email,name,unit,role` lines (a header line is optional). Every line is
     * checked first; one bad line refuses the whole file and nothing is written.
     * Existing users are updated and re-enabled.
     */
    async importCsv(actor: AdminActor, csv: string): Promise<{ created: number; updated: number }> {
      let lines: CsvRow[];
      try {
        lines = readCsv(csv);
      } catch (error) {
        if (!(error instanceof CsvSyntaxError)) throw error;
        throw new ValidationFailedError({ [`dòng ${error.line}`]: ['Tệp không đúng định dạng CSV (thiếu dấu ngoặc kép đóng?).'] });
      }
      if (lines[0]?.fields.join(',').toLowerCase() === 'email,name,unit,role') lines.shift();
      const fields: Record<string, string[]> = {};
      const inputs: Array<{ input: UserInput; existing: User | undefined }> = [];
      const seen = new Set<string>();
      for (const line of lines) {
        const [email, name, unit, role, ...rest] = line.fields;
        const key = `dòng ${line.line}`;
        if (rest.length > 0) {
          fields[key] = ['Mỗi dòng có đúng 4 cột: email,name,unit,role (tên có dấu phẩy thì đặt trong ngoặc kép).'];
          continue;
        }
        const checked = await check({ email, name, unit, role });
        if (!checked.ok) fields[key] = Object.entries(checked.fields).map(([f, m]) => `${f}: ${m.join(' ')}`);
        else if (!(await allowed(actor, checked.input.unit))) fields[key] = [`Bạn không quản lý đơn vị ${checked.input.unit}.`];
        else if (seen.has(checked.input.email)) fields[key] = ['Địa chỉ thư điện tử lặp lại trong tệp.'];
        else {
          seen.add(checked.input.email);
          const existing = await store.getUser(checked.input.email);
          // Same words as any refusal: whether the address exists elsewhere is not the admin's business.
          if (existing && !(await allowed(actor, existing.unit))) fields[key] = [`Bạn không quản lý đơn vị ${checked.input.unit}.`];
          else inputs.push({ input: checked.input, existing });
        }
      }
      if (lines.length === 0) fields[''] = ['Tệp không có dòng nào.'];
      if (Object.keys(fields).length > 0) throw new ValidationFailedError(fields);

      let created = 0;
      let updated = 0;
      const now = clock.now().toISOString();
      for (const { input } of inputs) {
        let existed = false;
        // Written with the user's sessions, so a new role, unit or name holds at once on every open session.
        await store.changeUser(input.email, (existing) => {
          existed = existing !== undefined;
          // The generation is kept: re-enabling by import must not revive sessions ended by a disable.
          const generation = existing?.sessionGeneration ? { sessionGeneration: existing.sessionGeneration } : {};
          return { ...input, status: 'active', ...generation, createdAt: existing?.createdAt ?? now, updatedAt: now };
        });
        if (existed) updated++;
        else created++;
      }
      return { created, updated };
    },
  };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;
