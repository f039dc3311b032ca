/** JSON values as the sandboxes build their replies: readonly, so a reply is never patched later. */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export type JsonObject = { readonly [key: string]: Json };
