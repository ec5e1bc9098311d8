using System.Linq.Expressions;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// A downloadable table. The columns of the plain tables are the entity's public fields
/// (<see cref="EntityShape"/>); observations add the names people need in a spreadsheet.
/// </summary>
/// <param name="Rows">
/// The rows, from the validated seed data the database is built from (so the snapshot can be written while the
/// database is), in the order of the database's <c>ORDER BY</c> on the key (<see cref="SqliteTextOrder"/>).
/// </param>
/// <param name="PrimaryKey">The column that identifies a row.</param>
/// <param name="ForeignKeys">The columns that refer to rows of other datasets.</param>
public sealed record Dataset(string Name, IReadOnlyList<Column> Columns, Func<SeedSet, IEnumerable<object>> Rows,
    string PrimaryKey, IReadOnlyList<ForeignKey> ForeignKeys)
{
    /// <summary>The name of the dataset of every figure.</summary>
    public const string ObservationsName = "observations";

    public static readonly IReadOnlyList<Dataset> All =
    [
        Plain(Shapes.Region, seed => seed.Regions),
        Plain(Shapes.Source, seed => seed.Sources),
        Plain(Shapes.Institution, seed => seed.Institutions),
        Plain(Shapes.Programme, seed => seed.Programmes),
        Plain(Shapes.Metric, seed => seed.Metrics),
        new(ObservationsName, ObservationColumns(), seed => Figures(seed).OrderBy(o => o.Id, SqliteTextOrder.Instance),
            Shapes.Observation.KeyField.Name, [.. ForeignKeysOf(Shapes.Observation), new("partOf", "observations", Shapes.Observation.KeyField.Name)]),
        // Old metric codes: named like their seed-data folder (a data package's resource names are lower case).
        new("metric-aliases", [.. ShapeColumns(Shapes.MetricAlias)], seed => seed.MetricAliases.OrderBy(a => a.Alias, SqliteTextOrder.Instance),
            Shapes.MetricAlias.KeyField.Name, ForeignKeysOf(Shapes.MetricAlias)),
        Comparable(),
    ];

    /// <summary>
    /// The tidy table of like-for-like figures: every figure of a comparable group (<see cref="Comparison.Groups"/>, the
    /// one definition), one row each, with the columns needed to pivot region x year; ordered by group, region, year.
    /// </summary>
    private static Dataset Comparable()
    {
        string[] names = ["metricCode", "metricNameEn", "metricNameZh", "dimensions", "unit", "kind", "regionCode", "regionNameEn", "regionNameZh",
            "regionLevel", "year", "value", "qualifier", "lowerBound", "upperBound", "flags", "nameAsWritten", "valueAsWritten", "quote", "sourceId", "sourceTitleEn", "id"];
        var observations = ObservationColumns();
        var foreignKeys = ForeignKeysOf(Shapes.Observation);
        // Groups and their members are ordered by keys that tell every figure apart: the rows do not depend on the order they come in.
        static IEnumerable<object> Of(SeedSet seed)
        {
            var metrics = seed.Metrics.ToDictionary(m => m.Code);
            return Comparison.Groups(Figures(seed), code => metrics.GetValueOrDefault(code)).SelectMany(g => g.Observations);
        }
        return new("comparable", [.. names.Select(n => observations.Single(c => c.Name == n))], Of,
            Shapes.Observation.KeyField.Name,
            [.. foreignKeys.Where(k => names.Contains(k.Column)), new(Shapes.Observation.KeyField.Name, "observations", Shapes.Observation.KeyField.Name)]);
    }

    /// <summary>The figures with their references attached from the seed's own tables (what the name columns read).</summary>
    private static IEnumerable<Observation> Figures(SeedSet seed)
    {
        var (metrics, regions, sources) = (seed.Metrics.ToDictionary(m => m.Code), seed.Regions.ToDictionary(r => r.Code), seed.Sources.ToDictionary(s => s.Id));
        var (institutions, programmes) = (seed.Institutions.ToDictionary(i => i.Id), seed.Programmes.ToDictionary(p => p.Id));
        return seed.Observations.Select(o => ReferenceCache.Attach(o, metrics, regions, sources, institutions, programmes));
    }

    public static Dataset? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static Dataset Plain<T>(EntityShape<T> shape, Func<SeedSet, IEnumerable<T>> rows) where T : class =>
        new(NameOf(shape), [.. ShapeColumns(shape)], seed => rows(seed).OrderBy(shape.ReadKey, SqliteTextOrder.Instance), shape.KeyField.Name, ForeignKeysOf(shape));

    /// <summary>An entity's references as foreign keys: the scalar field that reads the reference's foreign key property.</summary>
    private static IReadOnlyList<ForeignKey> ForeignKeysOf(EntityShape shape) =>
    [
        .. shape.References.Select(r => (Reference: r, Column: shape.Scalars.FirstOrDefault(s => SameMember(s.Selector, r.ForeignKey))))
            .Where(p => p.Column is not null)
            .Select(p => new ForeignKey(p.Column!.Name, NameOf(Shapes.For(p.Reference.Target)), Shapes.For(p.Reference.Target).KeyField.Name)),
    ];

    private static bool SameMember(LambdaExpression a, LambdaExpression b) =>
        a.Body is MemberExpression x && b.Body is MemberExpression y && x.Member == y.Member;

    private static IEnumerable<Column> ShapeColumns<T>(EntityShape<T> shape) => shape.Scalars.Select(s =>
    {
        var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(s.Selector.Body, typeof(object)), s.Selector.Parameters).Compile();
        // Dimensions and keywords are JSON text: nested in JSON, as text in CSV and Parquet.
        return s.Kind is ScalarKind.DimensionValues or ScalarKind.DimensionDeclarations or ScalarKind.TextList
            ? new Column(s.Name, s.ClrType, s.Description, row => read((T)row) is string text ? new JsonText(text) : null,
                s.Kind is ScalarKind.TextList ? "array" : "object")
            : new Column(s.Name, s.ClrType, s.Description, row => read((T)row));
    });

    /// <summary>One row per figure with everything a spreadsheet needs to read and cite it.</summary>
    public static IReadOnlyList<Column> ObservationColumns() =>
    [
        .. ShapeColumns(Shapes.Observation),
        Of<Observation>("metricNameZh", "Metric name in Chinese.", o => o.Metric!.NameZh),
        Of<Observation>("metricNameEn", "Metric name in English.", o => o.Metric!.NameEn),
        Of<Observation>("metricCategory", "Metric category, e.g. maternal_child_health.", o => o.Metric!.Category),
        Of<Observation>("regionNameZh", "Region name in Chinese.", o => o.Region!.NameZh),
        Of<Observation>("regionNameEn", "Region name in English.", o => o.Region!.NameEn),
        Of<Observation>("regionLevel", "Region level: country, province, prefecture or county.", o => o.Region!.Level),
        Of<Observation>("sourceTitle", "Title of the report, as written.", o => o.Source!.Title),
        Of<Observation>("sourceTitleEn", "Title of the report in English.", o => o.Source!.TitleEn),
        Of<Observation>("sourcePublisher", "Publisher of the report, as written.", o => o.Source!.Publisher),
        Of<Observation>("sourceDate", "Date of the report (YYYY, YYYY-MM or YYYY-MM-DD).", o => o.Source!.Date),
        Of<Observation>("sourceUrl", "Link to the report, where known.", o => o.Source!.Url),
        Of<Observation>("citation", "A ready-made citation: publisher, title, date, quote and link.", o => Citation.Format(o, o.Source!)),
    ];

    private static Column Of<T>(string name, string description, Func<T, string?> read) => new(name, typeof(string), description, row => read((T)row));


    /// <summary>The dataset of an entity's rows: its name in the plural, e.g. observations.</summary>
    public static string NameOf(EntityShape shape) => shape.Name.ToLowerInvariant() + "s";
}
