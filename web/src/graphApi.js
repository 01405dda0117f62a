// The GraphQL queries of the graph view, against the same-origin /graphql.
// The URL is relative to the page, so a server mounted under a path prefix
// works too.

const endpoint = new URL('graphql', document.baseURI).href;

// An error the API returned, with its messages.
export class APIError extends Error {}

// gql runs one operation and returns its data; GraphQL errors throw.
export async function gql(query, variables = {}, signal) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new APIError(`${res.status} ${res.statusText} from ${endpoint}`);
  }
  if (body.errors?.length) {
    throw new APIError(body.errors.map((e) => e.message).join('; '));
  }
  if (!res.ok) throw new APIError(`${res.status} ${res.statusText}`);
  return body.data;
}

const entityFields = 'id name type mentions aliases';

export async function searchEntities(query, signal) {
  const data = await gql(
    `query Search($query: String!) { entities(query: $query, first: 12) { totalCount nodes { ${entityFields} } } }`,
    { query },
    signal,
  );
  return data.entities;
}

// neighborhood returns the Subgraph around the entity called `name`, or null.
// opts: depth, direction, limit, relations (array, empty: any), minConfidence.
export async function neighborhood(name, opts, signal) {
  const vars = {
    name,
    depth: opts.depth ?? 1,
    direction: opts.direction ?? 'BOTH',
    limit: opts.limit ?? 100,
    relations: opts.relations?.length ? opts.relations : null,
    minConfidence: opts.minConfidence > 0 ? opts.minConfidence : null,
  };
  const data = await gql(
    `query Neighborhood($name: String!, $depth: Int, $direction: Direction, $limit: Int, $relations: [String!], $minConfidence: Float) {
      neighborhood(name: $name, depth: $depth, direction: $direction, limit: $limit, relations: $relations, minConfidence: $minConfidence) {
        nodes { ${entityFields} }
        distances
        edges { id subject { id } relation object { id } confidence count negated modality }
        truncated
      }
    }`,
    vars,
    signal,
  );
  return data.neighborhood;
}

// triple returns a triple with a page of its evidence.
export async function triple(id, after = null) {
  const data = await gql(
    `query Triple($id: ID!, $after: String) {
      triple(id: $id) {
        id relation relationText confidence count negated modality attributedTo
        subject { id name type } object { id name type }
        evidence(first: 10, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            text sentence subjectText relationText objectText confidence attributedTo
            document { id title date source url }
          }
        }
      }
    }`,
    { id, after },
  );
  return data.triple;
}

// relations returns every relation with its number of triples, following
// the pages (at the server's default page size, which respects its limits).
export async function relations() {
  const all = [];
  let after = null;
  for (let i = 0; i < 100; i++) {
    const data = await gql(
      `query Relations($after: String) { relations(after: $after) { nodes { relation triples } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    all.push(...data.relations.nodes);
    if (!data.relations.pageInfo.hasNextPage) break;
    after = data.relations.pageInfo.endCursor;
  }
  return all;
}

export async function stats() {
  const data = await gql('{ stats { documents entities triples } }');
  return data.stats;
}
