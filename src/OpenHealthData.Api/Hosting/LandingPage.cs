using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Hosting;

/// <summary>GET /: what the data is, where it comes from and where to go next. The facts are read once; the page (<see cref="LandingView"/>) is written in the reader's language.</summary>
public sealed class LandingPage(ListQueries lists, ReferenceCache references, DatabaseInitializer database)
{
    private readonly Lazy<LandingFacts> _facts = new(() => Read(lists, references, database.Status));

    public LandingFacts Facts => _facts.Value;

    private static LandingFacts Read(ListQueries lists, ReferenceCache references, DatabaseStatus status)
    {
        var figures = lists.List(Shapes.Observation, null, [], ["sourceId", "regionCode", "year"]);
        var bySource = figures.CountBy(o => o.SourceId).ToDictionary();
        var byRegion = figures.CountBy(o => o.RegionCode).ToDictionary();
        var regionTable = references.Table<Region>()!;
        var regions = regionTable.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var sources = references.Table<Source>()!.Values.OrderBy(s => s.RegionCode, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        foreach (var s in sources) s.Region ??= regionTable.GetValueOrDefault(s.RegionCode);
        var (firstYear, lastYear) = figures.Count > 0 ? (figures.Min(o => o.Year), figures.Max(o => o.Year)) : (0, 0);
        return new LandingFacts(firstYear == lastYear ? $"{firstYear}" : $"{firstYear}–{lastYear}", status,
            [.. sources.Select(s => (s, bySource.GetValueOrDefault(s.Id)))], [.. regions.Select(r => (r, byRegion.GetValueOrDefault(r.Code)))]);
    }
}
