import { availableParallelism } from 'node:os';

/** The server's settings, read from the environment once at start and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** `sqlite:./data/roster.db`, `sqlite::memory:` or `postgres://…`. */
  readonly databaseUrl: string;
  /** Scheme, host and port clients use to reach the server; SCIM base URLs and `meta.location` start with it. */
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  /** The most resources one list response returns (advertised as `filter.maxResults`). */
  readonly maxResults: number;
  /** The largest request body accepted, in bytes (larger → 413). */
  readonly maxBodyBytes: number;
  /** Threads answering lookups on their own connections to a SQLite file (0: the event loop answers them). */
  readonly readThreads: number;
}

/** pino's level names. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A setting that cannot be used; the message names the variable and what it should look like. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** One read thread per core the event loop leaves free, at most four. */
const DEFAULT_READ_THREADS = Math.min(4, availableParallelism() - 1);

type Environment = Readonly<Record<string, string | undefined>>;

/** Reads and checks every setting; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Environment = process.env): Config {
  const port = integerSetting(env, 'PORT', 8080, 0, 65535);
  return Object.freeze({
    port,
    host: textSetting(env, 'HOST', '0.0.0.0'),
    databaseUrl: textSetting(env, 'DATABASE_URL', 'sqlite:./data/roster.db'),
    publicUrl: publicUrlSetting(env, `http://localhost:${port}`),
    logLevel: logLevelSetting(env),
    maxResults: integerSetting(env, 'MAX_RESULTS', 1000, 1, 100_000),
    maxBodyBytes: integerSetting(env, 'MAX_BODY_BYTES', 1_048_576, 1024, 1_073_741_824),
    readThreads: integerSetting(env, 'READ_THREADS', DEFAULT_READ_THREADS, 0, 64),
  });
}

/** The value of `name`, or undefined when unset or blank (an empty variable means "use the default"). */
function rawSetting(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function textSetting(env: Environment, name: string, fallback: string): string {
  return rawSetting(env, name) ?? fallback;
}

function integerSetting(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const text = rawSetting(env, name);
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

function publicUrlSetting(env: Environment, fallback: string): string {
  const text = rawSetting(env, 'PUBLIC_URL') ?? fallback;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL such as https://scim.example.com, got '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must use http or https, got '${text}'`);
  }
  // A trailing slash would double up when paths are appended ("…//scim/v2").
  return text.replace(/\/+$/, '');
}

function logLevelSetting(env: Environment): LogLevel {
  const text = rawSetting(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info';
  const level = LOG_LEVELS.find((candidate) => candidate === text);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${text}'`);
  return level;
}
