import { invalidValue } from '../scim/errors/scim-error.js';
import { isJsonObject, type JsonValue } from '../scim/resource/json.js';
import { hashPassword } from './password-hasher.js';

/** Plaintext → hash for every password a request body carries, hashed before the store's transaction starts. */
export type PasswordHashes = ReadonlyMap<string, string>;

/** `password`, alone or URN-qualified (`urn:…:core:2.0:User:password`), in any case. */
const PASSWORD_NAME = /(^|:)password$/i;

/**
 * Every string a request gives as a password: top-level or nested `password` members (POST/PUT bodies, PATCH
 * values without a path) and the values of PATCH operations whose path names the password. Scanning the raw
 * request lets the hashing (slow, asynchronous) happen before the synchronous store mutation runs.
 */
export function passwordValuesIn(request: unknown): string[] {
  const found = new Set<string>();
  collect(request as JsonValue, found);
  return [...found];
}

function collect(value: JsonValue | undefined, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
    return;
  }
  if (!isJsonObject(value)) return;
  const path = value['path'];
  if (typeof path === 'string' && PASSWORD_NAME.test(path.trim()) && typeof value['value'] === 'string') {
    found.add(value['value']);
  }
  for (const [key, member] of Object.entries(value)) {
    if (PASSWORD_NAME.test(key) && typeof member === 'string') found.add(member);
    else collect(member, found);
  }
}

/** Hashes every password of `request` (usually none or one). */
export async function hashPasswordsIn(request: unknown): Promise<PasswordHashes> {
  const values = passwordValuesIn(request);
  const hashes = await Promise.all(values.map(async (plain) => [plain, await hashPassword(plain)] as const));
  return new Map(hashes);
}

/**
 * The stored-hash change for a password the core read from the request: undefined leaves it, null clears it.
 * A plaintext the pre-scan did not see would be stored unhashed, so it is refused rather than passed on.
 */
export function passwordHashFor(password: string | null | undefined, hashes: PasswordHashes): string | null | undefined {
  if (password === undefined || password === null) return password;
  const hash = hashes.get(password);
  if (hash === undefined) throw invalidValue("The 'password' value could not be read; send it as a JSON string");
  return hash;
}
