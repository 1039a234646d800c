/**
 * A wide table scrolls sideways in its own box (the page never does, even at
 * 360 px). While the box is narrower than what it holds, the hint "Kéo ngang để
 * xem thêm" above it is shown, and describes the box to screen readers.
 */
import type { Attachment } from 'svelte/attachments';

/** Sideways scrolling, visible: `{@attach scrollHint(hintId)}` on the scrolling box. */
export function scrollHint(hintId: string): Attachment<HTMLElement> {
  return (box) => {
    const hint = document.getElementById(hintId);
    const measure = () => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      if (hint) hint.hidden = !wide;
      if (wide) box.setAttribute('aria-describedby', hintId);
      else box.removeAttribute('aria-describedby');
    };
    // The box changes with the window; what it holds, with filters and data.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  };
}
