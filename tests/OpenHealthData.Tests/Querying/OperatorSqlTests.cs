using System.Linq.Expressions;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Querying;

/// <summary>
/// The unit tier of the query language: parsing, parameters, orders and the generated reference (no web host, no
/// database). Whether each operator's SQL selects the right rows is the differential test's job (Differential/).
/// </summary>
public sealed class OperatorSqlTests
{
    private static ScalarField Field(string name) => Shapes.Observation.FindScalar(name)!;

    /// <summary>The condition on table alias o, and the parameters it sends.</summary>
    private static (string Sql, IReadOnlyList<object?> Parameters) Where(FilterNode? filter) =>
        new SqlBuilder().Condition(filter, Shapes.Observation, Sql.Identifier("o"))?.Render() ?? ("", []);

    [Fact]
    public void Operands_are_parameters_and_one_shape_is_one_statement_text_whatever_its_values()
    {
        Assert.Equal(["[2023,2024]"], Where(FilterNode.Where(Field("year"), FilterOperators.In, new List<object?> { 2023, 2024 })).Parameters);
        // a text operator's operand is the text itself: nothing to escape, no pattern
        Assert.Equal(["50%_a\\b", "50%_a\\b"], Where(FilterNode.Where(Field("note"), FilterOperators.StartsWith, "50%_a\\b")).Parameters);
        Assert.Single(new[] { 2023, 1999 }.Select(y => Where(FilterNode.Where(Field("year"), FilterOperators.Eq, y)).Sql).Distinct());
        var hostile = Where(FilterNode.Where(Field("note"), FilterOperators.ContainsText, "'; DROP TABLE x; --"));
        Assert.DoesNotContain("DROP", hostile.Sql);
    }

    [Fact]
    public void An_operator_that_needs_a_value_says_so()
    {
        var error = Assert.Throws<QueryArgumentException>(() => Where(FilterNode.Where(Field("year"), FilterOperators.Gt, null)));
        Assert.Equal("Operator 'gt' of field 'year' needs a value, not null.", error.Message);
        Assert.Throws<QueryArgumentException>(() => Where(FilterNode.Where(Field("dimensions"), FilterOperators.Has, new List<object?> { null })));
    }

    [Fact]
    public void The_parser_reads_names_operators_and_values_once_and_says_what_is_wrong()
    {
        var node = FilterParser.Parse(Shapes.Observation, new Dictionary<string, object?>
        {
            ["year"] = new Dictionary<string, object?> { ["gte"] = 2023L, ["in"] = new List<object?> { "2023", 2024 } },
            ["region"] = new Dictionary<string, object?> { ["code"] = new Dictionary<string, object?> { ["eq"] = "330382" } },
        });
        Assert.Equal("and(year{gte:2023,in:[2023,2024]},region.and(code{eq:\"330382\"}))", node!.ToString());

        Assert.Equal("'nope' is not a field of ObservationFilterInput.",
            Assert.Throws<QueryArgumentException>(() => FilterParser.Parse(Shapes.Observation, new Dictionary<string, object?> { ["nope"] = null })).Message);
        Assert.Equal("'contains' is not an operator of field 'year'; use one of: eq, neq, in, nin, gt, gte, lt, lte.",
            Assert.Throws<QueryArgumentException>(() => FilterParser.Operations(Field("year"), new Dictionary<string, object?> { ["contains"] = 1 })).Message);
        Assert.Equal("'20x3' is not a valid value for 'eq' on field 'year' (whole number).",
            Assert.Throws<QueryArgumentException>(() => FilterParser.Operations(Field("year"), new Dictionary<string, object?> { ["eq"] = "20x3" })).Message);
    }

    [Fact]
    public void Sort_keys_end_with_the_key_and_follow_references()
    {
        var order = Sorting.Parse(Shapes.Observation, [new Dictionary<string, object?> { ["year"] = "DESC" }, new Dictionary<string, object?> { ["region"] = new Dictionary<string, object?> { ["nameEn"] = "ASC" } }]);
        Assert.Equal(["year DESC", "region.nameEn ASC"], order.Select(k => k.ToString()));
        Assert.Equal("\"o\".\"Year\" DESC, (SELECT \"t0\".\"NameEn\" FROM \"Regions\" \"t0\" WHERE \"t0\".\"Code\" = \"o\".\"RegionCode\"), \"o\".\"Id\"",
            new SqlBuilder().OrderBy(Shapes.Observation, order, Sql.Identifier("o")).ToString());
    }

    [Fact]
    public void A_new_column_type_is_one_row_an_enum_and_a_yes_no()
    {
        var kinds = ColumnTypes.Enum("Kind", Vocabulary.ObservationKinds);
        Assert.Equal(["eq", "neq", "in", "nin"], kinds.Operators.Select(o => o.Name));
        Assert.Equal(["eq", "neq"], ColumnTypes.Boolean.Operators.Select(o => o.Name));
        Assert.Equal(true, ColumnTypes.Boolean.Read("true"));
        Assert.Null(ColumnTypes.Boolean.Read("yes"));

        // A text column declared as an enum: its values are checked against the list, and its SQL is plain equality.
        var kind = new ScalarField("kind", "actual, target or change.", (Expression<Func<Observation, string>>)(o => o.Kind), ScalarKind.Enum, Vocabulary.ObservationKinds);
        Assert.Equal(kinds, kind.Type);
        Assert.Equal("'planned' is not a valid value for 'eq' on field 'kind' (one of actual, change, target).",
            Assert.Throws<QueryArgumentException>(() => FilterParser.Operations(kind, new Dictionary<string, object?> { ["eq"] = "planned" })).Message);
        var (_, parameters) = Where(new FilterNode.Compare(kind, FilterParser.Operations(kind, new Dictionary<string, object?> { ["in"] = new List<object?> { "actual", "target" } })));
        Assert.Equal(["[\"actual\",\"target\"]"], parameters);
    }

    [Fact]
    public void The_filter_reference_is_generated_from_the_tables_and_committed()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Schema, "filters.md")).ReplaceLineEndings("\n");
        Assert.True(committed == FilterDocs.Markdown(), "schema/filters.md is not what the operator table writes; run: dotnet run --project src/OpenHealthData.Api -- export-schema");
        foreach (var op in FilterOperators.All) Assert.Contains($"| `{op.Name}` | {op.Description}", committed);
    }
}
