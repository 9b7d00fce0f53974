/** Minimal progress line on stderr (only when asked for, e.g. files over 10 MB). */
export interface Progress {
  update(done: number, extra?: string): void;
  done(): void;
}

const BAR = 30;

/**
 * A throttled one-line progress bar on `stream` (default stderr): percentage of `total` bytes.
 * Redraws at most every 200 ms; `now` is injectable for tests.
 */
export function createProgress(
  total: number,
  label: string,
  stream: NodeJS.WritableStream = process.stderr,
  now: () => number = () => performance.now(),
): Progress {
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number, extra: string): void => {
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(frac * BAR);
    stream.write(
      `\r${label} [${"#".repeat(filled)}${".".repeat(BAR - filled)}] ${(frac * 100).toFixed(1)}% ${extra}`,
    );
    drawn = true;
  };
  return {
    update(done, extra = "") {
      const t = now();
      if (t - last < 200) return;
      last = t;
      draw(done, extra);
    },
    done() {
      if (drawn) stream.write("\n");
    },
  };
}
