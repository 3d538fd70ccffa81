/** Text files imported whole (Vite's `?raw`), e.g. the bench's Markdown fixtures. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
