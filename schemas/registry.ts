/**
 * The list of forms. Adding a directive form means adding its file under
 * `forms/` and one line here (the scaffolder, `npm run new-form`, writes both);
 * the function on the submit path lists the same forms in its own way
 * (functions/api/forms.ts, checked against this list).
 *
 * Loaders are lazy so that a form page in the browser downloads only its own
 * schema; the server loads them all once with `loadForms`.
 */
import { registryOf, type FormLoaders, type FormRegistry } from './core/form-registry.ts';

export type { FormLoaders, FormRegistry } from './core/form-registry.ts';

/**
 * Each entry is `'<id>': () => import('./forms/<id>.ts')`, and the file's default
 * export is the form with that id, its `outputs` export the form's summary and
 * demo data (checked by `registry.test.ts`). Only the server and the build load
 * forms: the browser gets the form as data.
 */
export const formLoaders: FormLoaders = {
  '971-nhan-luc-y-te': () => import('./forms/971-nhan-luc-y-te.ts'),
  '3294-tien-do-tiem-hang-ngay': () => import('./forms/3294-tien-do-tiem-hang-ngay.ts'),
  '347-ket-qua-thuc-hien': () => import('./forms/347-ket-qua-thuc-hien.ts'),
  '347-y-kien-doanh-nghiep-nguoi-dan': () => import('./forms/347-y-kien-doanh-nghiep-nguoi-dan.ts'),
  '4380-san-sang-tiem-chung': () => import('./forms/4380-san-sang-tiem-chung.ts'),
  'laichau-4380-san-sang-tiem-chung': () => import('./forms/laichau-4380-san-sang-tiem-chung.ts'),
};

/**
 * Loads every form with its outputs and checks each sits under its own id.
 * @example const registry = await loadForms(); registry.get('971-nhan-luc-y-te')
 */
export function loadForms(loaders: FormLoaders = formLoaders): Promise<FormRegistry> {
  return registryOf(loaders);
}
