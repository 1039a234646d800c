/**
 * Parts of the form page fetched when they are wanted rather than with the page,
 * so that what every page loads first stays small on slow provincial links.
 * A failed fetch is tried again the next time the part is wanted. The island
 * build keeps everything else in one chunk (vite.island.config.ts, `LAZY`).
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

// Each `import()` in a function of its own: the build unwraps a bare `() => import()` (vite.island.config.ts).
const onSubmit = () => import('./on-submit.ts');
const rollUp = () => import('./RollUpPanel.svelte');
const signingOut = () => import('../sign-out.ts');
const roundLinkModule = () => import('./round-link.ts');

/** The rules engine, error summary and receipt (on-submit.ts): on the first submit. */
export const afterSubmit = once(onSubmit);

/** The roll-up button: on the pages of forms that roll up only (it asks whether the unit relayed the round). */
export const rollUpPanel = once(() => rollUp().then((m) => m.default));

/** Signing out (the header's button): on the click. */
export const signOut = () => signingOut().then((m) => m.signOut());

/** A round's own period, for a page opened from a round's link (an address with a query): before the form is shown. */
export const roundLink = () => roundLinkModule();
