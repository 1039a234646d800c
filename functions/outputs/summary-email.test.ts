import { describe, expect, test } from 'vitest';
import { assembleSummary } from '../core/summary.ts';
import { escapeHtml } from './html.ts';
import { renderSummaryEmail } from './summary-email.ts';

const unit = { code: '79', name: 'Thành phố <b>Hồ Chí Minh</b>', kind: 'province' as const, parent: 'VN' };
const summary = assembleSummary({
  formId: 'f',
  roundId: 'f',
  formTitle: { vi: 'Biểu mẫu & thử', en: 'Form' },
  directive: {
    number: '971/TTg-KGVX',
    issuer: 'VN',
    issuerName: { vi: 'Thủ tướng Chính phủ', en: 'PM' },
    date: '2021-07-18',
    title: { vi: 't', en: 't' },
    urgency: 'urgent',
  },
  period: '2021-07-20',
  deadline: '2021-07-20T10:00:00.000Z',
  generatedAt: '2021-07-20T10:00:00.000Z',
  reporterKinds: ['province'],
  completeness: {
    rows: [{ unit, status: 'late', firstSubmittedAt: '2021-07-20T11:00:00.000Z', lateByMinutes: 60, revision: 1 }],
    expected: 2,
    reported: 1,
    onTime: 0,
    late: 1,
    missing: 1,
  },
  content: {
    figures: [{ label: { vi: 'Tổng nhu cầu', en: 'Need' }, value: 12345 }],
    tables: [
      {
        id: 'x',
        title: { vi: 'Bảng', en: 'Table' },
        columns: [
          { key: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'text' },
          { key: 'n', label: { vi: 'Số', en: 'N' }, kind: 'integer' },
        ],
        rows: [{ note: '<script>alert("x")</script>', n: 1500 }],
        total: { note: 'Tổng cộng', n: 1500 },
      },
    ],
  },
});

describe('summary email', () => {
  const email = renderSummaryEmail(summary, { dashboardUrl: 'http://localhost/bao-cao/f?a=1&b=2' });

  test('carries the key figure and the completeness in the subject', () => {
    expect(email.subject).toBe('[971/TTg-KGVX] Tổng nhu cầu: 12.345 — 1/2 tỉnh, thành phố đã báo cáo');
  });

  test('escapes everything that came from data in the HTML', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>Hồ');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('Thành phố &lt;b&gt;Hồ Chí Minh&lt;/b&gt;');
    expect(email.html).toContain('href="http://localhost/bao-cao/f?a=1&amp;b=2"');
  });

  test('uses no scripts or external assets, only inline styles', () => {
    expect(email.html).not.toMatch(/<script|<link|<img|src=/i);
  });

  test('names the units that have not reported and gives the reporting rates', () => {
    const missing = renderSummaryEmail(
      {
        ...summary,
        completeness: {
          ...summary.completeness,
          rows: [...summary.completeness.rows, { unit: { code: '01', name: 'Thành phố Hà Nội', kind: 'province', parent: 'VN' }, status: 'missing' }],
        },
      },
      { dashboardUrl: 'http://localhost/' },
    );
    expect(missing.text).toContain('Chưa báo cáo (1): Thành phố Hà Nội');
    expect(missing.html).toContain('Chưa báo cáo (1): Thành phố Hà Nội');
    expect(missing.text).toContain('Tỷ lệ đã báo cáo: 50,0\u00a0%; đúng hạn: 0,0\u00a0%');
  });

  test('has a plain-text alternative with vi-VN numbers, late durations and the completeness line', () => {
    expect(email.text).toContain('1/2 tỉnh, thành phố đã báo cáo: 0 đúng hạn, 1 muộn, 1 chưa báo cáo');
    expect(email.text).toMatch(/Tổng cộng\s+\|\s+1\.500/);
    // Who was late and by how long is said in words; the per-unit status table is in the attachment.
    expect(email.text).toContain('Nộp muộn (1): Thành phố <b>Hồ Chí Minh</b> (1 giờ).');
    expect(email.text.replace(/\n +/g, ' ')).toContain('trang «Tình hình báo cáo» của tệp XLSX');
  });

  test('escapeHtml covers quotes and ampersands', () => {
    expect(escapeHtml(`a&b"c'd<e>`)).toBe('a&amp;b&quot;c&#39;d&lt;e&gt;');
  });
});

describe('summary email: percentages and multi-line text', () => {
  const withPercent = assembleSummary({
    ...summary,
    content: {
      figures: [{ label: { vi: 'Tỷ lệ bao phủ', en: 'Coverage' }, value: 93.55, kind: 'percent' }],
      tables: [{ ...summary.content.tables[0]!, rows: [{ note: 'dòng một\r\ndòng hai', n: 2 }] }],
    },
  });
  const email = renderSummaryEmail(withPercent, { dashboardUrl: 'http://localhost/' });

  test('a percentage figure keeps one decimal in the subject and the body', () => {
    expect(email.subject).toBe('[971/TTg-KGVX] Tỷ lệ bao phủ: 93,6\u00a0% — 1/2 tỉnh, thành phố đã báo cáo');
    expect(email.text).toContain('Tỷ lệ bao phủ: 93,6\u00a0%');
  });

  test('a line break typed into a cell does not split its row in the plain text', () => {
    expect(email.text).toMatch(/^dòng một \/ dòng hai\s+\|\s+2$/m);
  });
});
