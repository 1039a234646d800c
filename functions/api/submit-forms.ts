/**
 * The forms as the API function loads them: each form file's form, without its
 * outputs. Re-exported statically, each under its id, so the bundler leaves every
 * form's summary and demo code (and the summary kit) out of the function on the
 * submit path, which neither builds summaries nor makes demo data; the registry's
 * lazy loaders would bring each whole file. The same forms as `schemas/registry.ts`
 * (checked by submit-forms.test.ts; `npm run new-form` writes the line in both).
 */
export { default as '971-nhan-luc-y-te' } from '#schemas/forms/971-nhan-luc-y-te.ts';
export { default as '3294-tien-do-tiem-hang-ngay' } from '#schemas/forms/3294-tien-do-tiem-hang-ngay.ts';
export { default as '347-ket-qua-thuc-hien' } from '#schemas/forms/347-ket-qua-thuc-hien.ts';
export { default as '347-y-kien-doanh-nghiep-nguoi-dan' } from '#schemas/forms/347-y-kien-doanh-nghiep-nguoi-dan.ts';
export { default as '4380-san-sang-tiem-chung' } from '#schemas/forms/4380-san-sang-tiem-chung.ts';
export { default as 'laichau-4380-san-sang-tiem-chung' } from '#schemas/forms/laichau-4380-san-sang-tiem-chung.ts';
