import { describe, expect, it } from 'vitest';
import type { CliOutput } from '../../src/cli/cli-output.js';
import type { MigrationCounts } from '../../src/cli/migration-counts.js';
import { displayUrl, printMigrationReport } from '../../src/cli/migration-report.js';

function captured(): { output: CliOutput; lines: string[] } {
  const lines: string[] = [];
  return { output: { out: (text) => lines.push(text), err: (text) => lines.push(`ERR ${text}`) }, lines };
}

const SAME = { users: 3, groups: 2, memberships: 4, tokens: 1 };
const ENDS = { from: 'sqlite:./data/roster.db', to: 'postgres://roster:***@db/roster' };

describe('roster migrate report', () => {
  it.each([
    ['postgres://roster:s3cret@db.internal:5432/roster', 'postgres://roster:***@db.internal:5432/roster'],
    ['postgresql://roster:p%40ss@db/roster?options=-c%20search_path%3Dx', 'postgresql://roster:***@db/roster?options=-c%20search_path%3Dx'],
    ['postgres://roster@db/roster', 'postgres://roster@db/roster'],
    ['sqlite:./data/roster.db', 'sqlite:./data/roster.db'],
  ])('shows %s as %s (never a password)', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it('marks each count that differs and says the counts differ', () => {
    const result: MigrationCounts = {
      organizations: { source: 1, target: 1 },
      counts: [{ id: 'org-1', name: 'Acme', source: SAME, target: { ...SAME, memberships: 3 }, matches: false }],
      matches: false,
    };
    const { output, lines } = captured();
    printMigrationReport(output, ENDS, result, false);
    const text = lines.join('\n');
    expect(text).toContain('Copied 1 organization(s) from sqlite:./data/roster.db to postgres://roster:***@db/roster.');
    expect(text).toMatch(/ {2}memberships +4 +3 {2}<- differs\n/);
    expect(text).toMatch(/ {2}users +3 +3\n/);
    expect(text).toContain('Counts differ: see the lines marked above.');
  });

  it('prints one JSON object with both ends, the organizations and every count', () => {
    const result: MigrationCounts = {
      organizations: { source: 1, target: 1 },
      counts: [{ id: 'org-1', name: 'Acme', source: SAME, target: SAME, matches: true }],
      matches: true,
    };
    const { output, lines } = captured();
    printMigrationReport(output, ENDS, result, true);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ ...ENDS, ...result });
  });
});
