using System.Text;

namespace OpenHealthData.Api.Querying;

/// <summary>The filter language's reference, written from the operator and column-type tables (schema/filters.md).</summary>
public static class FilterDocs
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Filters

            Generated from the operator table (`src/OpenHealthData.Api/Querying/FilterOperators.cs`) and the column types
            (`ColumnTypes.cs`) by `dotnet run --project src/OpenHealthData.Api -- export-schema`; a test fails when it drifts.

            `where: { field: { operator: value } }` on every collection and nested list; several fields and several
            operators on one field combine with AND; `and: [...]` and `or: [...]` take lists of filters; a reference
            (`region`, `metric`, `source` …) takes the filter of the entity it points to. Every value is a SQL parameter.

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

            | operator | meaning | needs a column that is | SQL (SQLite) |
            | --- | --- | --- | --- |

            """);
        foreach (var op in FilterOperators.All)
            text.Append($"| `{op.Name}` | {op.Description}{(op.TakesList ? " Takes a list." : "")}{(op.AcceptsNull ? "" : " Needs a value, not null.")} | {Traits(op.AppliesTo)} | `{op.Sql}` |\n");
        return text.ToString();
    }

    private static string Traits(ColumnTraits traits) => traits switch
    {
        ColumnTraits.Equatable => "any",
        ColumnTraits.Listable => "any but a yes/no",
        ColumnTraits.Ordered => "a number",
        ColumnTraits.Text => "text",
        _ => traits.ToString(),
    };
}
