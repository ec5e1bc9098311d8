// The operation shown in the editor on first visit (GraphiQL keeps the user's own edits in localStorage afterwards).
export const DEFAULT_QUERY = `# The five latest figures for Yueqing (region 330382), with their wording, quote, metric and source.
{
  observations(
    first: 5
    where: { region: { code: { eq: "330382" } } }
    order: [{ year: DESC }]
  ) {
    nodes {
      year
      value
      unit
      valueAsWritten
      quote
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
