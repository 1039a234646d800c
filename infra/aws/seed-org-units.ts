/**
 * `TABLE_NAME=<table> AWS_REGION=<region> npm run seed:aws`: writes the org
 * units (data/org-units CSV, the same seed `npm start` loads) into a deployed
 * table. Run once after the first deploy, before creating the first admin (a
 * user's unit must exist), and again when the seed changes; unchanged units
 * are not rewritten.
 */
import { createDocumentClient, DynamoOrgUnitStore } from '../../functions/adapters/dynamodb/store.ts';
import { readSeedOrgUnits } from '#schemas/data/seed.ts';

const table = process.env.TABLE_NAME;
const region = process.env.AWS_REGION;
if (!table || !region) {
  console.error('Set TABLE_NAME (the data stack output TableName) and AWS_REGION.');
  process.exit(2);
}
const store = new DynamoOrgUnitStore(createDocumentClient({ region }), table);
const { written, unchanged } = await store.upsertAll(readSeedOrgUnits());
console.log(`Đơn vị hành chính: ${written} ghi mới, ${unchanged} không đổi (bảng ${table}).`);
