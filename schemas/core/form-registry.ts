/**
 * A set of loaded forms by id, from loaders (`schemas/registry.ts` lists the
 * platform's; tests and the API function pass their own).
 */
import type { AnyForm, AnyOutputs } from './form.ts';

/**
 * Each entry is `'<id>': () => import('./forms/<id>.ts')`: the file's default
 * export is the form with that id, its `outputs` export the form's summary and
 * demo data. A loader without `outputs` gives a form whose answers are taken but
 * not summarised (the API function's, functions/api/submit-forms.ts).
 */
export type FormLoaders = Record<string, () => Promise<{ default: AnyForm; outputs?: AnyOutputs }>>;

export interface FormRegistry {
  list(): AnyForm[];
  get(id: string): AnyForm | undefined;
  /** The form's summary and demo data; undefined where they were not loaded. */
  outputs(id: string): AnyOutputs | undefined;
}

/**
 * Loads every form and checks each sits under its own id.
 * @example const registry = await registryOf({ '971-nhan-luc-y-te': () => import('../forms/971-nhan-luc-y-te.ts') })
 */
export async function registryOf(loaders: FormLoaders): Promise<FormRegistry> {
  const forms = new Map<string, AnyForm>();
  const outputs = new Map<string, AnyOutputs>();
  for (const [id, load] of Object.entries(loaders)) {
    const module = await load();
    const form = module.default;
    if (form.id !== id) throw new Error(`registry key ${id} does not match form id ${form.id}`);
    forms.set(id, form);
    if (module.outputs) outputs.set(id, module.outputs);
  }
  return { list: () => [...forms.values()], get: (id) => forms.get(id), outputs: (id) => outputs.get(id) };
}
