/**
 * "typing…" while an answer is being prepared. Telegram shows a chat action for about five
 * seconds, so it is repeated until the caller stops it (always in a `finally`).
 */

/** Send the action now and every `intervalMs`; returns the function that stops it. */
export function startTypingIndicator(
  sendTyping: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  // A failed "typing" is cosmetic: report it and keep going.
  const tick = () => {
    sendTyping().catch(onError);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
