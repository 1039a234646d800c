import { describe, expect, test } from 'vitest';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

describe('user management', () => {
  test('a CSV import with one bad line writes nothing and names every bad line', async () => {
    const runtime = await freshRuntime();
    const admin = await signIn(runtime, { role: 'admin', unit: '70' });
    const csv = ['email,name,unit,role', 'mot@bp.vn,Người Một,689,reporter', 'hai@bp.vn,Người Hai,79,reporter', 'ba@bp.vn,Người Ba,690,chief', 'mot@bp.vn,Lặp,689,reporter'].join('\n');
    const res = await runtime.app.request('/api/admin/users/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ csv }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: {
          'dòng 3': ['Bạn không quản lý đơn vị 79.'],
          'dòng 4': ['role: Vai trò phải là reporter, official hoặc admin.'],
          'dòng 5': ['Địa chỉ thư điện tử lặp lại trong tệp.'],
        },
      },
    });
    expect(await runtime.authStore.getUser('mot@bp.vn')).toBeUndefined();

    const ok = await runtime.app.request('/api/admin/users/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ csv: 'mot@bp.vn,Người Một,689,reporter\nHAI@bp.vn,Người Hai,70,official' }),
    });
    expect(await ok.json()).toEqual({ created: 2, updated: 0 });
    expect(await runtime.authStore.getUser('hai@bp.vn')).toMatchObject({ role: 'official', unit: '70', status: 'active' });
  });

  test('a CSV import reads names with commas in quotes, a byte-order mark and CRLF, as Excel saves them', async () => {
    const runtime = await freshRuntime();
    const admin = await signIn(runtime, { role: 'admin', unit: '70' });
    const csv = '\uFEFFemail,name,unit,role\r\nbon@bp.vn,"Trần Văn Bốn, Phó Giám đốc",70,official\r\n';
    const res = await runtime.app.request('/api/admin/users/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ csv }),
    });
    expect(await res.json()).toEqual({ created: 1, updated: 0 });
    expect(await runtime.authStore.getUser('bon@bp.vn')).toMatchObject({ name: 'Trần Văn Bốn, Phó Giám đốc', unit: '70', role: 'official' });

    const broken = await runtime.app.request('/api/admin/users/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ csv: 'nam@bp.vn,"Người Năm,70,reporter' }),
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    expect(await runtime.authStore.getUser('nam@bp.vn')).toBeUndefined();
  });

  test('creating a user checks the address, the unit and the role, in Vietnamese', async () => {
    const runtime = await freshRuntime();
    const admin = await signIn(runtime, { role: 'admin', unit: 'VN' });
    const res = await runtime.app.request('/api/admin/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ email: 'sai', name: '', unit: '70', role: 'reporter' }),
    });
    expect(await res.json()).toMatchObject({ error: { fields: { email: ['Địa chỉ thư điện tử không hợp lệ.'], name: ['Vui lòng nhập họ và tên.'] } } });
    const unknownUnit = await runtime.users.create('system', { email: 'a@b.vn', name: 'A', unit: 'XX', role: 'reporter' }).catch((e: unknown) => e);
    expect(unknownUnit).toMatchObject({ code: 'VALIDATION_FAILED', fields: { unit: ['Không có đơn vị với mã này.'] } });
  });
});
