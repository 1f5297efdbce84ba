/** Settles after the next frame has been produced (a task queued from its animation frame). */
export const afterNextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
