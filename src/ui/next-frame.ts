/**
 * Resolves on the next animation frame, the page's back-pressure signal to the worker ("drawn;
 * send the next snapshot"). A hidden tab gets no frames, so a timeout resolves it too.
 */
export function nextFrame(timeoutMs = 250): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    requestAnimationFrame(finish);
  });
}

/**
 * Resolves in a task after the next frame has been rendered: for heavy work that should start
 * once the page has shown what just changed, not compete with drawing it.
 */
export async function afterNextFrame(timeoutMs = 250): Promise<void> {
  await nextFrame(timeoutMs);
  await new Promise<void>((resolve) => setTimeout(resolve));
}
