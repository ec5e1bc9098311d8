using System.Text;
using System.Text.Json;

namespace OpenHealthData.Api.Querying;

/// <summary>The operators of the filter language, one row each, in the order the GraphQL inputs list them.</summary>
public static class FilterOperators
{
    public static readonly FilterOperator Eq = new("eq", "Equal to (null: is null).", ColumnTraits.Equatable, false, true, "column = @value") { NullSql = "column IS NULL" };
    public static readonly FilterOperator Neq = new("neq", "Not equal to (null: is not null).", ColumnTraits.Equatable, false, true, "column <> @value")
    {
        NullSql = "column IS NOT NULL",
        MatchesMissing = true,
    };
    public static readonly FilterOperator In = new("in", "One of the values.", ColumnTraits.Listable, true, false,
        "column IN (SELECT value FROM json_each(@value)) — the list is one parameter, a JSON array") { Parameter = JsonList };
    public static readonly FilterOperator Nin = new("nin", "None of the values.", ColumnTraits.Listable, true, false,
        "column NOT IN (SELECT value FROM json_each(@value)) — the list is one parameter, a JSON array") { Parameter = JsonList, MatchesMissing = true };
    public static readonly FilterOperator Gt = new("gt", "Greater than.", ColumnTraits.Ordered, false, false, "column > @value");
    public static readonly FilterOperator Gte = new("gte", "Greater than or equal to.", ColumnTraits.Ordered, false, false, "column >= @value");
    public static readonly FilterOperator Lt = new("lt", "Less than.", ColumnTraits.Ordered, false, false, "column < @value");
    public static readonly FilterOperator Lte = new("lte", "Less than or equal to.", ColumnTraits.Ordered, false, false, "column <= @value");
    public static readonly FilterOperator ContainsText = new("contains", "Contains the text (case-sensitive).", ColumnTraits.Text, false, false,
        "column IS NOT NULL AND instr(column, @value) > 0");
    public static readonly FilterOperator NotContainsText = new("ncontains", "Does not contain the text.", ColumnTraits.Text, false, false,
        "column IS NULL OR instr(column, @value) <= 0");
    public static readonly FilterOperator StartsWith = new("startsWith", "Starts with the text.", ColumnTraits.Text, false, false,
        "column IS NOT NULL AND column LIKE @value ESCAPE '\\' — @value is the text with % _ \\ escaped, then %") { Parameter = v => LikeLiteral((string)v) + "%" };
    public static readonly FilterOperator NotStartsWith = new("nstartsWith", "Does not start with the text.", ColumnTraits.Text, false, false,
        "column IS NULL OR column NOT LIKE @value ESCAPE '\\' — @value is the text with % _ \\ escaped, then %") { Parameter = v => LikeLiteral((string)v) + "%" };
    public static readonly FilterOperator EndsWith = new("endsWith", "Ends with the text.", ColumnTraits.Text, false, false,
        "column IS NOT NULL AND column LIKE @value ESCAPE '\\' — @value is % then the text with % _ \\ escaped") { Parameter = v => "%" + LikeLiteral((string)v) };
    public static readonly FilterOperator NotEndsWith = new("nendsWith", "Does not end with the text.", ColumnTraits.Text, false, false,
        "column IS NULL OR column NOT LIKE @value ESCAPE '\\' — @value is % then the text with % _ \\ escaped") { Parameter = v => "%" + LikeLiteral((string)v) };

    public static readonly FilterOperator Has = new("has", "Has every one of these dimension values (and maybe others), e.g. [{ name: \"population\", value: \"key_groups\" }].",
        ColumnTraits.Dimensions, true, false, "instr(column, @value) > 0 — one per pair, joined by AND")
    {
        // Each pair is matched as "name":"value" in the canonical text (keys sorted), one SQL parameter each.
        ReadOperand = raw => raw switch
        {
            KeyValuePair<string, string> pair => Data.Model.Dimensions.Fragment(pair.Key, pair.Value),
            IDictionary<string, object?> d when d.TryGetValue("name", out var n) && n is string name && d.TryGetValue("value", out var v) && v is string value =>
                Data.Model.Dimensions.Fragment(name, value),
            _ => null,
        },
        EachValue = true,
    };

    public static readonly IReadOnlyList<FilterOperator> All =
        [Eq, Neq, In, Nin, Gt, Gte, Lt, Lte, ContainsText, NotContainsText, StartsWith, NotStartsWith, EndsWith, NotEndsWith, Has];

    /// <summary>A list as one JSON array: one parameter and one statement text, however long the list.</summary>
    private static object JsonList(object values) => JsonSerializer.Serialize(((System.Collections.IEnumerable)values).Cast<object?>());

    /// <summary>The text as a LIKE pattern that matches it literally (escape character \): the text operators and search's short words.</summary>
    public static string LikeLiteral(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
