/**
 * What PostgreSQL failures may say in a log or on a terminal. Server messages can quote the
 * values of a statement (`invalid input syntax … "<value>"`), which may be map content, so
 * only the SQLSTATE code and a wording of our own leave this module, never e.message.
 */

/** A storage failure, content-free: safe for describeError (server/log.ts). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/** The relay cannot start on DATABASE_URL: main.ts prints the message as one line and exits. */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

const KNOWN: Record<string, string> = {
  '25006': 'the database is read-only',
  '53100': 'the database disk is full',
  '53200': 'the database is out of memory',
  '53300': 'the database has too many connections',
  '57P01': 'the database is shutting down',
  '57P02': 'the database crashed',
  '57P03': 'the database is starting up',
  '57014': 'a statement timed out',
  '40P01': 'deadlock',
  '23505': 'a row with this key exists',
  '28P01': 'wrong password',
  '28000': 'not allowed to connect',
  '3D000': 'the database does not exist',
};

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A content-free StoreError for any error thrown by the pg client. */
export function storeError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const code = codeOf(e);
  if (code && /^[0-9A-Z]{5}$/.test(code)) return new StoreError(`PostgreSQL ${code}: ${KNOWN[code] ?? 'error'}`, code);
  if (code) return new StoreError(`PostgreSQL unreachable (${code.slice(0, 20)})`, code);
  const message = e instanceof Error ? e.message : '';
  // The client's own messages carry no content: they describe the connection.
  if (/timeout|terminated|Connection|not queryable|ended/i.test(message)) {
    return new StoreError(`PostgreSQL connection lost (${message.slice(0, 80)})`);
  }
  return new StoreError('PostgreSQL error');
}

/** The line a person starting the relay reads when DATABASE_URL does not work. */
export function startErrorLine(e: unknown, target: { host: string; port: string; user: string; database: string }): string {
  const where = `PostgreSQL at ${target.host}:${target.port}`;
  const code = codeOf(e);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
      return `${where} does not answer (${code})`;
    case '28P01':
    case '28000':
      return `${where} refused user "${target.user}": wrong user or password (${code})`;
    case '3D000':
      return `${where} has no database "${target.database}" (create it first: createdb ${target.database})`;
    case undefined:
      break;
    default:
      return `${where}: ${KNOWN[code] ?? 'error'} (${code})`;
  }
  const message = e instanceof Error ? e.message : '';
  if (/timeout/i.test(message)) return `${where} does not answer (timeout)`;
  return `${where}: ${storeError(e).message}`;
}
