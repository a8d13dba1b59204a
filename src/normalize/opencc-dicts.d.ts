// opencc-js ships its dictionaries as ESM modules without type declarations: each default-exports
// one string of `source target|source target|…` entries.
declare module 'opencc-js/dict/*' {
  const entries: string;
  export default entries;
}
