/**
 * What the user has typed into a generic form, and the errors to show beside
 * each field. Components change it through methods so that state passed down
 * the recursive renderer has a single owner.
 */
import type { JsonSchemaNode } from '#schemas/core/describe.ts';
import { formatInteger, parseIntegerInput } from '#schemas/core/format.ts';
import type { FieldErrors } from '#schemas/core/validate.ts';
import { collectData, collectObject, countAt, isShown, rowCount, withoutRow, type RawValue, type RawValues } from './schema.ts';

export class FormState {
  readonly schema: JsonSchemaNode;
  values: RawValues = $state({});
  errors: FieldErrors = $state({});
  /**
   * The user changed something since the values were last replaced (by a stored answer, a roll-up, a draft).
   * Not reactive: it changes only together with `values`, which readers track.
   */
  dirty = false;

  constructor(schema: JsonSchemaNode) {
    this.schema = schema;
  }

  set(path: string, value: RawValue): void {
    this.values[path] = value;
    this.dirty = true;
  }

  /** Shows a typed count the vi-VN way ("1234" → "1.234"); leaves anything unparsable as typed. */
  tidyCount(path: string): void {
    const raw = this.values[path];
    if (typeof raw !== 'string') return;
    const number = parseIntegerInput(raw);
    if (number !== undefined && Number.isSafeInteger(number)) this.values[path] = formatInteger(number);
  }

  replace(values: RawValues, dirty = false): void {
    this.values = values;
    this.errors = {};
    this.dirty = dirty;
  }

  isShown(node: JsonSchemaNode): boolean {
    return isShown(this.schema, node, this.values);
  }

  rows(node: JsonSchemaNode, path: string): number {
    return rowCount(node, path, this.values);
  }

  addRow(node: JsonSchemaNode, path: string): void {
    this.set(path, this.rows(node, path) + 1);
  }

  /** Deletes a row; the values and errors of the rows below move up with them. */
  removeRow(node: JsonSchemaNode, path: string, index: number): void {
    const count = this.rows(node, path);
    this.values = { ...withoutRow(this.values, path, index), [path]: count - 1 };
    this.errors = withoutRow(this.errors, path, index);
    this.dirty = true;
  }

  count(path: string): number {
    return countAt(this.values, path);
  }

  /** The current data of a section or row, for its computed values. */
  dataOf(node: JsonSchemaNode, path: string): Record<string, unknown> {
    return collectObject(this.schema, node, path, this.values);
  }

  data(): Record<string, unknown> {
    return collectData(this.schema, this.values);
  }
}
