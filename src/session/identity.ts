/** Who this browser is to others: a name and colour chosen on first visit, kept on the device. */
export interface LocalUser {
  id: string;
  name: string;
  color: string;
}

export const USER_COLOURS = ['#d32f2f', '#7b1fa2', '#303f9f', '#0288d1', '#00796b', '#689f38', '#f57c00', '#5d4037'];
const KEY = 'trame.user';

function randomId(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function loadUser(): LocalUser | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LocalUser> | null;
    if (raw && typeof raw.id === 'string' && typeof raw.name === 'string' && typeof raw.color === 'string') {
      return { id: raw.id, name: raw.name.slice(0, 40), color: raw.color };
    }
  } catch {
    // A corrupt entry is treated as a first visit.
  }
  return null;
}

export function saveUser(user: Omit<LocalUser, 'id'> & { id?: string }): LocalUser {
  const full: LocalUser = { id: user.id ?? loadUser()?.id ?? randomId(), name: user.name.trim().slice(0, 40), color: user.color };
  localStorage.setItem(KEY, JSON.stringify(full));
  return full;
}

/** A stable id for this browser even before a name is chosen (votes need one). */
export function userId(): string {
  return loadUser()?.id ?? saveUser({ name: '', color: USER_COLOURS[Math.floor(Math.random() * USER_COLOURS.length)]! }).id;
}
