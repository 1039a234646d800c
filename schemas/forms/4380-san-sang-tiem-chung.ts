/**
 * Công văn 4380/BYT-DP (28/05/2021) of the Ministry of Health to the provinces:
 * the Department of Health lists every vaccination facility with its readiness,
 * the people to vaccinate per priority group, and the vaccine use plan per
 * allocation batch. The letter sets no date; the deadline below is the
 * platform's assumption (one week), to be set by the issuer when publishing.
 */
import { defineForm, type OutputsOf } from '../core/form.ts';
import { buildReadinessSummary, demoReadiness, readinessSchema, readinessTitle, rollupReadiness } from './shared/vaccination-readiness.ts';

const form = defineForm({
  version: 1,
  title: readinessTitle,
  schema: readinessSchema,
  id: '4380-san-sang-tiem-chung',
  directive: {
    number: '4380/BYT-DP',
    issuer: 'VN',
    issuerName: { vi: 'Bộ Y tế', en: 'Ministry of Health' },
    date: '2021-05-28',
    title: {
      vi: 'V/v tăng cường triển khai tiêm vắc xin phòng COVID-19',
      en: 'On stepping up COVID-19 vaccination',
    },
    urgency: 'normal',
  },
  reporters: { under: 'VN', kinds: ['province'] },
  period: { kind: 'once', period: '2021-06-04', deadline: '2021-06-04T17:00' },
  summary: {
    recipients: [
      { key: 'bo-y-te', name: { vi: 'Bộ Y tế (Cục Y tế dự phòng)', en: 'Ministry of Health (Preventive Medicine)' } },
    ],
  },
  rollup: rollupReadiness,
});

export default form;

/** The summary and the demo data: outputs only, never on the submit path (`FormOutputs`). */
export const outputs: OutputsOf<typeof form> = {
  summary: buildReadinessSummary,
  demo: demoReadiness,
};
