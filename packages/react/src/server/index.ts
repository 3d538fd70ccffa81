export type { ServerMarkdownProps } from './Markdown';
export { Markdown } from './Markdown';
