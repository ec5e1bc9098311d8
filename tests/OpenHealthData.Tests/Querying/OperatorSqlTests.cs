using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Querying;

/// <summary>
/// The unit tier of the query language: the SQL each operator, combination, reference and order produces
/// (EF Core's ToQueryString on an in-memory SQLite context: no web host, no database file).
/// </summary>
public sealed partial class OperatorSqlTests : IDisposable
{
    private readonly HealthDbContext _db = new(new DbContextOptionsBuilder<HealthDbContext>().UseSqlite("Data Source=:memory:").Options);

    public void Dispose() => _db.Dispose();

    private static ScalarField Field(string name) => Shapes.Observation.FindScalar(name)!;

    private string Where(FilterNode? filter)
    {
        var sql = _db.Observations.Where(filter).ToQueryString();
        return sql.Contains("WHERE", StringComparison.Ordinal) ? sql[(sql.IndexOf("WHERE", StringComparison.Ordinal) + 6)..].Trim() : "";
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

        var sql = Where(FilterNode.Where(field, op, op.TakesList ? many : one));

        // In the documented form: the column as 'column', parameters as '@value', a list of them as '@value, …'.
        var column = $"\"o\".\"{char.ToUpperInvariant(field.Name[0])}{field.Name[1..]}\"";
        var documented = sql.Replace(column, "column", StringComparison.Ordinal)
            .Replace("@Value_startswith", "'value%'", StringComparison.Ordinal).Replace("@Value_endswith", "'%value'", StringComparison.Ordinal);
        documented = ParameterList().Replace(ParameterName().Replace(documented, "@value"), "@value, …");
        Assert.Equal(op.Sql.Split(" — ")[0], documented); // has: the SQL of one pair (the docs say how pairs combine)
    }

    [Fact]
    public void Equality_with_null_is_a_null_test()
    {
        Assert.Equal("\"o\".\"Note\" IS NULL", Where(FilterNode.Where(Field("note"), FilterOperators.Eq, null)));
        Assert.Equal("\"o\".\"Note\" IS NOT NULL", Where(FilterNode.Where(Field("note"), FilterOperators.Neq, null)));
        var error = Assert.Throws<QueryArgumentException>(() => Where(FilterNode.Where(Field("year"), FilterOperators.Gt, null)));
        Assert.Equal("Operator 'gt' of field 'year' needs a value, not null.", error.Message);
    }

    [Fact]
    public void And_or_and_empty_filters()
    {
        var year = FilterNode.Where(Field("year"), FilterOperators.Eq, 2023);
        var kind = FilterNode.Where(Field("kind"), FilterOperators.Eq, "actual");
        Assert.Equal("\"o\".\"Year\" = @Value AND \"o\".\"Kind\" = @Value1", Where(new FilterNode.AllOf([year, kind])));
        Assert.Equal("\"o\".\"Year\" = @Value OR \"o\".\"Kind\" = @Value1", Where(new FilterNode.AnyOf([year, kind])));
        Assert.Equal("", Where(new FilterNode.AllOf([])));
        Assert.Equal("", Where(new FilterNode.AnyOf([year, new FilterNode.AllOf([])]))); // an empty alternative matches everything
    }

    [Fact]
    public void A_filter_on_a_references_key_reads_the_foreign_key_and_any_other_joins()
    {
        var region = Shapes.Observation.FindReference("region")!;
        var byKey = _db.Observations.Where(new FilterNode.Through(region, new FilterNode.AllOf([FilterNode.Where(Shapes.Region.KeyField, FilterOperators.Eq, "330382")]))).ToQueryString();
        Assert.DoesNotContain("JOIN", byKey, StringComparison.Ordinal);
        Assert.Contains("\"o\".\"RegionCode\" = @Value", byKey, StringComparison.Ordinal);

        var byName = _db.Observations.Where(new FilterNode.Through(region, FilterNode.Where(Shapes.Region.FindScalar("nameEn")!, FilterOperators.Eq, "Yueqing City"))).ToQueryString();
        Assert.Contains("JOIN \"Regions\"", byName, StringComparison.Ordinal);
        Assert.Contains(".\"NameEn\" = @Value", byName, StringComparison.Ordinal);
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
        var sql = _db.Observations.OrderBy(Shapes.Observation, order).ToQueryString();
        Assert.Matches("ORDER BY \"o\".\"Year\" DESC, \"r\".\"NameEn\", \"o\".\"Id\"$", sql.Trim());
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
        Assert.Equal("\"o\".\"Kind\" IN (@Value1, @Value2)",
            Where(new FilterNode.Compare(kind, FilterParser.Operations(kind, new Dictionary<string, object?> { ["in"] = new List<object?> { "actual", "target" } }))));
    }

    [Fact]
    public void A_feature_adds_its_own_condition_as_a_predicate_node()
    {
        // What a full-text search argument does: the ids its index matched, as one more condition.
        var matched = new List<string> { "a-001", "b-002" };
        var search = new FilterNode.Predicate("search:\"医\"", (Expression<Func<Observation, bool>>)(o => matched.Contains(o.Id)));
        var filter = FilterNode.And(FilterNode.Where(Field("year"), FilterOperators.Eq, 2023), search);

        Assert.Equal("and(year{eq:2023},search:\"医\")", filter!.ToString());
        Assert.Matches(@"^""o"".""Year"" = @Value AND ""o"".""Id"" IN \(@matched1, @matched2\)$", Where(filter));
    }

    [Fact]
    public void The_filter_reference_is_generated_from_the_tables_and_committed()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Schema, "filters.md")).ReplaceLineEndings("\n");
        Assert.True(committed == FilterDocs.Markdown(), "schema/filters.md is not what the operator table writes; run: dotnet run --project src/OpenHealthData.Api -- export-schema");
        foreach (var op in FilterOperators.All) Assert.Contains($"| `{op.Name}` | {op.Description}", committed);
    }

    [GeneratedRegex(@"@Value\d*")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"@value(, @value)+")]
    private static partial Regex ParameterList();
}
