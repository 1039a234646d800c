// Every page is prerendered; data the user sees comes from the API at run time.
export const prerender = true;
// Pages are written as `path/index.html`, which any static file server finds for `/path` and `/path/`.
export const trailingSlash = 'always';
