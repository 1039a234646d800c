/**
 * Who is signed in, for the SvelteKit pages (the layout loads it once, pages
 * read it from context). Form pages have no SvelteKit client: their island asks
 * `GET /api/me` itself.
 */
import { createContext } from 'svelte';
import { getMe, type Me } from './api.ts';

export class Session {
  /** undefined while not known yet (or when asking failed), null when nobody is signed in. */
  me = $state<Me | null | undefined>();
  /** Why asking failed, other than "not signed in". */
  error = $state('');

  async load(): Promise<void> {
    this.error = '';
    const result = await getMe();
    if (result.ok) this.me = result.value;
    else if (result.error.status === 401) this.me = null;
    else this.error = result.error.message;
  }
}

export const [getSession, setSession] = createContext<Session>();
