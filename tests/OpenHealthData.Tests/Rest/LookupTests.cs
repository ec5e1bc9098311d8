using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Rest;

[Collection(ApiCollection.Name)]
public sealed class LookupTests(ApiFactory api)
{
    [Fact]
    public async Task Region_and_metric_lookups()
    {
        var region = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/regions/140823")).RootElement;
        Assert.Equal("闻喜县", region.GetProperty("nameZh").GetString());
        Assert.Equal("140800", region.GetProperty("parentCode").GetString());

        await using var db = api.OpenDatabase();
        var metric = await db.Metrics.OrderBy(m => m.Code).FirstAsync();
        var json = JsonDocument.Parse(await api.CreateClient().GetStringAsync($"/api/v1/metrics/{metric.Code}")).RootElement;
        Assert.Equal(metric.NameEn, json.GetProperty("nameEn").GetString());
        Assert.Equal(metric.Unit, json.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Source_text_is_the_published_text()
    {
        var text = await api.CreateClient().GetStringAsync("/api/v1/sources/yueqing-2023-work-summary/text");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.SeedData, "sources", "yueqing-2023-work-summary.txt")), text);
    }

    [Fact]
    public async Task Observations_filter_like_graphql_and_page_with_cursors()
    {
        await using var db = api.OpenDatabase();
        var pair = await db.Observations.GroupBy(o => new { o.RegionCode, o.Year }).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var expected = await db.Observations.Where(o => o.RegionCode == pair.RegionCode && o.Year == pair.Year).Select(o => o.Id).ToListAsync();

        var ids = new List<string>();
        string? after = null;
        do
        {
            var url = $"/api/v1/observations?region={pair.RegionCode}&year={pair.Year}&first=7" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var page = JsonDocument.Parse(await api.CreateClient().GetStringAsync(url)).RootElement;
            Assert.Equal(expected.Count, page.GetProperty("totalCount").GetInt32());
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            after = page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null;
        } while (after is not null);
        Assert.Equal(expected.Order(), ids.Order());

        var within = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/observations?withinRegion=140000&first=1")).RootElement;
        Assert.Equal(await db.Observations.CountAsync(o => o.RegionCode.StartsWith("14")), within.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/observations?first=100000", "'first' must be between 0 and 500")]
    [InlineData("/api/v1/observations?after=xyz", "'after' is not a valid cursor")]
    [InlineData("/api/v1/observations?withinRegion=999999", "'999999' in 'withinRegion' names nothing")]
    [InlineData("/api/v1/observations?region=999999", "'999999' in 'region' names nothing")]
    [InlineData("/api/v1/observations?metric=no_such_metric", "'no_such_metric' in 'metric' names nothing")]
    [InlineData("/api/v1/observations?source=no-such-report", "'no-such-report' in 'source' names nothing")]
    public async Task Bad_query_parameters_are_400_problem_details(string url, string detail)
    {
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Swagger_ui_and_document_are_served()
    {
        var ui = await api.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var doc = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/observations", out _));
    }
}
