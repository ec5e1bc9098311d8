using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>The operators of the filter language, one row each, in the order the GraphQL inputs list them.</summary>
public static class FilterOperators
{
    public static readonly FilterOperator Eq = new("eq", "Equal to (null: is null).", ColumnTraits.Equatable, false, true, Expression.Equal, "column = @value");
    public static readonly FilterOperator Neq = new("neq", "Not equal to (null: is not null).", ColumnTraits.Equatable, false, true, Expression.NotEqual, "column <> @value");
    public static readonly FilterOperator In = new("in", "One of the values.", ColumnTraits.Listable, true, false, Contains, "column IN (@value, …)");
    public static readonly FilterOperator Nin = new("nin", "None of the values.", ColumnTraits.Listable, true, false, (m, v) => Expression.Not(Contains(m, v)), "column NOT IN (@value, …)");
    public static readonly FilterOperator Gt = new("gt", "Greater than.", ColumnTraits.Ordered, false, false, Expression.GreaterThan, "column > @value");
    public static readonly FilterOperator Gte = new("gte", "Greater than or equal to.", ColumnTraits.Ordered, false, false, Expression.GreaterThanOrEqual, "column >= @value");
    public static readonly FilterOperator Lt = new("lt", "Less than.", ColumnTraits.Ordered, false, false, Expression.LessThan, "column < @value");
    public static readonly FilterOperator Lte = new("lte", "Less than or equal to.", ColumnTraits.Ordered, false, false, Expression.LessThanOrEqual, "column <= @value");
    public static readonly FilterOperator ContainsText = new("contains", "Contains the text (case-sensitive).", ColumnTraits.Text, false, false,
        (m, v) => Text(m, nameof(string.Contains), v), "column IS NOT NULL AND instr(column, @value) > 0");
    public static readonly FilterOperator NotContainsText = new("ncontains", "Does not contain the text.", ColumnTraits.Text, false, false,
        (m, v) => Expression.Not(Text(m, nameof(string.Contains), v)), "column IS NULL OR instr(column, @value) <= 0");
    public static readonly FilterOperator StartsWith = new("startsWith", "Starts with the text.", ColumnTraits.Text, false, false,
        (m, v) => Text(m, nameof(string.StartsWith), v), "column IS NOT NULL AND column LIKE 'value%' ESCAPE '\\'");
    public static readonly FilterOperator NotStartsWith = new("nstartsWith", "Does not start with the text.", ColumnTraits.Text, false, false,
        (m, v) => Expression.Not(Text(m, nameof(string.StartsWith), v)), "column IS NULL OR column NOT LIKE 'value%' ESCAPE '\\'");
    public static readonly FilterOperator EndsWith = new("endsWith", "Ends with the text.", ColumnTraits.Text, false, false,
        (m, v) => Text(m, nameof(string.EndsWith), v), "column IS NOT NULL AND column LIKE '%value' ESCAPE '\\'");
    public static readonly FilterOperator NotEndsWith = new("nendsWith", "Does not end with the text.", ColumnTraits.Text, false, false,
        (m, v) => Expression.Not(Text(m, nameof(string.EndsWith), v)), "column IS NULL OR column NOT LIKE '%value' ESCAPE '\\'");

    public static readonly FilterOperator Has = new("has", "Has every one of these dimension values (and maybe others), e.g. [{ name: \"population\", value: \"key_groups\" }].",
        ColumnTraits.Dimensions, true, false, (m, _) => m, "instr(column, @value) > 0 — one per pair, joined by AND")
    {
        // Each pair is matched as "name":"value" in the canonical text (keys sorted), one SQL parameter each.
        ReadOperand = raw => raw switch
        {
            KeyValuePair<string, string> pair => Data.Model.Dimensions.Fragment(pair.Key, pair.Value),
            IDictionary<string, object?> d when d.TryGetValue("name", out var n) && n is string name && d.TryGetValue("value", out var v) && v is string value =>
                Data.Model.Dimensions.Fragment(name, value),
            _ => null,
        },
        TranslateEach = (member, fragments) => fragments.Aggregate((Expression)Expression.Constant(true),
            (all, fragment) => Expression.AndAlso(all, Text(member, nameof(string.Contains), Filtering.Parameter(fragment, typeof(string))))),
    };

    public static readonly IReadOnlyList<FilterOperator> All =
        [Eq, Neq, In, Nin, Gt, Gte, Lt, Lte, ContainsText, NotContainsText, StartsWith, NotStartsWith, EndsWith, NotEndsWith, Has];

    /// <summary><c>values.Contains(column)</c>: EF Core sends the list as one JSON parameter.</summary>
    private static Expression Contains(Expression member, Expression values) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], values, member);

    /// <summary>A text test that is false for a missing value (SQL's NULL would make its negation unknown, not true).</summary>
    private static Expression Text(Expression member, string method, Expression argument) =>
        Expression.AndAlso(
            Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
            Expression.Call(member, typeof(string).GetMethod(method, [typeof(string)])!, argument));
}
