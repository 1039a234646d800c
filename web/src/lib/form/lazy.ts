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

/** The rules engine, error summary and receipt (on-submit.ts): on the first submit. */
export const afterSubmit = once(onSubmit);

/** The roll-up button: for the units that relayed the form to their sub-units only. */
export const rollUpPanel = once(() => rollUp().then((m) => m.default));
