/** Tags as typed in the form: commas, semicolons or bars between them (as in the CSV). */
export function splitTagInput(input: string): string[] {
  return input.split(/[,;|]/).map((s) => s.trim()).filter(Boolean);
}

/** The start of a summary, cut at a word, for lists. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
