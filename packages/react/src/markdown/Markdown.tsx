import type { ReactNode } from 'react';

export interface MarkdownProps {
  children: string;
  streaming?: boolean;
  cursor?: boolean;
  className?: string;
}

/** Placeholder until the streaming renderer lands: shows the text as is. */
export function Markdown({ children, className }: MarkdownProps): ReactNode {
  return <div className={className ? `rivulet-markdown ${className}` : 'rivulet-markdown'}>{children}</div>;
}
