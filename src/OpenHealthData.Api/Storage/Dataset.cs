using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// A downloadable table. The columns of the plain tables are the entity's public fields
/// (<see cref="EntityShape"/>); observations add the names people need in a spreadsheet.
/// </summary>
/// <param name="Shape">The entity whose rows these are, for the primary and foreign keys; null for a derived table.</param>
public sealed record Dataset(string Name, IReadOnlyList<Column> Columns, Func<HealthDbContext, ReferenceCache, IEnumerable<object>> Rows, EntityShape? Shape)
{
    public static readonly IReadOnlyList<Dataset> All =
    [
        Plain(Shapes.Region),
        Plain(Shapes.Source),
        Plain(Shapes.Institution),
        Plain(Shapes.Programme),
        Plain(Shapes.Metric),
        // References come from memory: joining them would read a report's full text once per figure.
        new("observations", ObservationColumns(), (db, references) => db.Observations.OrderBy(o => o.Id).AsEnumerable().Select(references.Attach), Shapes.Observation),
    ];

    public static Dataset? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static Dataset Plain<T>(EntityShape<T> shape) where T : class =>
        new(NameOf(shape), [.. ShapeColumns(shape)], (db, _) => db.Set<T>().OrderBy(shape.Key).AsEnumerable(), shape);

    private static IEnumerable<Column> ShapeColumns<T>(EntityShape<T> shape) => shape.Scalars.Select(s =>
    {
        var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(s.Selector.Body, typeof(object)), s.Selector.Parameters).Compile();
        return new Column(s.Name, s.ClrType, s.Description, row => read((T)row));
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
