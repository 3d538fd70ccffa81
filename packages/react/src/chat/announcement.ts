/**
 * What a screen reader hears when an answer finishes: its text without Markdown punctuation,
 * and only its start. The whole answer is in the log, where a screen reader can read it at its
 * own pace; announcing a long answer in full would hold the user in one endless announcement
 * (and laying out megabytes of hidden text stalls the page).
 */

/** Characters of an answer announced at most; longer answers end with an ellipsis. */
export const announcementLimit = 500;

/** Markdown punctuation a listener does not need: emphasis, code ticks, heading and quote markers. */
const markup = /(\*\*|__|~~|`{1,3}|^ {0,3}#{1,6} +|^ {0,3}> ?)/gm;

/** The spoken form of a finished answer: `content` with its markup dropped, cut to `limit`. */
export function announcementText(content: string, limit = announcementLimit): string {
  // Only the start matters: never scan more of a long answer than can be announced.
  const start = content.length > limit * 4 ? content.slice(0, limit * 4) : content;
  const text = start.replace(markup, '').replace(/\s+/g, ' ').trim();
  if (text.length <= limit && start.length === content.length) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
