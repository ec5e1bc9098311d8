using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Hosting;

/// <summary>What the landing page says about the data: its years, version and counts, the reports and the regions with their figures.</summary>
public sealed record LandingFacts(string Years, DatabaseStatus Status, IReadOnlyList<(Source Source, int Figures)> Sources, IReadOnlyList<(Region Region, int Figures)> Regions);
