using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Rest;

[Collection(ApiCollection.Name)]
public sealed class SnapshotTests(ApiFactory api)
{
    private static readonly string[] Datasets = ["regions", "sources", "institutions", "programmes", "metrics", "observations"];
    private HttpClient Client => api.CreateClient(new() { AllowAutoRedirect = false });
    private static string Current => SeedHash.Compute(RepoPaths.SeedData);

    [Fact]
    public async Task Lists_the_current_snapshot_with_counts_and_links()
    {
        var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/snapshots")).RootElement;
        Assert.Equal(Current, json.GetProperty("current").GetString());
        var snapshot = json.GetProperty("snapshots").EnumerateArray().Single(s => s.GetProperty("id").GetString() == Current);
        Assert.True(snapshot.GetProperty("current").GetBoolean());
        await using var db = api.OpenDatabase();
        Assert.Equal(await db.Observations.CountAsync(), snapshot.GetProperty("counts").GetProperty("observations").GetInt32());
        foreach (var dataset in Datasets)
            foreach (var format in new[] { "json", "csv" })
            {
                var url = snapshot.GetProperty("datasets").GetProperty(dataset).GetProperty(format).GetProperty("url").GetString()!;
                Assert.Equal($"/api/v1/snapshots/{Current}/{dataset}.{format}", url);
                Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
            }
    }

    [Theory]
    [InlineData("observations.csv")]
    [InlineData("regions.json")]
    public async Task Latest_redirects_to_the_current_id(string file)
    {
        var response = await Client.GetAsync($"/api/v1/snapshots/latest/{file}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/api/v1/snapshots/{Current}/{file}", response.Headers.Location!.OriginalString);
        Assert.True(response.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task Observations_csv_parses_back_to_the_database()
    {
        var response = await Client.GetAsync($"/api/v1/snapshots/{Current}/observations.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // BOM: Excel reads the Chinese right

        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        await using var db = api.OpenDatabase();
        var expected = await db.Observations.Include(o => o.Region).Include(o => o.Metric).Include(o => o.Source).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (o, row) = (expected[i], rows[i]);
            Assert.Equal(o.Id, row["id"]);
            Assert.Equal(o.Value, double.Parse((string)row["value"], CultureInfo.InvariantCulture));
            Assert.Equal(o.Year.ToString(CultureInfo.InvariantCulture), row["year"]);
            Assert.Equal(o.Quote, row["quote"]);
            Assert.Equal(o.QuoteEn, row["quoteEn"]);
            Assert.Equal(o.Note ?? "", row["note"]);
            Assert.Equal(o.Region!.NameZh, row["regionNameZh"]);
            Assert.Equal(o.Metric!.NameEn, row["metricNameEn"]);
            Assert.Equal(o.Source!.Title, row["sourceTitle"]);
        }
    }

    [Fact]
    public async Task Json_datasets_match_the_database()
    {
        var regions = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/snapshots/{Current}/regions.json")).RootElement;
        await using var db = api.OpenDatabase();
        var expected = await db.Regions.OrderBy(r => r.Code).ToListAsync();
        Assert.Equal(expected.Select(r => (r.Code, r.NameZh, r.ParentCode)),
            regions.EnumerateArray().Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("nameZh").GetString()!, r.GetProperty("parentCode").GetString())));
        var metrics = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/snapshots/{Current}/metrics.json")).RootElement;
        Assert.Equal(await db.Metrics.CountAsync(), metrics.GetArrayLength());
    }

    [Fact]
    public async Task Versioned_files_are_immutable_with_a_strong_etag_and_answer_304()
    {
        var url = $"/api/v1/snapshots/{Current}/observations.json";
        var first = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), first.Headers.CacheControl.MaxAge);
        Assert.Contains("immutable", first.Headers.CacheControl.Extensions.Select(e => e.Name));
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(other)).StatusCode);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Compresses_on_request_and_decompresses_to_the_same_bytes(string encoding)
    {
        var url = $"/api/v1/snapshots/{Current}/observations.csv";
        var plain = await (await Client.GetAsync(url)).Content.ReadAsByteArrayAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await Client.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
        Assert.NotEqual(response.Headers.ETag, (await Client.GetAsync(url)).Headers.ETag); // one ETag per representation
    }

    [Theory]
    [InlineData("/api/v1/snapshots/000000000000/observations.csv", "There is no snapshot '000000000000'")]
    [InlineData("/api/v1/snapshots/latest/patients.csv", "There is no dataset 'patients'")]
    [InlineData("/api/v1/snapshots/latest/observations.xlsx", "There is no format 'xlsx'")]
    [InlineData("/api/v1/snapshots/..%2F..%2Fetc/passwd.csv", "There is no dataset 'passwd'")]
    [InlineData("/api/v1/snapshots/..%2F..%2Fseed-data/observations.csv", "There is no snapshot '..")]
    [InlineData("/api/v1/snapshots/..%5C..%5Cdata/observations.csv", "There is no snapshot")]
    [InlineData("/api/v1/regions/999999", "There is no region '999999'")]
    [InlineData("/api/v1/metrics/nope", "There is no metric 'nope'")]
    [InlineData("/api/v1/sources/nope/text", "There is no source 'nope'")]
    public async Task Unknown_things_are_404_problem_details(string url, string detail)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
    }
}
