/**
 * The form page's only script. The page is prerendered without SvelteKit's
 * client router (`csr = false`): that runtime alone is ~20 KB gzipped, half the
 * budget of a page meant for slow provincial links. This island mounts the
 * report form over the prerendered markup with the descriptor embedded in it;
 * on the generic page `/bao-cao/` (served for forms added after the web was
 * built) it asks the API for the descriptor of the form named in the address.
 */
import { mount } from 'svelte';
import type { FormDescriptor } from '#schemas/core/describe.ts';
import { getForm, getMe } from '#lib/api.ts';
import { loginHref } from '#lib/login.ts';
import { roundLink, signOut } from '#lib/form/lazy.ts';
import ReportForm from '#lib/form/ReportForm.svelte';

const embedded = document.getElementById('form-descriptor')?.textContent;

async function descriptor(): Promise<FormDescriptor | string> {
  if (embedded) return JSON.parse(embedded) as FormDescriptor;
  const formId = /^\/bao-cao\/([a-z0-9-]+)\/?$/.exec(location.pathname)?.[1];
  const result = formId ? await getForm(formId) : undefined;
  if (result?.ok) return result.value;
  return !result || result.error.status === 404 ? 'Không tìm thấy biểu mẫu.' : `Không tải được biểu mẫu. ${result.error.message}`;
}

/** The header's signed-in line or login link (markup in routes/+layout.svelte, filled by id). */
function showSession() {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  void me.then((answer) => {
    const user = byId('session-user');
    const login = byId<HTMLAnchorElement>('session-sign-in');
    if (answer.ok && user) {
      byId('session-name')!.textContent = answer.value.name;
      byId('session-unit')!.textContent = answer.value.unit.name;
      byId('session-sign-out')!.onclick = () => void signOut();
      user.hidden = false;
    } else if (!answer.ok && answer.error.status === 401 && login) {
      login.href = loginHref(location.pathname);
      login.hidden = false;
    }
  });
}

// Asked once: the header shows the user, and the form keeps drafts under their address.
const me = getMe();
showSession();

const target = document.getElementById('report-form');
if (target) {
  const found = await descriptor();
  if (typeof found === 'string') {
    target.innerHTML = '<p class="alert" role="alert"></p>';
    target.firstChild!.textContent = found;
  } else {
    target.replaceChildren();
    document.title = `${found.title.vi} — Nền tảng báo cáo theo chỉ đạo`;
    // Prerendered pages carry the full heading (FormHeader.svelte); the page for newer forms, the title only.
    if (!embedded) target.before(Object.assign(document.createElement('h1'), { textContent: found.title.vi }));
    // A round other than the form's seed one: its own period and deadline (round-link.ts, fetched for such links only).
    if (location.search) (await roundLink()).applyRoundLink(found, location.search);
    mount(ReportForm, { target, props: { descriptor: found, user: me.then((r) => (r.ok ? r.value.email : undefined)) } });
  }
}
