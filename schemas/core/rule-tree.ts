/**
 * What the rule engine (`rules.ts`) reads of a form's schema, walked straight
 * from the Zod schema: the shape (objects, tables) and each field's metadata
 * from `fieldMeta`. The same nodes as the form's JSON Schema where the engine
 * looks (checked for every form by `rule-tree.test.ts`), without `z.toJSONSchema`:
 * the generator is a fifth of the API's bundle and only form pages (built
 * ahead) and outputs need the whole JSON Schema.
 */
import type * as z from './zod.ts';
import { fieldMeta } from './fields.ts';
import type { JsonSchemaNode } from './describe.ts';

/** Wrappers whose answer is their inner schema's, as a form's input. */
const INNER: Record<string, (def: Record<string, unknown>) => unknown> = {
  optional: (def) => def['innerType'],
  nullable: (def) => def['innerType'],
  nonoptional: (def) => def['innerType'],
  default: (def) => def['innerType'],
  prefault: (def) => def['innerType'],
  readonly: (def) => def['innerType'],
  catch: (def) => def['innerType'],
  pipe: (def) => def['in'],
};

function walk(schema: z.core.$ZodType): JsonSchemaNode {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const meta = fieldMeta.get(schema) as JsonSchemaNode | undefined;
  const inner = INNER[def.type]?.(def) as z.core.$ZodType | undefined;
  let node: JsonSchemaNode;
  if (inner) node = { ...walk(inner) };
  else if (def.type === 'object') {
    const shape = def['shape'] as Record<string, z.core.$ZodType>;
    node = { type: 'object', properties: Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, walk(child)])) };
  } else if (def.type === 'array') node = { type: 'array', items: walk(def['element'] as z.core.$ZodType) };
  else node = { type: def.type };
  // A wrapper's own metadata (a condition on an optional section) is laid over its inner field's, as in the JSON Schema.
  return meta ? Object.assign(node, meta) : node;
}

const trees = new WeakMap<z.core.$ZodType, JsonSchemaNode>();

/**
 * The schema's tree for `checkRules`, built once per schema. Callers must not change it.
 * @example checkRules(ruleTreeOf(form.schema), data)
 */
export function ruleTreeOf(schema: z.core.$ZodType): JsonSchemaNode {
  let tree = trees.get(schema);
  if (!tree) trees.set(schema, (tree = walk(schema)));
  return tree;
}
