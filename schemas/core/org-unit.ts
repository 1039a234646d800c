/** Org units: the tree of government levels that issue and answer directives. */
import * as z from './zod.ts';

export const orgUnitKinds = ['nation', 'province', 'district', 'department', 'facility'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitSchema = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z0-9-]{1,20}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(orgUnitKinds),
  parent: z.optional(z.string().check(z.minLength(1))),
  region: z.optional(z.string().check(z.minLength(1))),
});

export type OrgUnit = z.infer<typeof orgUnitSchema>;

export class OrgUnitCsvError extends Error {
  readonly code = 'ORG_UNIT_CSV_INVALID';
}

/**
 * Parses the seed CSV (`code,name,kind,parent,region`). The file has no quoted
 * fields; a line that does not fit the schema stops the load with its line number.
 * @example parseOrgUnitsCsv('code,name,kind,parent,region\nVN,Việt Nam,nation,,')
 */
export function parseOrgUnitsCsv(csv: string): OrgUnit[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (header?.trim() !== 'code,name,kind,parent,region') {
    throw new OrgUnitCsvError(`unexpected header: ${header}`);
  }
  const units = lines.map((line, index) => {
    const [code, name, kind, parent, region] = line.split(',');
    // Absent, not undefined: stored units compare equal to freshly parsed ones.
    const result = orgUnitSchema.safeParse({
      code,
      name,
      kind,
      ...(parent ? { parent } : {}),
      ...(region ? { region } : {}),
    });
    if (!result.success) throw new OrgUnitCsvError(`line ${index + 2}: ${line}`, { cause: result.error });
    return result.data;
  });
  const codes = new Set(units.map((u) => u.code));
  for (const unit of units) {
    if (unit.parent && !codes.has(unit.parent)) {
      throw new OrgUnitCsvError(`unit ${unit.code} has unknown parent ${unit.parent}`);
    }
  }
  return units;
}

/** Whether `unit` lies strictly below `ancestor` in the tree. */
export function isDescendant(units: ReadonlyMap<string, OrgUnit>, unit: OrgUnit, ancestor: string): boolean {
  let parent = unit.parent;
  for (let depth = 0; parent && depth < 20; depth++) {
    if (parent === ancestor) return true;
    parent = units.get(parent)?.parent;
  }
  return false;
}

/**
 * Whether a unit must answer a form: of one of the form's reporter kinds and
 * below its issuer. The one rule the access policy and the service share.
 * @example isReporter(form, units.get('01')!, units) // true for a province-level form issued by VN
 */
export function isReporter(
  form: { reporters: { under: string; kinds: readonly OrgUnitKind[] } },
  unit: OrgUnit | undefined,
  units: ReadonlyMap<string, OrgUnit>,
): boolean {
  return unit !== undefined && form.reporters.kinds.includes(unit.kind) && isDescendant(units, unit, form.reporters.under);
}
