/**
 * The form page's only script. The page is prerendered without SvelteKit's
 * client router (`csr = false`): that runtime alone is ~20 KB gzipped, half the
 * budget of a page meant for slow provincial links. This island mounts the
 * report form over the prerendered markup with the descriptor embedded in it.
 */
import { mount } from 'svelte';
import type { FormDescriptor } from '#schemas/core/describe.ts';
import ReportForm from '#lib/form/ReportForm.svelte';

const target = document.getElementById('report-form');
const data = document.getElementById('form-descriptor');
if (target && data?.textContent) {
  const descriptor = JSON.parse(data.textContent) as FormDescriptor;
  target.replaceChildren();
  mount(ReportForm, { target, props: { descriptor } });
}
