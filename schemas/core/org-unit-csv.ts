/** The org-unit seed and import files: `code,name,kind,parent,region`, read as real CSV. */
import { CsvSyntaxError, readCsv } from './csv.ts';
import { orgUnitSchema, type OrgUnit } from './org-unit.ts';

export class OrgUnitCsvError extends Error {
  readonly code = 'ORG_UNIT_CSV_INVALID';
}

const HEADER = ['code', 'name', 'kind', 'parent', 'region'];

/**
 * Parses an org-unit CSV; a line that does not fit the schema stops the load with its line number.
 * @example parseOrgUnitsCsv('code,name,kind,parent,region\nVN,Việt Nam,nation,,')
 */
export function parseOrgUnitsCsv(csv: string): OrgUnit[] {
  let rows;
  try {
    rows = readCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new OrgUnitCsvError(`line ${error.line}: not CSV`, { cause: error });
    throw error;
  }
  const header = rows.shift();
  if (header?.fields.join(',') !== HEADER.join(',')) throw new OrgUnitCsvError(`unexpected header: ${header?.fields.join(',')}`);
  const units = rows.map(({ line, fields }) => {
    const [code, name, kind, parent, region, ...rest] = fields;
    // Absent, not undefined: stored units compare equal to freshly parsed ones.
    const result = orgUnitSchema.safeParse({
      code,
      name,
      kind,
      ...(parent ? { parent } : {}),
      ...(region ? { region } : {}),
    });
    if (!result.success || rest.length > 0) throw new OrgUnitCsvError(`line ${line}: ${fields.join(',')}`, { cause: result.error });
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
