import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'sqlite:./data/roster.db',
      publicUrl: 'http://localhost:8080',
      logLevel: 'info',
      maxResults: 1000,
      maxBodyBytes: 1_048_576,
      readThreads: Math.min(4, availableParallelism() - 1),
    });
  });

  it('reads every variable, derives PUBLIC_URL from PORT and drops its trailing slash', () => {
    const config = loadConfig({ PORT: '9000', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'DEBUG', MAX_RESULTS: '50', MAX_BODY_BYTES: '2048', READ_THREADS: '0' });
    expect(config).toMatchObject({ port: 9000, host: '127.0.0.1', databaseUrl: 'sqlite::memory:', publicUrl: 'http://localhost:9000', logLevel: 'debug', maxResults: 50, maxBodyBytes: 2048, readThreads: 0 });
    expect(loadConfig({ PUBLIC_URL: 'https://scim.example.com/' }).publicUrl).toBe('https://scim.example.com');
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
    ['PORT', '-1', /PORT/],
    ['MAX_RESULTS', '0', /MAX_RESULTS/],
    ['MAX_BODY_BYTES', '1e6', /MAX_BODY_BYTES/],
    ['READ_THREADS', '65', /READ_THREADS must be an integer from 0 to 64/],
    ['READ_THREADS', 'two', /READ_THREADS/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['PUBLIC_URL', 'not a url', /PUBLIC_URL must be an absolute/],
    ['PUBLIC_URL', 'ftp://example.com', /PUBLIC_URL must use http or https/],
  ])('rejects %s=%s with a ConfigError naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
