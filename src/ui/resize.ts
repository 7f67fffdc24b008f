/**
 * An attachment that reports an element's content width whenever it changes (ResizeObserver),
 * so charts can size their scales to their box.
 */
import type { Attachment } from 'svelte/attachments';

export function observeWidth(onWidth: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) onWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}
