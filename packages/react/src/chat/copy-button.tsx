import { useEffect, useRef, useState } from 'react';
import { classes } from './labels';

export interface CopyButtonProps {
  text: string;
  label: string;
  copiedLabel: string;
  unstyled?: boolean;
}

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label, copiedLabel, unstyled }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard access (insecure context, permission denied): nothing to confirm.
      return;
    }
    if (!mounted.current) return;
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 2000);
  }

  return (
    <button
      type="button"
      className={classes(unstyled, 'rivulet-message__copy')}
      data-state={copied ? 'copied' : 'idle'}
      onClick={copy}
    >
      {copied ? copiedLabel : label}
    </button>
  );
}
