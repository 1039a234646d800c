/**
 * UBND tỉnh Lai Châu relays 4380/BYT-DP to its departments and its 8 districts
 * (…/UBND-VX, 2021; number and date left blank in the text). Same questions as
 * the Ministry's form, so the province builds its answer from these by roll-up.
 * Due before the province's own deadline to the Ministry, so it can roll up.
 */
import { defineForm, type OutputsOf } from '../core/form.ts';
import { buildReadinessSummary, demoReadiness, readinessSchema, readinessTitle } from './shared/vaccination-readiness.ts';

const form = defineForm({
  version: 1,
  title: readinessTitle,
  schema: readinessSchema,
  id: 'laichau-4380-san-sang-tiem-chung',
  relayOf: '4380-san-sang-tiem-chung',
  directive: {
    number: '…/UBND-VX',
    issuer: '12',
    issuerName: { vi: 'UBND tỉnh Lai Châu', en: 'Lai Châu Provincial People’s Committee' },
    date: '2021-06-01',
    title: {
      vi: 'V/v tăng cường triển khai tiêm vắc xin phòng Covid-19 (thực hiện Văn bản số 4380/BYT-DP)',
      en: 'On stepping up COVID-19 vaccination (relaying 4380/BYT-DP)',
    },
    urgency: 'normal',
  },
  reporters: { under: '12', kinds: ['district', 'department'] },
  period: { kind: 'once', period: '2021-06-03', deadline: '2021-06-03T17:00' },
  summary: {
    recipients: [
      { key: 'ubnd-tinh-lai-chau', name: { vi: 'UBND tỉnh Lai Châu', en: 'Lai Châu Provincial People’s Committee' } },
      { key: 'so-y-te-lai-chau', name: { vi: 'Sở Y tế tỉnh Lai Châu', en: 'Lai Châu Department of Health' } },
    ],
  },
});

export default form;

/** The summary and the demo data: outputs only, never on the submit path (`FormOutputs`). */
export const outputs: OutputsOf<typeof form> = {
  summary: buildReadinessSummary,
  demo: demoReadiness,
};
