using System.Text.RegularExpressions;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Explore;

/// <summary>Issue 23's flags as a reader of the explorer meets them: a part says so and links to its total, in both languages.</summary>
[Collection(ApiCollection.Name)]
public sealed class FigureFlagsPageTests(ApiFactory api)
{
    public static TheoryData<string, string, string> Parts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var r in SeedRecords.Observations.Where(r => r.TryGetProperty("partOf", out var p) && p.GetString() is not null))
            data.Add(r.GetProperty("source").GetString()!, r.GetProperty("id").GetString()!, r.GetProperty("partOf").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task A_part_is_marked_on_its_source_page_with_a_link_to_its_total(string source, string id, string total)
    {
        foreach (var (lang, label) in new[] { ("en", "Part of a total"), ("zh", "总数的一部分") })
        {
            var html = await api.CreateClient().GetStringAsync($"/explore/sources/{source}?lang={lang}");
            var figure = Regex.Match(html, $"id=\"row-{Regex.Escape(id)}\".*?</tr>", RegexOptions.Singleline);
            Assert.True(figure.Success, $"{id} is listed on its source page");
            Assert.Matches($"<span class=\"badge flag\"[^>]*><a href=\"[^\"]*#fig-{Regex.Escape(total)}\">{label}</a></span>", figure.Value);
        }
    }
}
