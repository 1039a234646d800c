/**
 * The list of forms. Adding a directive form means adding its file under
 * `forms/` and one line here; nothing else in the code names a form.
 *
 * Loaders are lazy so that a form page in the browser downloads only its own
 * schema; the server loads them all once with `loadForms`.
 */
import type { AnyForm } from './core/form.ts';

/**
 * Each entry is `'<id>': () => import('./forms/<id>.ts')`, and the file's default
 * export is the form with that id (checked by `registry.test.ts`). Only the
 * server and the build load forms: the browser gets the form as data.
 */
export type FormLoaders = Record<string, () => Promise<{ default: AnyForm }>>;

export const formLoaders: FormLoaders = {
  '971-nhan-luc-y-te': () => import('./forms/971-nhan-luc-y-te.ts'),
  '3294-tien-do-tiem-hang-ngay': () => import('./forms/3294-tien-do-tiem-hang-ngay.ts'),
  '347-ket-qua-thuc-hien': () => import('./forms/347-ket-qua-thuc-hien.ts'),
  '347-y-kien-doanh-nghiep-nguoi-dan': () => import('./forms/347-y-kien-doanh-nghiep-nguoi-dan.ts'),
  '4380-san-sang-tiem-chung': () => import('./forms/4380-san-sang-tiem-chung.ts'),
  'laichau-4380-san-sang-tiem-chung': () => import('./forms/laichau-4380-san-sang-tiem-chung.ts'),
};

export interface FormRegistry {
  list(): AnyForm[];
  get(id: string): AnyForm | undefined;
}

/**
 * Loads every form and checks each sits under its own id.
 * @example const registry = await loadForms(); registry.get('971-nhan-luc-y-te')
 */
export async function loadForms(loaders: FormLoaders = formLoaders): Promise<FormRegistry> {
  const forms = new Map<string, AnyForm>();
  for (const [id, load] of Object.entries(loaders)) {
    const module = await load();
    const form = module.default;
    if (form.id !== id) throw new Error(`registry key ${id} does not match form id ${form.id}`);
    forms.set(id, form);
  }
  return { list: () => [...forms.values()], get: (id) => forms.get(id) };
}
