/**
 * At most one call per `ms`, the latest arguments winning: the first call goes at once, later
 * ones within the interval are folded into one trailing call, so the last value always gets
 * through (a pointer that stops still ends where it stopped). `cancel` drops a pending call.
 */
export function throttle<A extends unknown[]>(fn: (...a: A) => void, ms: number): ((...a: A) => void) & { cancel: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const call = (...a: A) => {
    const now = Date.now();
    pending = a;
    if (now - last >= ms && !timer) {
      last = now;
      pending = null;
      fn(...a);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        const p = pending;
        pending = null;
        if (p) fn(...p);
      }, Math.max(0, ms - (now - last)));
    }
  };
  return Object.assign(call, {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  });
}
