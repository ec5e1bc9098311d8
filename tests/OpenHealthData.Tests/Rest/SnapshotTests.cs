using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Api.Storage;
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
    public async Task Json_and_csv_of_every_dataset_hold_the_same_rows()
    {
        foreach (var dataset in Datasets)
        {
            var json = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/snapshots/{Current}/{dataset}.json")).RootElement;
            var csv = await Client.GetByteArrayAsync($"/api/v1/snapshots/{Current}/{dataset}.csv");
            using var reader = new CsvReader(new StreamReader(new MemoryStream(csv), Encoding.UTF8), CultureInfo.InvariantCulture);
            var rows = new List<string[]>();
            reader.Read();
            reader.ReadHeader();
            while (reader.Read()) rows.Add(reader.Parser.Record!);
            Assert.Equal(json.GetArrayLength(), rows.Count);
            Assert.True(rows.Count > 0, dataset);
            foreach (var (obj, row) in json.EnumerateArray().Zip(rows))
            {
                var properties = obj.EnumerateObject().ToList();
                Assert.Equal(properties.Select(p => p.Name), reader.HeaderRecord!);
                foreach (var (property, field) in properties.Zip(row))
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.Number: Assert.Equal(property.Value.GetDouble(), double.Parse(field, CultureInfo.InvariantCulture)); break;
                        case JsonValueKind.Null: Assert.Equal("", field); break;
                        case JsonValueKind.True or JsonValueKind.False: Assert.Equal(property.Value.GetBoolean() ? "true" : "false", field); break;
                        case JsonValueKind.Object or JsonValueKind.Array: Assert.Equal(property.Value.GetRawText(), field); break; // dimensions, keywords
                        default: Assert.Equal(property.Value.GetString(), field); break;
                    }
            }
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

    private sealed class DiskOnlyApi : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Data:SnapshotMemoryBytes", "0")];
    }

    [Fact]
    public async Task Files_from_memory_and_from_disk_answer_alike()
    {
        using var disk = new DiskOnlyApi();
        var url = $"/api/v1/snapshots/{Current}/observations.csv";
        HttpRequestMessage[] Requests() =>
        [
            new(HttpMethod.Get, url),
            new(HttpMethod.Head, url),
            new(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(10, 19) } },
            new(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(999_999_999, null) } },
            new(HttpMethod.Get, url) { Headers = { AcceptEncoding = { new StringWithQualityHeaderValue("br") } } },
            new(HttpMethod.Get, url) { Headers = { IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1) } },
        ];
        foreach (var (fromMemory, fromDisk) in Requests().Zip(Requests()))
        {
            using var a = await Client.SendAsync(fromMemory);
            using var b = await disk.CreateClient().SendAsync(fromDisk);
            var what = $"{fromMemory.Method} {fromMemory.Headers}";
            Assert.True(a.StatusCode == b.StatusCode, $"{what}: {a.StatusCode} from memory, {b.StatusCode} from disk");
            Assert.Equal(b.Content.Headers.ContentLength, a.Content.Headers.ContentLength);
            Assert.Equal(b.Content.Headers.ContentRange?.ToString(), a.Content.Headers.ContentRange?.ToString());
            Assert.Equal(b.Content.Headers.ContentType?.ToString(), a.Content.Headers.ContentType?.ToString());
            Assert.Equal(b.Content.Headers.LastModified.HasValue, a.Content.Headers.LastModified.HasValue);
            Assert.Equal(b.Headers.AcceptRanges.ToString(), a.Headers.AcceptRanges.ToString());
            Assert.Equal(await b.Content.ReadAsByteArrayAsync(), await a.Content.ReadAsByteArrayAsync());
        }
        var plain = await Client.GetByteArrayAsync(url);
        var file = Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "snapshots", Current, "observations.csv");
        Assert.Equal(File.ReadAllBytes(file), plain);
        var store = api.Services.GetRequiredService<SnapshotStore>();
        Assert.Same(Assert.IsType<byte[]>(store.InMemory(file)), store.InMemory(file));
        Assert.Null(disk.Services.GetRequiredService<SnapshotStore>().InMemory(file));
        var range = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(10, 19) } });
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(plain[10..20], await range.Content.ReadAsByteArrayAsync());
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
