using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenHealthData.Api.Domain;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>The explorer's current search as the GraphQL query that returns the same figures, to take into the IDE or a program.</summary>
public static class ExploreGraphQL
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The query; <paramref name="metric"/> is what the filter's metric code means (an old code stands for its metric
    /// and the dimensions it stood for, written out here: GraphQL's metric.code takes current codes only).
    /// </summary>
    public static string Query(ExploreQuery q, int first, ResolvedMetric? metric)
    {
        static string S(string value) => JsonSerializer.Serialize(value, Strings);
        var where = new List<string>();
        var f = q.Filter;
        if (f.Year is { } year) where.Add($"year: {{ eq: {year} }}");
        if (f.Kind is { } kind) where.Add($"kind: {{ eq: {S(kind)} }}");
        if (metric is not null)
        {
            where.Add($"metric: {{ code: {{ eq: {S(metric.Metric.Code)} }} }}");
            if (metric.Dimensions.Count > 0)
                where.Add($"dimensions: {{ has: [{string.Join(", ", metric.Dimensions.Select(d => $"{{ name: {S(d.Key)}, value: {S(d.Value)} }}"))}] }}");
        }
        else if (f.Category is { } category) where.Add($"metric: {{ category: {{ eq: {S(category)} }} }}");
        if (f.Source is { } source) where.Add($"source: {{ id: {{ eq: {S(source)} }} }}");
        // A qualifier is an enum value in GraphQL, written bare: only one of the known names is written at all.
        if (f.Qualifier is { } qualifier && Vocabulary.Qualifiers.Contains(qualifier)) where.Add($"qualifier: {{ eq: {qualifier} }}");
        if (f.Headline is { } headline) where.Add($"headline: {{ eq: {(headline ? "true" : "false")} }}");
        var arguments = new List<string>();
        if (q.Q is { } text) arguments.Add($"text: {S(text)}");
        arguments.Add($"first: {first}");
        if (f.WithinRegion is { } region) arguments.Add($"withinRegion: {S(region)}");
        if (where.Count > 0) arguments.Add($"where: {{ {string.Join(", ", where)} }}");
        if (q.Q is null) arguments.Add("order: [{ kind: ASC }, { year: DESC }]"); // as the explorer lists them: actual, change, target
        var field = q.Q is null ? "observations" : "search";
        return new StringBuilder()
            .Append("{\n  ").Append(field).Append("(\n    ").Append(string.Join("\n    ", arguments)).Append("\n  ) {\n")
            .Append("    totalCount\n")
            .Append("    nodes {\n      id year kind qualifier lowerBound upperBound headline value unit valueAsWritten quote quoteEn sentence\n")
            .Append("      metric { code nameZh nameEn }\n      region { code nameZh nameEn }\n      citation\n    }\n")
            .Append("  }\n}\n").ToString();
    }
}
