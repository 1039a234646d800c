/**
 * The one place that turns a form's Zod schema into what the web renders:
 * JSON Schema (from `z.toJSONSchema`) carrying each field's metadata.
 */
import * as z from './zod.ts';
import { fieldMeta, type GridAxis } from './fields.ts';
import type { ComputedField } from './computed.ts';
import type { Condition, Rule } from './rules.ts';
import type { AnyForm, Directive, Recipient, ReporterSpec } from './form.ts';
import type { Text } from './i18n.ts';
import type { PeriodSpec } from './period.ts';

/** A JSON Schema node as the renderer reads it. */
export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  // metadata from fieldMeta
  label?: Text;
  help?: Text;
  unit?: Text;
  widget?: string;
  options?: Array<{ value: string | number | boolean; label: Text }>;
  showWhen?: Condition;
  /** A conditional field that may be left empty even when shown. */
  optional?: boolean;
  /** The root: rules across fields, checked by `core/rules.ts`. */
  rules?: Rule[];
  computed?: ComputedField[];
  totals?: string[];
  rowLabel?: Text;
  rows?: GridAxis[];
  columns?: GridAxis[];
  minItems?: number;
  maxItems?: number;
  [key: string]: unknown;
}

export interface FormDescriptor {
  id: string;
  version: number;
  title: Text;
  directive: Directive;
  reporters: ReporterSpec;
  period: PeriodSpec;
  recipients: Recipient[];
  /** Forms that relay this one to lower units: their issuer can roll their answers up into its own. */
  relays: Array<{ formId: string; issuer: string }>;
  /** The form's answers can be rolled up from sub-units' answers (when a unit relays a round of it): absent otherwise. */
  rollup?: true;
  jsonSchema: JsonSchemaNode;
}

/**
 * Describes a form for clients: metadata plus JSON Schema of its input.
 * @example describeForm(form).jsonSchema.properties.need.label.vi // 'Nhu cầu hỗ trợ ...'
 */
export function describeForm(form: AnyForm, allForms: AnyForm[] = []): FormDescriptor {
  const jsonSchema = jsonSchemaOf(form.schema);
  return {
    id: form.id,
    version: form.version,
    title: form.title,
    directive: form.directive,
    reporters: form.reporters,
    period: form.period,
    recipients: form.summary.recipients,
    relays: allForms.filter((f) => f.relayOf === form.id).map((f) => ({ formId: f.id, issuer: f.directive.issuer })),
    ...(form.rollup ? { rollup: true as const } : {}),
    jsonSchema,
  };
}

const described = new WeakMap<z.core.$ZodType, JsonSchemaNode>();

/**
 * A schema's JSON Schema with every field's metadata, conditions and rules; built
 * once per schema, since the server checks each submission's rules on it.
 * Callers must not change it.
 */
export function jsonSchemaOf(schema: z.core.$ZodType): JsonSchemaNode {
  let json = described.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { metadata: fieldMeta, io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
    described.set(schema, json);
  }
  return json;
}
