/** The seed data the platform ships, kept beside this file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrgUnitsCsv } from '../core/org-unit-csv.ts';
import type { OrgUnit } from '../core/org-unit.ts';

const DATA_DIR = fileURLToPath(new URL('./', import.meta.url));
const SEED_ORG_UNIT_FILES = ['org-units-vn-2021.csv', 'org-units-departments.csv'];

/** The org units the platform ships: official 2021 units plus the departments the seed directives address. */
export function readSeedOrgUnits(): OrgUnit[] {
  const [first, ...rest] = SEED_ORG_UNIT_FILES.map((f) => readFileSync(join(DATA_DIR, f), 'utf8').trim());
  // One parse over all files, so a department's parent is checked against the provinces.
  return parseOrgUnitsCsv([first, ...rest.map((csv) => csv.split('\n').slice(1).join('\n'))].join('\n'));
}
