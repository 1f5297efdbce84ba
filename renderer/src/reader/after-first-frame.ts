import { useEffect, useState } from 'react';

/**
 * False until the frame after the component mounted has been rendered. A view that measures its
 * box (a virtualised list) waits for it: measured at mount, inside the script before the new
 * article's first frame, it laid out the whole new text there (~10–20 ms of the open).
 */
export function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setAfter(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return after;
}
