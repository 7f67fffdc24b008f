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
