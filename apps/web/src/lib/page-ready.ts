let markReady: () => void = () => undefined;

/**
 * Resolves once the first screen shows its data (app/take-over.ts): work that can wait (the realtime socket's
 * code and connection) starts then, so a weak phone's bandwidth and CPU go to the first screen first.
 */
export const pageReady = new Promise<void>((resolve) => {
  markReady = resolve;
});

export function markPageReady(): void {
  markReady();
}
