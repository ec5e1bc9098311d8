using System.Linq.Expressions;
using System.Text.RegularExpressions;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Querying;

/// <summary>
/// The unit tier of the query language: the SQL each operator, combination, reference and order produces
/// (<see cref="SqlBuilder"/>, the one writer of the API's list queries: no web host, no database).
/// </summary>
public sealed partial class OperatorSqlTests
{
    private static ScalarField Field(string name) => Shapes.Observation.FindScalar(name)!;

    /// <summary>The condition on table alias o, and the parameters it sends.</summary>
    private static (string Sql, IReadOnlyList<object?> Parameters) Where(FilterNode? filter)
    {
        var sql = new SqlBuilder();
        return (sql.Condition(filter, "o") ?? "", sql.Parameters);
    }

    public static TheoryData<string> Operators() => [.. FilterOperators.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Operators))]
    public void Each_operator_writes_the_sql_its_row_documents(string name)
    {
        var op = FilterOperators.All.Single(o => o.Name == name);
        var (field, one, many) =
            op == FilterOperators.Has ? (Field("dimensions"), (object)"", new List<object?> { "\"population\":\"key_groups\"" }) // one pair, as read
            : (op.AppliesTo & ColumnTraits.Text) != 0 ? (Field("note"), "a", ["a", "b"])
            : (Field("year"), 2023, [2023, 2024]);

        var (sql, parameters) = Where(FilterNode.Where(field, op, op.TakesList ? many : one));

        // In the documented form: the column as 'column', its parameter as '@value'. A negation on a nullable
        // column also matches a missing value.
        var column = $"o.\"{char.ToUpperInvariant(field.Name[0])}{field.Name[1..]}\"";
        var documented = ParameterName().Replace(sql.Replace(column, "column", StringComparison.Ordinal), "@value");
        Assert.Equal(op.MatchesMissing && SqlNames.IsNullable(field.Selector) ? $"({op.Template} OR column IS NULL)" : op.Template, documented);
        Assert.Single(parameters);
    }

    [Fact]
    public void Operands_become_parameters_lists_one_json_array_and_patterns_escaped()
    {
        Assert.Equal(["[2023,2024]"], Where(FilterNode.Where(Field("year"), FilterOperators.In, new List<object?> { 2023, 2024 })).Parameters);
        Assert.Equal(["50\\%\\_a\\\\b%"], Where(FilterNode.Where(Field("note"), FilterOperators.StartsWith, "50%_a\\b")).Parameters);
        Assert.Equal(["%x"], Where(FilterNode.Where(Field("note"), FilterOperators.EndsWith, "x")).Parameters);
        Assert.Equal(["o.\"Year\" = @p0", "o.\"Year\" = @p0"], new[] { 2023, 1999 }.Select(y => Where(FilterNode.Where(Field("year"), FilterOperators.Eq, y)).Sql));
    }

    [Fact]
    public void Equality_with_null_is_a_null_test()
    {
        Assert.Equal("o.\"Note\" IS NULL", Where(FilterNode.Where(Field("note"), FilterOperators.Eq, null)).Sql);
        Assert.Equal("o.\"Note\" IS NOT NULL", Where(FilterNode.Where(Field("note"), FilterOperators.Neq, null)).Sql);
        var error = Assert.Throws<QueryArgumentException>(() => Where(FilterNode.Where(Field("year"), FilterOperators.Gt, null)));
        Assert.Equal("Operator 'gt' of field 'year' needs a value, not null.", error.Message);
    }

    [Fact]
    public void And_or_and_empty_filters()
    {
        var year = FilterNode.Where(Field("year"), FilterOperators.Eq, 2023);
        var kind = FilterNode.Where(Field("kind"), FilterOperators.Eq, "actual");
        Assert.Equal("(o.\"Year\" = @p0) AND (o.\"Kind\" = @p1)", Where(new FilterNode.AllOf([year, kind])).Sql);
        Assert.Equal("(o.\"Year\" = @p0) OR (o.\"Kind\" = @p1)", Where(new FilterNode.AnyOf([year, kind])).Sql);
        Assert.Equal("", Where(new FilterNode.AllOf([])).Sql);
        Assert.Equal("", Where(new FilterNode.AnyOf([year, new FilterNode.AllOf([])])).Sql); // an empty alternative matches everything
    }

    [Fact]
    public void A_filter_on_a_references_key_reads_the_foreign_key_and_any_other_a_subquery()
    {
        var region = Shapes.Observation.FindReference("region")!;
        var byKey = Where(new FilterNode.Through(region, new FilterNode.AllOf([FilterNode.Where(Shapes.Region.KeyField, FilterOperators.Eq, "330382")]))).Sql;
        Assert.Equal("o.\"RegionCode\" = @p0", byKey);

        var byName = Where(new FilterNode.Through(region, FilterNode.Where(Shapes.Region.FindScalar("nameEn")!, FilterOperators.Eq, "Yueqing City"))).Sql;
        Assert.Equal("o.\"RegionCode\" IN (SELECT t0.\"Code\" FROM \"Regions\" t0 WHERE t0.\"NameEn\" = @p0)", byName);

        // a reference that may be missing: its key's negation also matches the figures without one
        var institution = Shapes.Observation.FindReference("institution")!;
        Assert.Equal("(o.\"InstitutionId\" <> @p0 OR o.\"InstitutionId\" IS NULL)",
            Where(new FilterNode.Through(institution, new FilterNode.AllOf([FilterNode.Where(Shapes.Institution.KeyField, FilterOperators.Neq, "x")]))).Sql);
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
        Assert.Equal("o.\"Year\" DESC, (SELECT t0.\"NameEn\" FROM \"Regions\" t0 WHERE t0.\"Code\" = o.\"RegionCode\"), o.\"Id\"",
            new SqlBuilder().OrderBy(Shapes.Observation, order, "o"));
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
        var (sql, parameters) = Where(new FilterNode.Compare(kind, FilterParser.Operations(kind, new Dictionary<string, object?> { ["in"] = new List<object?> { "actual", "target" } })));
        Assert.Equal("o.\"Kind\" IN (SELECT value FROM json_each(@p0))", sql);
        Assert.Equal(["[\"actual\",\"target\"]"], parameters);
    }

    [Fact]
    public void The_filter_reference_is_generated_from_the_tables_and_committed()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Schema, "filters.md")).ReplaceLineEndings("\n");
        Assert.True(committed == FilterDocs.Markdown(), "schema/filters.md is not what the operator table writes; run: dotnet run --project src/OpenHealthData.Api -- export-schema");
        foreach (var op in FilterOperators.All) Assert.Contains($"| `{op.Name}` | {op.Description}", committed);
    }

    [GeneratedRegex(@"@p\d+")]
    private static partial Regex ParameterName();
}
