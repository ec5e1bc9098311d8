// Same-origin fetcher for the OpenHealthData GraphQL endpoint.
// POST /graphql with a JSON body; prefers the GraphQL-over-HTTP media type, falls back to plain JSON.
export const GRAPHQL_ENDPOINT = '/graphql';

export async function fetcher(graphQLParams, opts = {}) {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/graphql-response+json, application/json',
      ...(opts.headers ?? {}),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      query: graphQLParams.query,
      operationName: graphQLParams.operationName ?? null,
      variables: graphQLParams.variables ?? null,
    }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Not a GraphQL response (proxy error page, 5xx, ...): show it in the result pane instead of failing silently.
    return {
      errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 2000)}` }],
    };
  }
}
