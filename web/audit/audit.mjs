// Runs the GraphQL-over-HTTP audit of graphql-http (the spec's server
// audits: https://graphql.github.io/graphql-over-http/draft/) against a
// GraphQL endpoint and prints the results as JSON, one object per audit:
// {"id", "name", "status": "ok" | "notice" | "warn" | "error", "reason"?}.
//
//   node web/audit/audit.mjs http://127.0.0.1:8080/graphql
//
// Exit status: 0 when the audit ran (whatever its results), 2 on misuse.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = await auditServer({ url });
const out = results.map(({ id, name, status, reason }) =>
  status === 'ok' ? { id, name, status } : { id, name, status, reason },
);
console.log(JSON.stringify(out, null, 2));
