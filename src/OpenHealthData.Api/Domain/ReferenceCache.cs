using OpenHealthData.Api.Querying;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Domain;

/// <summary>
/// The small tables (regions, sources, metrics, institutions, programmes), read once and kept in memory:
/// the database never changes while the API runs, and every figure refers to them. Only observations,
/// the one large table, are read per request.
/// </summary>
public sealed class ReferenceCache(ListQueries lists)
{
    private readonly Dictionary<Type, Lazy<object>> _tables = new()
    {
        [typeof(Region)] = Load(lists, Shapes.Region),
        [typeof(Source)] = Load(lists, Shapes.Source),
        [typeof(Metric)] = Load(lists, Shapes.Metric),
        [typeof(Institution)] = Load(lists, Shapes.Institution),
        [typeof(Programme)] = Load(lists, Shapes.Programme),
    };

    /// <summary>The whole table by key, or null for a table that is not cached.</summary>
    public IReadOnlyDictionary<string, T>? Table<T>() where T : class =>
        _tables.TryGetValue(typeof(T), out var table) ? (IReadOnlyDictionary<string, T>)table.Value : null;

    /// <summary>Fills an observation's references from memory: no join, and no report text read per row.</summary>
    public Observation Attach(Observation o) =>
        Attach(o, Table<Metric>()!, Table<Region>()!, Table<Source>()!, Table<Institution>()!, Table<Programme>()!);

    /// <summary>Fills an observation's references from tables by key (a missing one stays null).</summary>
    public static Observation Attach(Observation o, IReadOnlyDictionary<string, Metric> metrics, IReadOnlyDictionary<string, Region> regions,
        IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, Institution> institutions, IReadOnlyDictionary<string, Programme> programmes)
    {
        o.Metric = metrics.GetValueOrDefault(o.MetricCode);
        o.Region = regions.GetValueOrDefault(o.RegionCode);
        o.Source = sources.GetValueOrDefault(o.SourceId);
        o.Institution = o.InstitutionId is null ? null : institutions.GetValueOrDefault(o.InstitutionId);
        o.Programme = o.ProgrammeId is null ? null : programmes.GetValueOrDefault(o.ProgrammeId);
        return o;
    }

    /// <summary>A table by its key, as the entity's shape defines it.</summary>
    private static Lazy<object> Load<T>(ListQueries lists, EntityShape<T> shape) where T : class =>
        new(() => lists.List(shape, null, []).ToDictionary(shape.ReadKey));
}
