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
