/**
 * The copy button of a code block. It shows its label, and the "copied" label for a moment
 * after a successful copy. The clipboard is touched only on click, so it renders on the server.
 */

import { useEffect, useRef, useState } from 'react';

/** How long the button says "Copied" after a copy. */
const copiedDurationMs = 2000;

export interface CopyButtonProps {
  text: string;
  label: string;
  copiedLabel: string;
}

export function CopyButton({ text, label, copiedLabel }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) return;
    clipboard.writeText(text).then(
      () => {
        setCopied(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setCopied(false), copiedDurationMs);
      },
      // A denied clipboard leaves the label as it was: there is nothing else to tell the user.
      () => undefined,
    );
  };

  return (
    <button type="button" className="rivulet-code-copy" data-copied={copied ? 'true' : 'false'} onClick={copy}>
      {copied ? copiedLabel : label}
    </button>
  );
}
