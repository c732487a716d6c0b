#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`.
import('../dist/cli/roster.js').then((cli) => cli.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error instanceof Error ? error.message : error); process.exitCode = 1; },
);
