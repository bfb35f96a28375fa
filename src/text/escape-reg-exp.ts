/** Text to match literally inside a regular expression ("Node.js" → "Node\.js"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
