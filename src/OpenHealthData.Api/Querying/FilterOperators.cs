using System.Collections;
using System.Text;
using System.Text.Json;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// The operators of the filter language, one row each, in the order the GraphQL inputs list them. One rule for
/// text: every text operator compares exactly, character by character (case-sensitive: "Yueqing" does not match
/// "yueqing"; Chinese has no case). One rule for missing values: a positive operator never matches a missing value
/// (except eq null, and in with null in its list); its negation matches exactly the other rows, missing values included.
/// </summary>
public static class FilterOperators
{
    public static readonly FilterOperator Eq = new("eq", "Equal to (null: is missing).", ColumnTraits.Equatable, false)
    {
        Write = (column, value) => Sql.Of($"{column} = {value}"),
        AcceptsNull = true,
        NullRule = "`eq: null` matches the missing values; any other value never matches a missing one.",
    };
    public static readonly FilterOperator Neq = Not(Eq, "neq", "Not equal to (null: is not missing).");

    public static readonly FilterOperator In = new("in", "One of the values.", ColumnTraits.Listable, true)
    {
        // The list is one parameter (a JSON array): one statement text however long the list.
        Write = (column, values) => Sql.Of($"{column} IN (SELECT value FROM json_each({JsonList(values)}))"),
        AcceptsNull = true,
        NullRule = "A null in the list means \"or is missing\"; without one, a missing value never matches.",
    };
    public static readonly FilterOperator Nin = Not(In, "nin", "None of the values.");

    public static readonly FilterOperator Gt = Ordered("gt", "Greater than.", (c, v) => Sql.Of($"{c} > {v}"));
    public static readonly FilterOperator Gte = Ordered("gte", "Greater than or equal to.", (c, v) => Sql.Of($"{c} >= {v}"));
    public static readonly FilterOperator Lt = Ordered("lt", "Less than.", (c, v) => Sql.Of($"{c} < {v}"));
    public static readonly FilterOperator Lte = Ordered("lte", "Less than or equal to.", (c, v) => Sql.Of($"{c} <= {v}"));

    public static readonly FilterOperator ContainsText = Text("contains", "Contains the text.", (c, v) => Sql.Of($"instr({c}, {v}) > 0"));
    public static readonly FilterOperator NotContainsText = Not(ContainsText, "ncontains", "Does not contain the text.");
    // substr and length count characters, as instr does: no pattern, so no character is special and no case is folded.
    public static readonly FilterOperator StartsWith = Text("startsWith", "Starts with the text.", (c, v) => Sql.Of($"substr({c}, 1, length({v})) = {v}"));
    public static readonly FilterOperator NotStartsWith = Not(StartsWith, "nstartsWith", "Does not start with the text.");
    public static readonly FilterOperator EndsWith = Text("endsWith", "Ends with the text.", (c, v) => Sql.Of($"substr({c}, length({c}) - length({v}) + 1) = {v}"));
    public static readonly FilterOperator NotEndsWith = Not(EndsWith, "nendsWith", "Does not end with the text.");

    public static readonly FilterOperator Has = new("has", "Has every one of these dimension values (and maybe others), e.g. [{ name: \"population\", value: \"key_groups\" }].",
        ColumnTraits.Dimensions, true)
    {
        // Each pair is matched as "name":"value" in the canonical text (keys sorted), one SQL parameter each.
        Write = (column, pairs) => ((IEnumerable)pairs).Cast<object>().Select(pair => Sql.Of($"instr({column}, {pair}) > 0")).ToList() is { Count: > 0 } each
            ? Sql.Join(" AND ", each) : Sql.True,
        ReadOperand = raw => raw switch
        {
            KeyValuePair<string, string> pair => Data.Model.Dimensions.Fragment(pair.Key, pair.Value),
            IDictionary<string, object?> d when d.TryGetValue("name", out var n) && n is string name && d.TryGetValue("value", out var v) && v is string value =>
                Data.Model.Dimensions.Fragment(name, value),
            _ => null,
        },
        NullRule = "An empty list matches every row.",
    };

    public static readonly IReadOnlyList<FilterOperator> All =
        [Eq, Neq, In, Nin, Gt, Gte, Lt, Lte, ContainsText, NotContainsText, StartsWith, NotStartsWith, EndsWith, NotEndsWith, Has];

    private static FilterOperator Ordered(string name, string description, Func<Sql, object, Sql> write) => new(name, description, ColumnTraits.Ordered, false)
    {
        Write = write,
        NullRule = "A missing value never matches.",
    };

    private static FilterOperator Text(string name, string description, Func<Sql, object, Sql> write) => new(name, description + " Case-sensitive.", ColumnTraits.Text, false)
    {
        Write = write,
        NullRule = "A missing value never matches.",
    };

    private static FilterOperator Not(FilterOperator positive, string name, string description) => new(name, description, positive.AppliesTo, positive.TakesList)
    {
        Negates = positive,
        AcceptsNull = positive.AcceptsNull,
        NullRule = $"Exactly the rows `{positive.Name}` does not match, missing values included.",
    };

    /// <summary>A list as one JSON array: one parameter and one statement text, however long the list.</summary>
    private static string JsonList(object values) => JsonSerializer.Serialize(((IEnumerable)values).Cast<object?>());

    /// <summary>The text as a LIKE pattern that matches it literally (escape character \): search's short words.</summary>
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
