using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.PeopleFacing;

[Collection(ApiCollection.Name)]
public sealed partial class LandingPageTests(ApiFactory api)
{
    [Fact]
    public async Task Lists_the_sources_and_counts_and_every_link_answers()
    {
        var response = await api.CreateClient().GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();

        await using var db = api.OpenDatabase();
        foreach (var source in await db.Sources.ToListAsync())
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(source.Title), html);
            Assert.Contains($"/api/v1/sources/{source.Id}/text", html);
        }
        Assert.Contains($"<strong>{await db.Observations.CountAsync()}</strong> figures", html);
        Assert.DoesNotContain("<script", html);

        var links = Href().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.StartsWith('/')).Distinct().ToList();
        Assert.True(links.Count >= 8);
        var client = api.CreateClient(new() { AllowAutoRedirect = true });
        foreach (var link in links)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.Add("Accept", "text/html,*/*");
            Assert.True((await client.SendAsync(request)).StatusCode == HttpStatusCode.OK, $"{link} does not answer 200");
        }
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
