using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Search;

/// <summary>
/// The queries that found nothing before (issue 24), typed as people type them: each finds its figure among the
/// first three in REST search and on /explore; a search where no figure has every word says which word found
/// nothing and shows the nearest figures, never a bare 0; two figures of one sentence are told apart on the cards.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SearchIssueQueriesTests(ApiFactory api)
{
    private const string Yueqing = "yueqing-2023-work-summary-";

    [Theory]
    [InlineData("乐清双向转诊", Yueqing + "056")] // 完成双向转诊29162例
    [InlineData("闻喜孕产妇风险筛查", "wenxi-2024-seven-strengthenings-071")] // 对2032名孕产妇开展风险筛查
    [InlineData("乐清ICU床位", Yueqing + "008")] // 新增ICU床位40张
    [InlineData("江西质控中心", "jiangxi-2024-inspection-rectification-012")] // 64个专业省级质控中心
    [InlineData("family-doctor service teams", "shanxi-2023-theme-education-083")] // "family doctor contract service teams"
    [InlineData("county-level", "jiangxi-2024-inspection-rectification-027")] // "county-level coverage of family health service centre project sites"
    [InlineData("recognized", Yueqing + "050")] // "mutual recognition rate" of examination results
    [InlineData("ICU", Yueqing + "008")] // first, not an "agricultural" sentence
    public async Task The_issues_queries_find_their_figure_among_the_first_three(string query, string id)
    {
        var response = await api.CreateClient().GetStringAsync($"/api/v1/search?first=3&q={Uri.EscapeDataString(query)}");
        var ids = JsonDocument.Parse(response).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("observation").GetProperty("id").GetString()).ToList();
        Assert.Contains(id, ids);

        var html = await api.CreateClient().GetStringAsync($"/explore?q={Uri.EscapeDataString(query)}");
        var cards = html.Split("<li class=\"hit\" id=\"fig-").Skip(1).Take(3).Select(c => c[..c.IndexOf('"')]).ToList();
        Assert.Contains(id, cards);
    }

    [Fact]
    public async Task Centers_finds_the_centres()
    {
        var response = await api.CreateClient().GetStringAsync("/api/v1/search?first=3&q=centers");
        var items = JsonDocument.Parse(response).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Contains("centre", i.GetProperty("observation").GetProperty("quoteEn").GetString() + i.GetProperty("observation").GetProperty("metricNameEn").GetString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ICU_ranks_the_ICU_figure_first()
    {
        var response = await api.CreateClient().GetStringAsync("/api/v1/search?first=1&q=ICU");
        Assert.Equal(Yueqing + "008", JsonDocument.Parse(response).RootElement.GetProperty("items")[0].GetProperty("observation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task When_no_figure_has_every_word_the_nearest_are_shown_and_the_word_that_found_nothing_is_named()
    {
        var client = api.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("乐清 ICU zebra"))).RootElement;
        Assert.False(json.GetProperty("allTermsMatched").GetBoolean());
        Assert.Equal(["zebra"], json.GetProperty("unmatchedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.True(json.GetProperty("totalCount").GetInt32() > 0); // never a bare 0
        Assert.Equal(Yueqing + "008", json.GetProperty("items")[0].GetProperty("observation").GetProperty("id").GetString());
        Assert.Contains("zebra", json.GetProperty("notice").GetString());

        var html = await client.GetStringAsync("/explore?q=" + Uri.EscapeDataString("乐清 ICU zebra"));
        Assert.Contains("class=\"notice\"", html);
        Assert.Contains("“zebra” matched nothing", html);
        Assert.Contains("fig-" + Yueqing + "008", html);

        html = await client.GetStringAsync("/explore?lang=zh&q=" + Uri.EscapeDataString("乐清 ICU zebra"));
        Assert.Contains("“zebra” 没有找到任何数据", html);

        // Every word matches somewhere, but no figure has both: the figures with one of them, and no word named.
        json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("ICU 红包"))).RootElement;
        Assert.False(json.GetProperty("allTermsMatched").GetBoolean());
        Assert.Empty(json.GetProperty("unmatchedTerms").EnumerateArray());
        Assert.True(json.GetProperty("totalCount").GetInt32() >= 2);

        json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=ICU")).RootElement;
        Assert.True(json.GetProperty("allTermsMatched").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("notice").ValueKind);
    }

    [Fact]
    public async Task A_misspelt_word_that_finds_nothing_is_corrected_and_said_so()
    {
        var json = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("matenal mortality"))).RootElement;
        Assert.True(json.GetProperty("allTermsMatched").GetBoolean());
        var correction = Assert.Single(json.GetProperty("corrections").EnumerateArray());
        Assert.Equal("matenal", correction.GetProperty("typed").GetString());
        Assert.Equal("maternal", correction.GetProperty("used").GetString());
        // Wenxi's maternal mortality: the 2023 result (-072) or the 2024 ceiling (-007), both of that one sentence's metric
        Assert.Contains(json.GetProperty("items")[0].GetProperty("observation").GetProperty("id").GetString(),
            new[] { "wenxi-2024-seven-strengthenings-072", "wenxi-2024-seven-strengthenings-007" });
    }

    [Fact]
    public async Task Two_figures_of_one_sentence_are_told_apart_by_their_breakdown()
    {
        // 完成双向转诊29162例,其中下转24461例: the total and the downward referrals.
        var json = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/search?first=10&q=" + Uri.EscapeDataString("双向转诊"))).RootElement;
        var breakdowns = json.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("observation").GetProperty("id").GetString() is Yueqing + "056" or Yueqing + "057")
            .Select(i => i.GetProperty("breakdown").GetProperty("direction").GetString()).Order().ToList();
        Assert.Equal(["downward", "two_way_total"], breakdowns);
        var item = json.GetProperty("items")[0];
        Assert.Equal("actual", item.GetProperty("kind").GetString());
        Assert.Equal("EXACT", item.GetProperty("qualifier").GetString());
        Assert.Equal(item.GetProperty("observation").GetProperty("yearBasis").GetString(), item.GetProperty("yearBasis").GetString());

        var html = await api.CreateClient().GetStringAsync("/explore?q=" + Uri.EscapeDataString("双向转诊"));
        Assert.Contains("<span class=\"breakdown\">direction: downward</span>", html);
        Assert.Contains("<span class=\"breakdown\">direction: both directions</span>", html);
    }
}
