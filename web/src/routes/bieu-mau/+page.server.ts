import { islandScript } from '#lib/island.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ island: islandScript() });
