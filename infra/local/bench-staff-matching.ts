/**
 * The 971 summary's staff matching on synthetic provinces (1k and 4k, each
 * offering and needing staff in random regions, fixed seed): the time of one
 * `matchStaff` call, best of three. Not a test: the figures depend on the machine.
 *
 *   node infra/local/bench-staff-matching.ts [sizes…]
 */
import regions from '../../schemas/data/vung-kinh-te.json' with { type: 'json' };
import { matchStaff, type Party } from '../../schemas/forms/shared/staff-matching.ts';
import { seededRandom } from './demo-data.ts';

const sizes = process.argv.slice(2).map(Number);

const random = seededRandom(971);

function provinces(n: number): { offers: Party[]; needs: Party[] } {
  const party = (i: number): Party => ({
    code: String(i).padStart(5, '0'),
    name: `Tỉnh ${i}`,
    region: regions[Math.floor(random() * regions.length)]!.name,
    count: Math.floor(random() * 500),
  });
  return { offers: Array.from({ length: n }, (_, i) => party(i)), needs: Array.from({ length: n }, (_, i) => party(i)) };
}

for (const n of sizes.length > 0 ? sizes : [1000, 4000]) {
  const { offers, needs } = provinces(n);
  let best = Infinity;
  let transfers = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    transfers = matchStaff(offers, needs).transfers.length;
    best = Math.min(best, performance.now() - started);
  }
  console.log(`matchStaff, ${n} provinces: ${best.toFixed(1)} ms (${transfers} transfers)`);
}
