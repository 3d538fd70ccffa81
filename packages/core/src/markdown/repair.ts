/** Placeholder until Markdown repair lands. */
export function repairMarkdown(partial: string): string {
  return partial;
}
