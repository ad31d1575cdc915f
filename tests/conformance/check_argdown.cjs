// Parses every Argdown file argnet writes with Argdown's own parser and
// model builder (@argdown/node, the library behind the argdown command
// line), and compares it with the graph JSON beside it. Fails on any lexer
// or parser error, exception or warning-level problem, and on any claim
// whose text, relations or asserting actors did not come through.
//
//   node check_argdown.cjs FOLDER...   (each with graph.json and graph.argdown)
const fs = require('fs');
const path = require('path');
const { argdown } = require('@argdown/node');

let failed = false;
function fail(folder, message) {
  console.log(`${folder}: FAIL: ${message}`);
  failed = true;
}
const squeeze = (s) => s.split(/\s+/).filter(Boolean).join(' ');

for (const folder of process.argv.slice(2)) {
  const graph = JSON.parse(fs.readFileSync(path.join(folder, 'graph.json'), 'utf8'));
  const input = fs.readFileSync(path.join(folder, 'graph.argdown'), 'utf8');
  const r = argdown.run({ input, process: ['parse-input', 'build-model'], logLevel: 'error' });
  const problems = [...(r.lexerErrors || []), ...(r.parserErrors || []), ...(r.exceptions || [])];
  if (problems.length) {
    fail(folder, problems.map((e) => e.message || String(e)).join('; '));
    continue;
  }
  const kind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const claims = graph.nodes.filter((n) => n.kind === 'claim');
  const stances = graph.edges.filter((e) => kind.get(e.source) === 'claim' && (e.relation === 'supports' || e.relation === 'critiques'));
  const concepts = new Set(stances.filter((e) => kind.get(e.target) !== 'claim').map((e) => e.target));
  const statements = Object.values(r.statements);
  if (statements.length !== claims.length + concepts.size) {
    fail(folder, `${statements.length} statements, expected ${claims.length} claims + ${concepts.size} concepts`);
  }
  // Every claim's text, word for word.
  const texts = new Map();
  // A statement's text is its defining member's, less its tags.
  const textOf = (s) => squeeze(s.members.filter((m) => m.text !== undefined).map((m) => m.text.replace(/#\([^)]*\)/g, ' ')).join(' '));
  for (const s of statements) texts.set(textOf(s), s);
  for (const c of claims) {
    const s = texts.get(squeeze(c.label));
    if (!s) { fail(folder, `claim text not found: ${c.label.slice(0, 80)}`); continue; }
    const asserters = graph.edges.filter((e) => e.relation === 'asserts' && e.target === c.id).length;
    if ((s.tags || []).length !== asserters) fail(folder, `${c.id}: ${(s.tags || []).length} actor tags, ${asserters} asserters`);
  }
  // Every claim → concept line, as support or attack.
  const relations = r.relations || [];
  const count = (type) => relations.filter((x) => x.relationType === type).length;
  const want = { support: stances.filter((e) => e.relation === 'supports').length, attack: stances.filter((e) => e.relation === 'critiques').length };
  if (count('support') !== want.support || count('attack') !== want.attack) {
    fail(folder, `relations support ${count('support')} attack ${count('attack')}, expected ${want.support} and ${want.attack}`);
  }
  if (!failed) console.log(`${folder}: argdown: ok: ${claims.length} claims, ${concepts.size} concepts, ${relations.length} relations`);
}
process.exit(failed ? 1 : 0);
