using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Storage;

/// <summary>The tidy <c>comparable</c> snapshot: exactly the figures of the comparable groups, ready to pivot.</summary>
[Collection(ApiCollection.Name)]
public sealed class ComparableDatasetTests(ApiFactory api)
{
    private static string Current => SeedHash.Compute(RepoPaths.SeedData);

    [Fact]
    public async Task Holds_every_figure_of_every_comparable_group_in_group_order_and_nothing_else()
    {
        var rows = JsonDocument.Parse(await api.CreateClient().GetStringAsync($"/api/v1/snapshots/{Current}/comparable.json")).RootElement.EnumerateArray().ToList();
        await using var db = api.OpenDatabase();
        var metrics = await db.Metrics.ToDictionaryAsync(m => m.Code);
        var groups = Comparison.Groups(await db.Observations.ToListAsync(), metrics.GetValueOrDefault);

        Assert.NotEmpty(groups);
        Assert.Equal(groups.SelectMany(g => g.Observations).Select(o => o.Id), rows.Select(r => r.GetProperty("id").GetString()));
        foreach (var group in rows.GroupBy(r => (Metric: r.GetProperty("metricCode").GetString(), Dimensions: r.GetProperty("dimensions").GetRawText(),
                     Unit: r.GetProperty("unit").GetString(), Kind: r.GetProperty("kind").GetString())))
        {
            Assert.True(group.Select(r => r.GetProperty("regionCode").GetString()).Distinct().Count() >= 2, $"{group.Key} has one region");
            Assert.All(group, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("quote").GetString())));
        }
    }

    [Fact]
    public async Task Rows_carry_the_values_and_names_of_their_observations()
    {
        var rows = JsonDocument.Parse(await api.CreateClient().GetStringAsync($"/api/v1/snapshots/{Current}/comparable.json")).RootElement.EnumerateArray().ToList();
        await using var db = api.OpenDatabase();
        var observations = await db.Observations.Include(o => o.Region).Include(o => o.Metric).ToDictionaryAsync(o => o.Id);
        foreach (var row in rows)
        {
            var o = observations[row.GetProperty("id").GetString()!];
            Assert.Equal(o.Value, row.GetProperty("value").GetDouble());
            Assert.Equal(o.Year, row.GetProperty("year").GetInt32());
            Assert.Equal(o.Qualifier, row.GetProperty("qualifier").GetString());
            Assert.Equal(o.Region!.NameEn, row.GetProperty("regionNameEn").GetString());
            Assert.Equal(o.Region.Level, row.GetProperty("regionLevel").GetString());
            Assert.Equal(o.Metric!.NameEn, row.GetProperty("metricNameEn").GetString());
        }
    }
}
