export type { ServerMarkdownProps } from './markdown';
export { Markdown } from './markdown';
