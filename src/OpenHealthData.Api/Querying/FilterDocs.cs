using System.Text;
using System.Text.RegularExpressions;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>The filter language's reference, written from the operator and column-type tables (schema/filters.md).</summary>
public static partial class FilterDocs
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Filters

            Generated from the operator table (`src/OpenHealthData.Api/Querying/FilterOperators.cs`), the column types
            (`ColumnTypes.cs`) and the SQL writer (`SqlBuilder.cs`) by `dotnet run --project src/OpenHealthData.Api -- export-schema`;
            a test fails when it drifts.

            `where: { field: { operator: value } }` on every collection and nested list; several fields and several
            operators on one field combine with AND; `and: [...]` and `or: [...]` take lists of filters, `not: {...}`
            takes one; a reference (`region`, `metric`, `source` …) takes the filter of the entity it points to. Every
            value is a SQL parameter. An empty filter object sets no condition.

            ## The rules, everywhere

            1. **Missing values.** A positive operator (`eq`, `in`, `gt`, `contains` …) never matches a missing (null)
               value, except `eq: null` ("is missing") and `in` with `null` in its list ("or is missing"). Each negation
               (`neq`, `nin`, `ncontains`, `nstartsWith`, `nendsWith`, and `not`) matches exactly the rows its positive
               does not, missing values included: `nin: ["a", null]` is "not a, and not missing", `neq: "a"` includes
               the rows where the value is missing. A filter and its `not` always split the rows in two.
            2. **Case.** Every text operator (`eq`, `in`, `contains`, `startsWith`, `endsWith` and their negations)
               compares exactly, character by character: case-sensitive ("Yueqing" is not "yueqing"), no character is
               special (`%`, `_`, `*` are themselves). Chinese has no case; to find English words whatever their case,
               use search (`/api/v1/search`, `search(text:)`).
            3. **Missing references.** A filter through a reference that is missing (a figure about no institution)
               matches nothing, whatever its conditions: `institution: { id: { nin: ["x"] } }` and
               `institution: { id: { nin: ["x"] }, nameEn: { neq: "zz" } }` both match only figures that have an
               institution. To test the reference itself, use the entity filter's own `eq`/`neq`:
               `institution: { eq: null }` (there is none), `institution: { neq: null }` (there is one),
               `institution: { eq: "some-id" }` (that one).
            4. **Cursors.** `after` and `before` take only cursors this API returned for a row of the same query; a
               malformed cursor, or one past the last row, is an error naming the argument (GraphQL `BAD_USER_INPUT`,
               REST 400), never another page.

            ## Operators by column type

            | column type | operators |
            | --- | --- |

            """);
        foreach (var type in new[] { ColumnTypes.String, ColumnTypes.Int, ColumnTypes.Float, ColumnTypes.Boolean })
            text.Append($"| `{type.Name}` ({type.Expected}) | {string.Join(" ", type.Operators.Select(o => $"`{o.Name}`"))} |\n");
        var example = ColumnTypes.Enum("Qualifier", ["EXACT", "AT_LEAST"]);
        text.Append($"| an enum, e.g. `{example.Name}` (one word of its list) | {string.Join(" ", example.Operators.Select(o => $"`{o.Name}`"))} |\n");
        text.Append("""

            ## Operators

            The SQL is what the API sends to SQLite for a column that may be missing (`column`; `@value` is the
            parameter), written by the same code that writes every query.

            | operator | meaning | missing values | needs a column that is | SQL (SQLite) |
            | --- | --- | --- | --- | --- |

            """);
        foreach (var op in FilterOperators.All)
            text.Append($"| `{op.Name}` | {op.Description}{(op.TakesList ? " Takes a list." : "")} | {op.NullRule} | {Traits(op.AppliesTo)} | `{Example(op)}` |\n");
        return text.ToString();
    }

    /// <summary>The SQL of an operator on a nullable column named column, with its parameters shown as @value.</summary>
    public static string Example(FilterOperator op)
    {
        object operand = op == FilterOperators.Has ? new List<object?> { "\"name\":\"value\"" } : op.TakesList ? new List<object?> { "a", "b" } : "value";
        var sql = SqlBuilder.Operation("field", new Operation(op, operand), Sql.Identifier("column"), nullable: true).ToString();
        return ParameterName().Replace(sql.Replace("\"column\"", "column", StringComparison.Ordinal), "@value");
    }

    [GeneratedRegex(@"@p\d+")]
    private static partial Regex ParameterName();

    private static string Traits(ColumnTraits traits) => traits switch
    {
        ColumnTraits.Equatable => "any",
        ColumnTraits.Listable => "any but a yes/no",
        ColumnTraits.Ordered => "a number",
        ColumnTraits.Text => "text",
        _ => traits.ToString(),
    };
}
