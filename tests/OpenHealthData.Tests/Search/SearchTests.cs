using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Data;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Data.SearchText;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Search;

/// <summary>Search over the real data: both languages, any case, metric names and code words, ranking, highlights, filters, paging, errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class SearchTests(ApiFactory api)
{
    private const string BirthRate2023 = "yueqing-2023-work-summary-085"; // 2023年当年出生率为5.35‰

    private async Task<JsonElement> Rest(string query)
    {
        var response = await api.CreateClient().GetAsync("/api/v1/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Ids(JsonElement result) =>
        [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("observation").GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("出生率")]
    [InlineData("birth rate")]
    [InlineData("Birth Rate")]
    [InlineData("BIRTH RATE")]
    [InlineData("出生")] // two characters: below the trigram length, matched with LIKE
    public async Task Yueqings_2023_birth_rate_is_found_in_either_language_and_any_case(string text)
    {
        var result = await Rest($"q={Uri.EscapeDataString(text)}&region=330382&year=2023");
        Assert.Contains(BirthRate2023, Ids(result));
    }

    [Fact]
    public async Task Case_does_not_change_what_is_found()
    {
        var lower = Ids(await Rest("q=mental&first=100"));
        Assert.NotEmpty(lower);
        Assert.Equal(lower, Ids(await Rest("q=Mental&first=100")));
        Assert.Equal(lower, Ids(await Rest("q=MENTAL&first=100")));
    }

    [Fact]
    public async Task A_word_of_the_metric_finds_figures_whose_quote_does_not_contain_it()
    {
        // 紧密型 is rendered "close-knit" in the metric's English name; the quote is Chinese only.
        Assert.Contains("jiangxi-2024-inspection-rectification-040", Ids(await Rest("q=county%20medical%20community")));
        // The metric code read as words: primary_tight_integration_pilots.
        Assert.Contains("yueqing-2023-work-summary-052", Ids(await Rest("q=tight")));
    }

    [Fact]
    public async Task Figures_whose_metric_is_named_by_the_words_rank_before_figures_that_only_mention_them()
    {
        var result = await Rest("q=医共体&first=100");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 2);
        var inMetric = items.Select(i => i.GetProperty("observation").GetProperty("metricNameZh").GetString()!.Contains("医共体")).ToList();
        Assert.Contains(true, inMetric);
        Assert.Contains(false, inMetric);
        Assert.Equal(inMetric.OrderByDescending(x => x), inMetric); // every metric match comes first
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Matched_spans_point_at_the_words_in_the_quote_and_its_english()
    {
        var zh = (await Rest("q=出生率&region=330382&year=2023")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("observation").GetProperty("id").GetString() == BirthRate2023);
        var quote = zh.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("field").GetString() == "quote");
        Assert.Equal(["出生率"], Spans(quote));

        var en = (await Rest("q=BIRTH&region=330382&year=2023")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("observation").GetProperty("id").GetString() == BirthRate2023);
        var quoteEn = en.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("field").GetString() == "quoteEn");
        Assert.All(Spans(quoteEn), s => Assert.Equal("birth", s, ignoreCase: true));
        Assert.NotEmpty(Spans(quoteEn));
    }

    private static List<string> Spans(JsonElement match)
    {
        var text = match.GetProperty("text").GetString()!;
        return [.. match.GetProperty("spans").EnumerateArray().Select(s => text.Substring(s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32()))];
    }

    [Fact]
    public async Task GraphQL_search_combines_with_where_and_withinRegion_and_pages()
    {
        var data = await api.GraphQLAsync("""
            { all: search(text: "rate", first: 500) { totalCount }
              shanxi2024: search(text: "rate", withinRegion: "140000", where: { year: { eq: 2024 } }, first: 500) {
                totalCount nodes { year region { code parentCode parent { parentCode } } } facets { years { value count } regions { region { code } count } } }
              one: search(text: "rate", first: 3) { totalCount pageInfo { endCursor hasNextPage } nodes { id } edges { score matches { field spans { start length } } } }
            }
            """);
        var filtered = data.GetProperty("shanxi2024");
        Assert.True(filtered.GetProperty("totalCount").GetInt32() > 0);
        Assert.True(filtered.GetProperty("totalCount").GetInt32() < data.GetProperty("all").GetProperty("totalCount").GetInt32());
        foreach (var node in filtered.GetProperty("nodes").EnumerateArray())
        {
            Assert.Equal(2024, node.GetProperty("year").GetInt32());
            var region = node.GetProperty("region");
            Assert.Contains("140000", new[] { region.GetProperty("code").GetString(), region.GetProperty("parentCode").GetString(),
                region.GetProperty("parent").ValueKind == JsonValueKind.Null ? null : region.GetProperty("parent").GetProperty("parentCode").GetString() });
        }
        Assert.Equal("2024", filtered.GetProperty("facets").GetProperty("years").EnumerateArray().Single().GetProperty("value").GetString());
        Assert.Equal(filtered.GetProperty("totalCount").GetInt32(), filtered.GetProperty("facets").GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));

        var first = data.GetProperty("one");
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var next = await api.GraphQLAsync("query($after: String) { search(text: \"rate\", first: 3, after: $after) { totalCount nodes { id } } }",
            new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var page1 = first.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        var page2 = next.GetProperty("search").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, page2.Count);
        Assert.Empty(page1.Intersect(page2));
        var all = (await Rest("q=rate&first=6")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("observation").GetProperty("id").GetString()).ToList();
        Assert.Equal(all, page1.Concat(page2).ToList()); // REST and GraphQL rank alike
    }

    [Theory]
    [InlineData("", "'q' is required")]
    [InlineData("q=rate&region=999999", "999999")]
    [InlineData("q=rate&kind=guess", "guess")]
    [InlineData("q=rate&metric=nope", "nope")]
    [InlineData("q=rate&first=100000", "first")]
    [InlineData("q=rate&after=bogus", "cursor")]
    public async Task Bad_search_requests_are_400_naming_what_is_wrong(string query, string named)
    {
        var response = await api.CreateClient().GetAsync("/api/v1/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, body);
    }

    [Fact]
    public async Task Too_long_a_search_is_a_bad_user_input_in_graphql()
    {
        var response = await api.PostGraphQLAsync("query($t: String!) { search(text: $t) { totalCount } }", new { t = new string('率', 201) });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = json.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("200", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Markup_and_fts_syntax_in_the_words_are_only_words()
    {
        foreach (var text in new[] { "\"", "rate OR", "NEAR(a b)", "a*", "%", "_", "'; DROP TABLE Observations; --" })
        {
            var response = await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(text));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{text}: {(int)response.StatusCode}");
        }
        await using var db = api.OpenDatabase();
        var all = await db.Observations.CountAsync();
        foreach (var wildcard in new[] { "%", "_", "a*" }) // wildcards are punctuation, not a match of everything: nothing is left to search for
        {
            var response = await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(wildcard));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("no word to search for", await response.Content.ReadAsStringAsync());
        }
        Assert.True((await Rest("q=" + Uri.EscapeDataString("rate*"))).GetProperty("totalCount").GetInt32() < all);
    }

    [Fact]
    public async Task Every_figure_has_the_whole_sentence_around_its_quote()
    {
        await using var db = api.OpenDatabase();
        var figures = await db.Observations.Select(o => new { o.Id, o.Quote, o.Sentence }).ToListAsync();
        Assert.All(figures, f => Assert.Contains(f.Quote.Replace("\n", ""), f.Sentence)); // a quote across a page break: the sentence leaves the break out
        Assert.Equal("2023年当年出生率为5.35‰,高居温州市第一。", figures.Single(f => f.Id == BirthRate2023).Sentence);
        Assert.Contains(figures, f => f.Sentence.Length > f.Quote.Length + 10);
    }

    [Fact]
    public async Task The_index_holds_one_row_per_figure_and_the_api_cannot_write_to_it()
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        long Count()
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{SearchIndex.Table}\"";
            return (long)command.ExecuteScalar()!;
        }
        var before = Count();
        Assert.Equal(await db.Observations.CountAsync(), before);
        foreach (var sql in new[]
                 {
                     $"INSERT INTO \"{SearchIndex.Table}\" (metric, quote, sentence, context) VALUES ('x', 'x', 'x', 'x')",
                     $"DELETE FROM \"{SearchIndex.Table}\"",
                     $"INSERT INTO \"{SearchIndex.Table}\" (\"{SearchIndex.Table}\") VALUES ('rebuild')",
                 })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var e = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            Assert.Contains("readonly", e.Message.Replace("-", "").Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task The_index_is_rebuilt_with_the_database_from_the_seed_it_was_built_from()
    {
        using var seed = new TestSeed();
        await new DatabaseBuilder().BuildAsync(seed.Directory, seed.DatabasePath);
        Assert.Equal(["t-001"], Match(seed.DatabasePath, "3.41 physicians"));
        Assert.Equal(["t-001", "t-002"], Match(seed.DatabasePath, "physicians per 1,000")); // the metric's name
        Assert.Empty(Match(seed.DatabasePath, "doctors per thousand"));

        seed.Write("observations/test.jsonl", TestSeed.With(TestSeed.ObservationA, "quoteEn", "3.41 doctors per thousand residents"), TestSeed.ObservationB);
        await HealthDatabase.EnsureCurrentAsync(seed.Directory, seed.DatabasePath);
        Assert.Equal(["t-001"], Match(seed.DatabasePath, "doctors per thousand"));
        Assert.Empty(Match(seed.DatabasePath, "3.41 physicians"));
    }

    private static List<string> Match(string databasePath, string phrase)
    {
        using var connection = new SqliteConnection(HealthDatabase.ReadOnlyConnectionString(databasePath) + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT o.Id FROM \"{SearchIndex.Table}\" s JOIN Observations o ON o.rowid = s.rowid WHERE \"{SearchIndex.Table}\" MATCH $phrase ORDER BY o.Id";
        command.Parameters.AddWithValue("$phrase", $"\"{string.Join(" ", TextAnalyzer.Terms(phrase))}\""); // the index holds terms: stems, numbers, Chinese words
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    [Fact]
    public async Task Regions_and_metrics_are_listed_with_hierarchy_and_coverage()
    {
        var client = api.CreateClient();
        var regions = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regions")).RootElement.EnumerateArray().ToList();
        await using var db = api.OpenDatabase();
        Assert.Equal(await db.Regions.CountAsync(), regions.Count);
        var yueqing = regions.Single(r => r.GetProperty("code").GetString() == "330382");
        Assert.Equal("county", yueqing.GetProperty("level").GetString());
        Assert.Equal("330300", yueqing.GetProperty("parentCode").GetString());
        Assert.Equal(await db.Observations.CountAsync(o => o.RegionCode == "330382"), yueqing.GetProperty("observations").GetInt32());

        var metrics = JsonDocument.Parse(await client.GetStringAsync("/api/v1/metrics")).RootElement.EnumerateArray().ToList();
        Assert.Equal(await db.Metrics.CountAsync(), metrics.Count);
        var visits = metrics.Single(m => m.GetProperty("code").GetString() == "county_visit_rate").GetProperty("coverage");
        var expected = await db.Observations.Where(o => o.MetricCode == "county_visit_rate").Select(o => o.RegionCode).Distinct().OrderBy(c => c).ToListAsync();
        Assert.True(expected.Count >= 2);
        Assert.Equal(expected, visits.GetProperty("regions").EnumerateArray().Select(r => r.GetString()!).ToList());
        Assert.Equal(await db.Observations.CountAsync(o => o.MetricCode == "county_visit_rate"), visits.GetProperty("observations").GetInt32());
    }
}
