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
public sealed record Dataset(string Name, IReadOnlyList<Column> Columns, Func<HealthDbContext, ReferenceCache, IEnumerable<object>> Rows)
{
    public static readonly IReadOnlyList<Dataset> All =
    [
        Plain(Shapes.Region),
        Plain(Shapes.Source),
        Plain(Shapes.Institution),
        Plain(Shapes.Programme),
        Plain(Shapes.Metric),
        // References come from memory: joining them would read a report's full text once per figure.
        new("observations", ObservationColumns(), (db, references) => db.Observations.OrderBy(o => o.Id).AsEnumerable().Select(references.Attach)),
    ];

    public static Dataset? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static Dataset Plain<T>(EntityShape<T> shape) where T : class =>
        new(Plural(shape.Name), [.. ShapeColumns(shape)], (db, _) => db.Set<T>().OrderBy(shape.Key).AsEnumerable());

    private static IEnumerable<Column> ShapeColumns<T>(EntityShape<T> shape) => shape.Scalars.Select(s =>
    {
        var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(s.Selector.Body, typeof(object)), s.Selector.Parameters).Compile();
        return new Column(s.Name, row => read((T)row));
    });

    /// <summary>One row per figure with everything a spreadsheet needs to read and cite it.</summary>
    public static IReadOnlyList<Column> ObservationColumns() =>
    [
        .. ShapeColumns(Shapes.Observation),
        Of<Observation>("metricNameZh", o => o.Metric!.NameZh),
        Of<Observation>("metricNameEn", o => o.Metric!.NameEn),
        Of<Observation>("metricCategory", o => o.Metric!.Category),
        Of<Observation>("regionNameZh", o => o.Region!.NameZh),
        Of<Observation>("regionNameEn", o => o.Region!.NameEn),
        Of<Observation>("regionLevel", o => o.Region!.Level),
        Of<Observation>("sourceTitle", o => o.Source!.Title),
        Of<Observation>("sourceTitleEn", o => o.Source!.TitleEn),
        Of<Observation>("sourcePublisher", o => o.Source!.Publisher),
        Of<Observation>("sourceDate", o => o.Source!.Date),
        Of<Observation>("sourceUrl", o => o.Source!.Url),
        Of<Observation>("citation", o => Citation.Format(o, o.Source!)),
    ];

    private static Column Of<T>(string name, Func<T, object?> read) => new(name, row => read((T)row));

    private static string Plural(string name) => name.ToLowerInvariant() + "s";
}
