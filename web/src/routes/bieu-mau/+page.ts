// No SvelteKit client on form pages: the island in web/island mounts the form (bundle budget).
export const csr = false;
