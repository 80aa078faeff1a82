// BENCHMARKS.md is written by several benches (scripts/bench.sh [all|main|renewal|fuzz]): each
// owns one section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and replaces only it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../lib/peers.mjs';

const FILE = join(REPO, 'BENCHMARKS.md');
const HEAD = `# Benchmarks

Figures, not tests: each section below is measured again by \`scripts/bench.sh <section>\`
(\`scripts/bench.sh\` alone runs them all) and says when, on what, and how.
`;

/** Replaces (or appends) the section `name` of BENCHMARKS.md with `text`. */
export function writeSection(name, text) {
  let all = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  if (!all.includes('<!-- bench:')) all = HEAD; // the old single-section file: start again
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${text.trim()}\n${close}`;
  const at = all.indexOf(open);
  const end = all.indexOf(close);
  all = at >= 0 && end > at ? all.slice(0, at) + block + all.slice(end + close.length) : `${all.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, all);
}
