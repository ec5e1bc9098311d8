// The operation shown in the editor on first visit (GraphiQL keeps the user's own edits in localStorage afterwards).
export const DEFAULT_QUERY = `# Yueqing's (region 330382) latest achieved figures (kind "actual", not targets),
# each with its wording, quote, whole sentence, metric and source.
{
  observations(
    first: 5
    where: { region: { code: { eq: "330382" } }, kind: { eq: "actual" } }
    order: [{ year: DESC }]
  ) {
    nodes {
      year
      kind
      value
      unit
      valueAsWritten
      quote
      sentence
      metric {
        nameEn
        nameZh
      }
      region {
        nameEn
      }
      source {
        titleEn
      }
    }
  }
}
`;

// A query handed over in the address, /graphql#query=… (the explorer's "open in IDE" link): opened in a tab of its own.
export const LINKED_QUERY = new URLSearchParams(window.location.hash.slice(1)).get('query') ?? undefined;
