/** opencc-js's dictionaries as its package exports them (`opencc-js/dict/*`, no types of their own): `"T S|T S|…"`. */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
