// Build time only. One page per form known at build time; a form added later gets the SPA fallback (200.html), whose
// client router shows this same page. No `load` here: the page gets everything from the API in the browser, so the
// client never asks for a `__data.json` that a form added later would not have.
import { formLoaders } from '#schemas/registry.ts';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => Object.keys(formLoaders).map((formId) => ({ formId }));
