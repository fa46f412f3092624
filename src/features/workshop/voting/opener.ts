/**
 * Who opened a vote, as a participant's notice names them. A round records its opener's
 * device id (LocalUser.id); the name is the one that person shows now, if they are connected
 * and named. A round written by another tool may hold a name instead (the field is "voter id
 * (or name)", spec/votes.ts): a text with letters and no digit is taken as one. Otherwise
 * null, and the notice says only that a vote is open.
 */
export function openerName(openedBy: string, peers: readonly { readonly userId?: string; readonly name: string }[]): string | null {
  const peer = peers.find((p) => p.userId !== undefined && p.userId === openedBy && p.name.trim() !== '');
  if (peer) return peer.name.trim();
  const raw = openedBy.trim();
  return raw !== '' && /\p{L}/u.test(raw) && !/\d/.test(raw) ? raw : null;
}
