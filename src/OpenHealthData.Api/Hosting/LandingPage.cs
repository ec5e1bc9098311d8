using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Hosting;

/// <summary>GET /: what the data is, where it comes from and where to go next. The facts are read once; the page (<see cref="LandingView"/>) is written in the reader's language.</summary>
public sealed class LandingPage(IDbContextFactory<HealthDbContext> factory, DatabaseInitializer database)
{
    private readonly Lazy<LandingFacts> _facts = new(() => Read(factory, database.Status));

    public LandingFacts Facts => _facts.Value;

    private static LandingFacts Read(IDbContextFactory<HealthDbContext> factory, DatabaseStatus status)
    {
        using var db = factory.CreateDbContext();
        var regions = db.Regions.AsNoTracking().OrderBy(r => r.Code).ToList();
        var sources = db.Sources.AsNoTracking().OrderBy(s => s.RegionCode).ToList();
        var byRegion = db.Observations.GroupBy(o => o.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count);
        var bySource = db.Observations.GroupBy(o => o.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count);
        foreach (var s in sources) s.Region = regions.FirstOrDefault(r => r.Code == s.RegionCode);
        var (firstYear, lastYear) = db.Observations.Any() ? (db.Observations.Min(o => o.Year), db.Observations.Max(o => o.Year)) : (0, 0);
        return new LandingFacts(firstYear == lastYear ? $"{firstYear}" : $"{firstYear}–{lastYear}", status,
            [.. sources.Select(s => (s, bySource.GetValueOrDefault(s.Id)))], [.. regions.Select(r => (r, byRegion.GetValueOrDefault(r.Code)))]);
    }
}
