/**
 * Rounds in the browser, with the local scheduler on the platform's settable clock:
 * - the Ministry opens 971 again, due tomorrow 17:00, from the rounds page; a province's reporter finds it in
 *   "Báo cáo cần nộp", answers it on the round's form page; past the deadline the scheduler emails the summary
 *   once, to the recipients chosen when the round was opened;
 * - the Ministry's new 4380 round reaches Lai Châu, whose official relays it to the districts two days earlier;
 *   the districts answer, the province rolls their answers up, adjusts and submits; completeness is right on
 *   the relay's dashboard (Lai Châu) and on the round's (the Ministry).
 */
import type { Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dateOf, instantOf } from '#schemas/core/calendar.ts';
import { formatDate } from '#schemas/core/format.ts';
import { addDays } from '#schemas/core/period.ts';
import { createRoundAdmin } from '../../functions/core/round-admin.ts';
import { seededRandom } from '../../infra/local/demo-data.ts';
import { readMails } from '../support/mail.ts';
import { signInBrowser, startE2E, submitAndReadReceipt, type E2E } from '../support/e2e.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ scheduler: true });
});
afterAll(() => e2e?.stop());

const addresses = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

async function openAs(user: Parameters<typeof signInBrowser>[1], path: string): Promise<Page> {
  await e2e.browser.clearCookies();
  await signInBrowser(e2e, user);
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.platform.url}${path}`);
  return page;
}

/** The rounds of a form other than its seed round, newest last. */
const roundsOf = async (formId: string) => (await e2e.platform.runtime.service.rounds()).filter((r) => r.formId === formId && r.id !== formId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

describe('971 again, due tomorrow 17:00', () => {
  const FORM = '971-nhan-luc-y-te';

  test('opened from the rounds page, answered by a province, summarised once at the deadline to the chosen recipients', async () => {
    e2e.clock.set(new Date());
    const tomorrow = addDays(dateOf(Date.now()), 1);
    const { runtime } = e2e.platform;
    // A second official of the Ministry, chosen as the summary's recipient instead of the one who opens the round.
    await runtime.users.create('system', { email: 'lanh-dao-vn@e2e.local', name: 'Lãnh đạo Bộ', unit: 'VN', role: 'official' });
    await runtime.users.create('system', { email: 'reporter-01@e2e.local', name: 'Cán bộ Hà Nội', unit: '01', role: 'reporter' });

    const rounds = await openAs({ unit: 'VN', role: 'official' }, '/bang-dieu-khien/dot-bao-cao/');
    await rounds.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
    const form = rounds.getByTestId('issue-form');
    await form.getByLabel('Biểu mẫu').selectOption(FORM);
    await form.getByLabel('Ngày hạn nộp').fill(formatDate(tomorrow));
    await form.getByLabel('Giờ nộp').fill('17:00');
    await form.getByLabel(/^Các tỉnh, thành phố/).check();
    await form.getByLabel(/official-vn@e2e\.local/).uncheck();
    await form.getByLabel(/lanh-dao-vn@e2e\.local/).check();
    await form.getByLabel('Nhóm người nhận: thu-tuong').check();
    await form.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
    await expect.poll(() => rounds.locator('#round-notice').innerText()).toContain('Đã mở đợt báo cáo');
    const [round] = await roundsOf(FORM);
    expect(round).toMatchObject({ issuer: 'VN', period: { kind: 'once', period: tomorrow, deadline: `${tomorrow}T17:00` }, recipients: { users: ['lanh-dao-vn@e2e.local'], keys: ['thu-tuong'] } });
    await expect.poll(() => rounds.locator(`[data-testid=issued-rounds] li[data-round="${round!.id}"]`).innerText()).toContain(`hạn nộp 17:00 ${formatDate(tomorrow)}`);
    await rounds.close();

    // Hà Nội's reporter was told, with the deadline and the round's link…
    const told = (await readMails(e2e.platform.sink)).find((m) => addresses(m).includes('reporter-01@e2e.local'));
    expect(told?.subject).toContain(`hạn 17:00 ${formatDate(tomorrow)}`);
    expect(told?.text).toContain(`/bao-cao/${FORM}/?dot=${round!.id}`);
    // …and finds the round in "Báo cáo cần nộp", linked to the form page with the round's period.
    const home = await openAs({ unit: '01', email: 'reporter-01@e2e.local' }, '/');
    const item = home.locator(`[data-testid=due-list] li[data-round="${round!.id}"]`);
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain(`Hạn nộp: 17:00 ${formatDate(tomorrow)}`);
    await item.getByRole('link').click();
    await expect.poll(() => home.locator('#unit').inputValue()).toBe('01');
    expect(home.url()).toContain(`dot=${round!.id}`);
    expect(await home.locator('.deadline').innerText()).toContain(`17:00 ${formatDate(tomorrow)}`);
    expect(await home.locator('#report-form').innerText()).toContain(`Kỳ báo cáo: ${formatDate(tomorrow)}`);
    await home.fill('#submittedBy', 'Nguyễn Thị Hoa');
    await home.getByLabel('Có — báo cáo nhu cầu hỗ trợ').check();
    await home.fill('#f-need-doctors', '1.250');
    await home.fill('#f-need-nurses', '2.000');
    await home.fill('#f-need-technicians', '75');
    await home.fill('#f-contact-name', 'Nguyễn Thị Hoa');
    await home.fill('#f-contact-phone', '0912 345 678');
    expect(await submitAndReadReceipt(home)).toContain(formatDate(tomorrow));
    expect(await runtime.submissions.getCurrent({ formId: FORM, period: tomorrow, orgUnit: '01' })).toMatchObject({ revision: 1, data: { need: { doctors: 1250 } } });
    await home.close();

    // Past the deadline: the scheduler sends the summary, once.
    const number = runtime.service.form(FORM).directive.number;
    const summaries = async () => (await readMails(e2e.platform.sink)).filter((m) => m.subject?.startsWith(`[${number}]`) && m.text?.includes(`Kỳ báo cáo: ${formatDate(tomorrow)}`) && m.text.includes('Tổng hợp lúc'));
    e2e.clock.set(new Date(instantOf(`${tomorrow}T17:00`).getTime() + 60_000));
    await e2e.platform.scheduler!.tick();
    await expect.poll(async () => (await summaries()).flatMap(addresses).sort()).toEqual(['lanh-dao-vn@e2e.local', 'thu-tuong@baocao.local']);
    // Fired once: the scheduler has nothing more for this round's summary.
    expect(e2e.platform.scheduler!.nextRuns().find((r) => r.id === `summary-${round!.id}`)?.next).toBeNull();
    const [first] = await summaries();
    expect(first!.text).toContain('1/63 tỉnh, thành phố đã báo cáo');
    await e2e.platform.scheduler!.tick();
    expect((await summaries()).length).toBe(2);
  });
});

describe('4380 relayed by Lai Châu to its districts', () => {
  const FORM = '4380-san-sang-tiem-chung';

  test('relayed from the rounds page two days earlier; the districts answer; the province rolls up, adjusts, submits; completeness at both levels', async () => {
    e2e.clock.set(new Date());
    const today = dateOf(Date.now());
    const { runtime } = e2e.platform;
    const { byCode } = await runtime.service.orgUnits();
    const ministry = { email: 'bo-y-te@e2e.local', name: 'Bộ Y tế', role: 'official' as const, unit: byCode.get('VN')! };
    await runtime.users.create('system', { email: ministry.email, name: ministry.name, unit: 'VN', role: 'official' });
    // The Ministry's new round (opening one through the page is the test above), as the API opens it.
    const admin = createRoundAdmin({
      ...runtime,
      users: runtime.authStore,
      mailer: runtime.config.mailer,
      publicUrl: e2e.platform.url,
      recipientKeys: Object.keys(runtime.config.recipients),
    });
    const parent = await admin.issue(ministry, { formId: FORM, period: { kind: 'once', deadline: `${addDays(today, 5)}T17:00` }, reporters: { kinds: ['province'] } });
    const period = addDays(today, 5);

    const rounds = await openAs({ unit: '12', role: 'official' }, '/bang-dieu-khien/dot-bao-cao/');
    const reaching = rounds.locator(`[data-testid=reaching-rounds] li[data-round="${parent.id}"]`);
    await expect.poll(() => reaching.count()).toBe(1);
    await reaching.getByRole('button', { name: /^Chuyển tiếp cho đơn vị cấp dưới/ }).click();
    // A deadline after the Ministry's is refused beside its field.
    await reaching.getByLabel('Ngày hạn nộp').fill(formatDate(addDays(today, 6)));
    await reaching.getByLabel(/^Các huyện, thị xã, thành phố/).check();
    await reaching.getByRole('button', { name: 'Chuyển tiếp', exact: true }).click();
    await expect.poll(() => reaching.locator('.field-error').first().innerText().catch(() => '')).toContain('phải trước hạn của cấp trên');
    await reaching.getByLabel('Ngày hạn nộp').fill(formatDate(addDays(today, 3)));
    await reaching.getByRole('button', { name: 'Chuyển tiếp', exact: true }).click();
    await expect.poll(() => rounds.locator('#round-notice').innerText()).toContain('Đã chuyển tiếp');
    const relay = (await runtime.service.rounds()).find((r) => r.parent === parent.id)!;
    expect(relay).toMatchObject({ issuer: '12', formId: FORM, period: { kind: 'once', period, deadline: `${addDays(today, 3)}T17:00` }, reporters: { under: '12', kinds: ['district'] } });
    await rounds.close();

    // Seven of the eight districts answer.
    const form = runtime.service.form(FORM);
    const districts = await runtime.service.reporters(relay.id);
    expect(districts).toHaveLength(8);
    for (const unit of districts.slice(0, 7)) {
      await runtime.service.putSubmission(
        { formId: FORM, period, orgUnit: unit.code },
        { data: runtime.service.outputs(form.id).demo({ unit, random: seededRandom(`relay/${unit.code}`), period }), submittedBy: `Cán bộ ${unit.name}` },
      );
    }
    const g01 = (await Promise.all(districts.slice(0, 7).map((u) => runtime.submissions.getCurrent({ formId: FORM, period, orgUnit: u.code }))))
      .reduce((sum, s) => sum + ((s!.data as { population: { g01?: number } }).population.g01 ?? 0), 0);

    // Lai Châu's reporter answers the Ministry's round by roll-up, from its link in "Báo cáo cần nộp".
    const home = await openAs({ unit: '12' }, '/');
    const item = home.locator(`[data-testid=due-list] li[data-round="${parent.id}"]`);
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole('link').click();
    await expect.poll(() => home.locator('#unit').inputValue()).toBe('12');
    const rollUp = home.getByRole('button', { name: 'Tổng hợp từ báo cáo của đơn vị cấp dưới' });
    await expect.poll(() => rollUp.isVisible()).toBe(true);
    await rollUp.click();
    await expect.poll(() => home.locator('#report-form').innerText()).toContain('Đã tổng hợp từ 7/8 đơn vị');
    expect(await home.locator('#report-form').innerText()).toContain(`Chưa có báo cáo của: ${districts[7]!.name}`);
    await home.fill('#f-population-g01', String(g01 + 100));
    await home.fill('#submittedBy', 'Sở Y tế Lai Châu');
    await home.fill('#f-contact-name', 'Lò Văn Minh');
    await home.fill('#f-contact-phone', '0213 3876 543');
    await submitAndReadReceipt(home);
    expect(await runtime.submissions.getCurrent({ formId: FORM, period, orgUnit: '12' })).toMatchObject({ origin: 'rollup', data: { population: { g01: g01 + 100 } } });
    await home.close();

    // Completeness: the relay's, for Lai Châu; the round's, for the Ministry.
    const mine = await openAs({ unit: '12', role: 'official' }, `/bang-dieu-khien/${FORM}/?dot=${relay.id}`);
    await expect.poll(() => mine.getByTestId('figures').innerText()).toContain('7/8');
    expect(await mine.locator(`tr[data-unit="${districts[7]!.code}"] td[data-period="${period}"]`).getAttribute('data-status')).toBe('missing');
    expect(await mine.getByTestId('round-info').innerText()).toContain(`hạn nộp 17:00 ${formatDate(addDays(today, 3))}`);
    await mine.close();
    const ministryPage = await openAs({ unit: 'VN', role: 'official', email: ministry.email }, `/bang-dieu-khien/${FORM}/?dot=${parent.id}`);
    await expect.poll(() => ministryPage.getByTestId('figures').innerText()).toContain('1/63');
    expect(await ministryPage.locator(`tr[data-unit="12"] td[data-period="${period}"]`).getAttribute('data-status')).toBe('on-time');
    // …and how Lai Châu's own relay stands.
    expect(await ministryPage.locator('[data-testid=relays] li[data-unit="12"]').innerText()).toContain('7/8 đơn vị cấp dưới đã báo cáo');
    await ministryPage.close();
  });
});
