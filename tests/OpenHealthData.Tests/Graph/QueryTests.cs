using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

[Collection(ApiCollection.Name)]
public sealed class QueryTests(ApiFactory api)
{
    [Fact]
    public async Task Regions_query_returns_every_region_with_its_parent()
    {
        var data = await api.GraphQLAsync("{ regions(first: 500) { totalCount nodes { code nameZh nameEn level parent { code } } } }");
        var nodes = data.GetProperty("regions").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("code").GetString()!);

        string? Parent(string code) => nodes[code].GetProperty("parent") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("code").GetString() : null;
        Assert.Null(Parent("100000"));
        Assert.Equal("country", nodes["100000"].GetProperty("level").GetString());
        Assert.Equal("100000", Parent("140000"));
        Assert.Equal("140000", Parent("141100"));
        Assert.Equal("140000", Parent("140800"));
        Assert.Equal("140800", Parent("140823"));
        Assert.Equal("100000", Parent("330000"));
        Assert.Equal("330000", Parent("330300"));
        Assert.Equal("330300", Parent("330382"));
        Assert.Equal("100000", Parent("360000"));
        Assert.Equal("乐清市", nodes["330382"].GetProperty("nameZh").GetString());
        Assert.Equal("Yueqing City", nodes["330382"].GetProperty("nameEn").GetString());
        Assert.Equal("county", nodes["140823"].GetProperty("level").GetString());
        await using var db = api.OpenDatabase();
        Assert.Equal(await db.Regions.CountAsync(), nodes.Count);
    }

    [Fact]
    public async Task Orders_by_several_fields_and_by_nested_fields()
    {
        await using var db = api.OpenDatabase();
        var all = await db.Observations.Include(o => o.Region).Include(o => o.Metric).ToListAsync();

        var byYearThenValue = await Pager.AllIdsAsync(api, "observations", null, "[{ year: DESC }, { value: ASC }]");
        Assert.Equal(all.OrderByDescending(o => o.Year).ThenBy(o => o.Value).ThenBy(o => o.Id, StringComparer.Ordinal).Select(o => o.Id), byYearThenValue);

        var byRegionName = await Pager.AllIdsAsync(api, "observations", null, "[{ region: { nameEn: DESC } }, { metric: { code: ASC } }]");
        Assert.Equal(all.OrderByDescending(o => o.Region!.NameEn, StringComparer.Ordinal).ThenBy(o => o.MetricCode, StringComparer.Ordinal)
            .ThenBy(o => o.Id, StringComparer.Ordinal).Select(o => o.Id), byRegionName);
    }

    [Fact]
    public async Task Pages_forward_and_backward_with_cursors()
    {
        var forward = await Pager.AllIdsAsync(api, "observations", null, "[{ value: DESC }]", pageSize: 37);

        var backward = new List<string>();
        string? before = null;
        while (true)
        {
            var args = "last: 41, order: [{ value: DESC }]" + (before is null ? "" : $", before: \"{before}\"");
            var connection = (await api.GraphQLAsync($"{{ observations({args}) {{ edges {{ cursor node {{ id }} }} pageInfo {{ hasPreviousPage hasNextPage startCursor }} }} }}"))
                .GetProperty("observations");
            var ids = connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToList();
            backward.InsertRange(0, ids);
            Assert.Equal(before is not null, connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
            if (!connection.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean()) break;
            before = connection.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }

        Assert.Equal(forward, backward);
        Assert.True(forward.Count > 100);
    }

    [Fact]
    public async Task A_page_reads_only_the_columns_its_rows_select()
    {
        string PageSql() => Assert.Single(api.Statements.Texts, t => t.Contains("LIMIT", StringComparison.Ordinal) && t.Contains("\"Observations\"", StringComparison.Ordinal));

        api.Statements.Reset();
        await api.GraphQLAsync("{ observations(first: 3, where: { year: { eq: 2023 } }, order: [{ value: DESC }]) { nodes { value quote metric { nameEn } } } }");
        var narrow = PageSql();
        Assert.Contains("\"Quote\"", narrow, StringComparison.Ordinal);
        Assert.Contains("\"MetricCode\"", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("\"QuoteEn\"", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Note\"", narrow, StringComparison.Ordinal);

        api.Statements.Reset(); // a citation needs the whole row
        await api.GraphQLAsync("{ observations(first: 3, where: { year: { eq: 2023 } }) { nodes { citation } } }");
        Assert.Contains("\"QuoteEn\"", PageSql(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_are_the_same_through_nodes_edges_and_fragments()
    {
        const string args = "first: 40, where: { year: { eq: 2023 } }, order: [{ value: DESC }]";
        const string fields = "id value unit quoteEn note kind year institutionId metric { nameEn } region { code } source { id }";
        var plain = await api.GraphQLAsync($"{{ observations({args}) {{ nodes {{ {fields} }} }} }}");
        var viaEdges = await api.GraphQLAsync($"{{ observations({args}) {{ edges {{ node {{ {fields} }} }} }} }}");
        var viaFragment = await api.GraphQLAsync($"fragment F on Observation {{ {fields} }} {{ observations({args}) {{ nodes {{ ...F }} }} }}");
        var split = await api.GraphQLAsync($"{{ observations({args}) {{ nodes {{ id value unit }} edges {{ node {{ quoteEn note kind year institutionId metric {{ nameEn }} region {{ code }} source {{ id }} }} }} }} }}");

        static string Rows(JsonElement data, bool edges) => JsonSerializer.Serialize(edges
            ? data.GetProperty("observations").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))
            : data.GetProperty("observations").GetProperty("nodes").EnumerateArray());
        var expected = Rows(plain, edges: false);
        Assert.Contains("quoteEn", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Rows(viaEdges, edges: true));
        Assert.Equal(expected, Rows(viaFragment, edges: false));
        var nodes = split.GetProperty("observations").GetProperty("nodes").EnumerateArray().ToList();
        var edgeNodes = split.GetProperty("observations").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        var merged = nodes.Zip(edgeNodes, (n, e) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(n.GetRawText())!
            .Concat(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e.GetRawText())!).ToDictionary());
        Assert.Equal(
            JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(expected)!.Select(r => JsonSerializer.Serialize(r.OrderBy(p => p.Key))),
            merged.Select(r => JsonSerializer.Serialize(r.OrderBy(p => p.Key))));
    }

    [Fact]
    public async Task TotalCount_is_the_whole_match_on_every_kind_of_page()
    {
        await using var db = api.OpenDatabase();
        var expected = await db.Observations.CountAsync(o => o.Year == 2023);
        string Cursor(int position) => Paging.Encode(position);
        // first page; a page that ends exactly at the last row; one past it; after the last row; last n; between cursors; first: 0
        string[] pages =
        [
            "first: 5", $"first: 5, after: \"{Cursor(expected - 6)}\"", $"first: 5, after: \"{Cursor(expected - 3)}\"",
            $"first: 5, after: \"{Cursor(expected - 1)}\"", "last: 3", $"first: 50, after: \"{Cursor(1)}\", before: \"{Cursor(4)}\"", "first: 0",
        ];
        foreach (var page in pages)
        {
            var data = await api.GraphQLAsync($"{{ observations({page}, where: {{ year: {{ eq: 2023 }} }}) {{ totalCount nodes {{ id }} }} }}");
            Assert.True(expected == data.GetProperty("observations").GetProperty("totalCount").GetInt32(), $"{page}: totalCount");
        }
    }

    [Fact]
    public async Task First_after_and_before_select_the_rows_between_two_cursors()
    {
        var page = (await api.GraphQLAsync("{ observations(first: 10, order: [{ id: ASC }]) { edges { cursor node { id } } } }"))
            .GetProperty("observations").GetProperty("edges").EnumerateArray().ToList();
        var between = (await api.GraphQLAsync($$"""{ observations(first: 50, after: "{{page[2].GetProperty("cursor").GetString()}}", before: "{{page[7].GetProperty("cursor").GetString()}}", order: [{ id: ASC }]) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }"""))
            .GetProperty("observations");
        Assert.Equal(page.Skip(3).Take(4).Select(e => e.GetProperty("node").GetProperty("id").GetString()),
            between.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.True(between.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(between.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Default_page_size_applies_when_first_and_last_are_absent()
    {
        var connection = (await api.GraphQLAsync("{ observations { totalCount nodes { id } pageInfo { hasNextPage } } }")).GetProperty("observations");
        Assert.True(connection.GetProperty("totalCount").GetInt32() > 50);
        Assert.Equal(50, connection.GetProperty("nodes").GetArrayLength());
        Assert.True(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Lookups_by_key_return_the_row_or_null()
    {
        await using var db = api.OpenDatabase();
        var observation = await db.Observations.OrderBy(o => o.Id).FirstAsync();
        var institution = await db.Institutions.OrderBy(i => i.Id).FirstAsync();
        var programme = await db.Programmes.OrderBy(p => p.Id).FirstAsync();
        var data = await api.GraphQLAsync($$"""
            {
              region(code: "330382") { nameEn }
              metric(code: "{{observation.MetricCode}}") { code unit }
              source(id: "{{observation.SourceId}}") { id titleEn }
              institution(id: "{{institution.Id}}") { nameZh }
              programme(id: "{{programme.Id}}") { nameZh }
              observation(id: "{{observation.Id}}") { value quote }
              noRegion: region(code: "000000") { code }
              noMetric: metric(code: "nope") { code }
              noSource: source(id: "nope") { id }
              noObservation: observation(id: "nope") { id }
            }
            """);
        Assert.Equal("Yueqing City", data.GetProperty("region").GetProperty("nameEn").GetString());
        Assert.Equal(observation.MetricCode, data.GetProperty("metric").GetProperty("code").GetString());
        Assert.Equal(observation.SourceId, data.GetProperty("source").GetProperty("id").GetString());
        Assert.Equal(institution.NameZh, data.GetProperty("institution").GetProperty("nameZh").GetString());
        Assert.Equal(programme.NameZh, data.GetProperty("programme").GetProperty("nameZh").GetString());
        Assert.Equal(observation.Value, data.GetProperty("observation").GetProperty("value").GetDouble());
        Assert.Equal(observation.Quote, data.GetProperty("observation").GetProperty("quote").GetString());
        foreach (var missing in new[] { "noRegion", "noMetric", "noSource", "noObservation" })
            Assert.Equal(JsonValueKind.Null, data.GetProperty(missing).ValueKind);
    }

    [Fact]
    public async Task Navigates_both_ways_between_entities()
    {
        await using var db = api.OpenDatabase();
        var o = await db.Observations.Where(x => x.InstitutionId != null).OrderBy(x => x.Id).FirstAsync();
        var data = await api.GraphQLAsync($$"""
            {
              observation(id: "{{o.Id}}") {
                metric { code observations(where: { id: { eq: "{{o.Id}}" } }) { id } }
                region { code parent { code } observations(first: 500) { id } }
                source { id observations(first: 500) { id } }
                institution { id observations { id } region { code } }
                citation
              }
              region(code: "140000") { children { code children { code } } }
            }
            """);
        var node = data.GetProperty("observation");
        Assert.Equal(o.MetricCode, node.GetProperty("metric").GetProperty("code").GetString());
        Assert.Equal(o.Id, node.GetProperty("metric").GetProperty("observations")[0].GetProperty("id").GetString());
        Assert.Equal(o.RegionCode, node.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(await db.Observations.CountAsync(x => x.RegionCode == o.RegionCode), node.GetProperty("region").GetProperty("observations").GetArrayLength());
        Assert.Equal(await db.Observations.CountAsync(x => x.SourceId == o.SourceId), node.GetProperty("source").GetProperty("observations").GetArrayLength());
        Assert.Contains(node.GetProperty("institution").GetProperty("observations").EnumerateArray(), x => x.GetProperty("id").GetString() == o.Id);
        Assert.Contains(o.Quote, node.GetProperty("citation").GetString());

        var shanxi = data.GetProperty("region").GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Contains("141100", shanxi.Keys);
        Assert.Contains(shanxi["140800"].GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == "140823");
    }

    [Fact]
    public async Task Nested_first_takes_the_first_rows_of_each_parent_in_order()
    {
        await using var db = api.OpenDatabase();
        var all = await db.Observations.Include(o => o.Metric).ToListAsync();
        var data = await api.GraphQLAsync("""
            { regions(first: 500) { nodes { code observations(first: 3, order: [{ value: DESC }, { metric: { nameEn: ASC } }], where: { kind: { neq: "change" } }) { id } } } }
            """);
        var checkedParents = 0;
        foreach (var region in data.GetProperty("regions").GetProperty("nodes").EnumerateArray())
        {
            var code = region.GetProperty("code").GetString();
            var expected = all.Where(o => o.RegionCode == code && o.Kind != "change")
                .OrderByDescending(o => o.Value).ThenBy(o => o.Metric!.NameEn, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)
                .Take(3).Select(o => o.Id);
            Assert.Equal(expected, region.GetProperty("observations").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
            if (all.Count(o => o.RegionCode == code) > 3) checkedParents++;
        }
        Assert.True(checkedParents >= 3, "too few regions with more than three figures to test the cut");
    }

    [Fact]
    public async Task A_nested_list_reads_only_the_columns_its_rows_select_and_gives_the_same_rows()
    {
        const string list = "observations(first: 4, order: [{ value: DESC }])";
        const string fields = "id value unit quoteEn kind year metric { nameEn } source { id }";
        api.Statements.Reset();
        var narrow = await api.GraphQLAsync($"{{ regions(first: 20) {{ nodes {{ code {list} {{ {fields} }} }} }} }}");
        var listSql = Assert.Single(api.Statements.Texts, t => t.Contains("\"Observations\"", StringComparison.Ordinal));
        Assert.Contains("\"QuoteEn\"", listSql, StringComparison.Ordinal);
        Assert.Contains("\"MetricCode\"", listSql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Note\"", listSql.Split("FROM")[0], StringComparison.Ordinal);
        // a fragment reads the whole row: the rows must not differ
        var whole = await api.GraphQLAsync($"fragment F on Observation {{ {fields} }} {{ regions(first: 20) {{ nodes {{ code {list} {{ ...F }} }} }} }}");
        Assert.Equal(whole.GetRawText(), narrow.GetRawText());
        Assert.Contains("quoteEn", narrow.GetRawText(), StringComparison.Ordinal);

        // the same list twice with different selections: each gets the columns it asked for
        var both = await api.GraphQLAsync($"{{ regions(first: 20) {{ nodes {{ code a: {list} {{ id }} b: {list} {{ {fields} }} }} }} }}");
        var regions = both.GetProperty("regions").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(
            narrow.GetProperty("regions").GetProperty("nodes").EnumerateArray().Select(r => r.GetProperty("observations").GetRawText()),
            regions.Select(r => r.GetProperty("b").GetRawText()));
        Assert.Contains(regions, r => r.GetProperty("b").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_repeated_request_is_answered_from_the_response_cache_without_sql()
    {
        const string query = "{ observations(first: 7, where: { year: { eq: 2023 } }, order: [{ value: ASC }]) { totalCount nodes { id value region { nameEn } } } }";
        using var first = await api.PostGraphQLAsync(query);
        var firstBody = await first.Content.ReadAsByteArrayAsync();

        api.Statements.Reset();
        using var second = await api.PostGraphQLAsync(query);
        Assert.Equal(firstBody, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, api.Statements.Count);

        using var other = await api.PostGraphQLAsync(query, accept: "application/graphql-response+json"); // another representation
        Assert.Equal("application/graphql-response+json", other.Content.Headers.ContentType!.MediaType);
        Assert.True(api.Statements.Count > 0);

        api.Statements.Reset();
        const string failing = "{ observations(withinRegion: \"000001\") { totalCount } }";
        foreach (var _ in new[] { 1, 2 })
        {
            using var error = await api.PostGraphQLAsync(failing);
            Assert.Contains("BAD_USER_INPUT", await error.Content.ReadAsStringAsync()); // errors are never cached: checked every time
        }
    }

    [Fact]
    public async Task Series_gives_a_metric_by_year_for_a_region()
    {
        await using var db = api.OpenDatabase();
        var pair = await db.Observations.Where(o => o.Kind == "actual").GroupBy(o => new { o.MetricCode, o.RegionCode })
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var expected = await db.Observations.Where(o => o.MetricCode == pair.MetricCode && o.RegionCode == pair.RegionCode && o.Kind == "actual")
            .OrderBy(o => o.Year).ThenBy(o => o.SourceId).ThenBy(o => o.Id).ToListAsync();

        var series = (await api.GraphQLAsync($$"""{ series(metric: "{{pair.MetricCode}}", region: "{{pair.RegionCode}}") { year value unit observation { id quote source { id } } } }"""))
            .GetProperty("series").EnumerateArray().ToList();

        Assert.Equal(expected.Select(o => o.Id), series.Select(p => p.GetProperty("observation").GetProperty("id").GetString()));
        Assert.Equal(expected.Select(o => o.Year), series.Select(p => p.GetProperty("year").GetInt32()));
        Assert.Equal(expected.Select(o => o.Value), series.Select(p => p.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Nested_queries_use_a_bounded_number_of_sql_statements()
    {
        const string query = """
            {
              regions(first: 100) {
                totalCount
                nodes {
                  code
                  parent { code }
                  children { code institutions { id } }
                  observations(first: 100) {
                    id value
                    metric { code nameEn observations(first: 2) { id } }
                    source { id title }
                    institution { id nameEn }
                    programme { id nameEn }
                  }
                }
              }
            }
            """;
        api.Statements.Reset();
        var data = await api.GraphQLAsync(query);
        var statements = api.Statements.Count;

        var rows = data.GetProperty("regions").GetProperty("nodes").EnumerateArray().Sum(r => 1 + r.GetProperty("observations").GetArrayLength());
        Assert.True(rows > 100, $"the query should cover 100+ rows, covered {rows}");
        // regions page + count, parent, children, children's institutions, observations, metric,
        // metric's observations, source, institution, programme: one statement each, however many rows.
        Assert.InRange(statements, 1, 12);
    }
}
