using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Drafting;

/// <summary>
/// /review/{source} over HTTP, as a browser without script uses it: every candidate in its text, a form that posts,
/// the validator's errors at their fields, nothing written without the page's token or against the validator.
/// Each test works on its own candidate of the shared draft.
/// </summary>
public sealed partial class ReviewPageTests(ReviewServer server) : IClassFixture<ReviewServer>
{
    private const string Page = "/review/" + ReviewSeed.Source;

    private static string Candidate(int n) => $"{ReviewSeed.Source}-{n:000}";

    /// <summary>The page, the client that holds its anti-forgery cookie and the token its forms post.</summary>
    private async Task<(HttpClient Client, string Html, string Token)> Open()
    {
        var client = server.Api.SocketClient();
        var html = await client.GetStringAsync(Page + "?lang=en");
        return (client, html, TokenField().Match(html).Groups[1].Value);
    }

    /// <summary>The fields of a candidate as its form posts them: the draft's values, with changes.</summary>
    private static FormUrlEncodedContent Form(string html, int n, string? token, params (string Field, string Value)[] changes)
    {
        var article = html[html.IndexOf($"id=\"c-{Candidate(n)}\"", StringComparison.Ordinal)..];
        article = article[..article.IndexOf("</article>", StringComparison.Ordinal)];
        var fields = InputValue().Matches(article).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (Match m in SelectedOption().Matches(article)) fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in TextArea().Matches(article)) fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        fields.Remove("__RequestVerificationToken");
        if (token is not null) fields["__RequestVerificationToken"] = token;
        foreach (var (field, value) in changes) fields[field] = value;
        return new FormUrlEncodedContent(fields);
    }

    private string? Observations() => File.Exists(server.Seed.ObservationsFile) ? File.ReadAllText(server.Seed.ObservationsFile) : null;

    [Theory]
    [InlineData("no-such-report", "no-such-report")]
    [InlineData("..%2F..%2Fsources%2Fsources", null)]
    [InlineData("sources.jsonl", null)]
    [InlineData("Review-County-2024", null)]
    public async Task A_source_without_a_draft_or_a_sources_line_is_a_404_page_naming_it(string source, string? named)
    {
        var client = server.Api.SocketClient();
        using var response = await client.GetAsync($"/review/{source}?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("There is no draft and no source with the id", html);
        if (named is not null) Assert.Contains($"&#x27;{named}&#x27;", html);
    }

    [Fact]
    public async Task A_draft_file_broken_by_hand_is_a_409_page_that_says_so_not_a_500()
    {
        File.WriteAllLines(Path.Combine(server.Seed.Directory, "drafts", "broken-by-hand.jsonl"), ["{\"id\": \"broken-by-hand-001\"", "not json"]);
        var client = server.Api.SocketClient();

        using var page = await client.GetAsync("/review/broken-by-hand?lang=en");
        var index = await client.GetStringAsync("/review?lang=en");

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("The draft file seed-data/drafts/broken-by-hand.jsonl cannot be read (", await page.Content.ReadAsStringAsync());
        Assert.Contains("broken-by-hand</a> <span class=\"count\">cannot be read: open it to see why</span>", index);
    }

    [Fact]
    public async Task The_page_shows_every_candidate_in_its_text_with_why_and_the_metric_suggestions()
    {
        var (_, html, token) = await Open();

        Assert.NotEmpty(token);
        Assert.Equal(server.Seed.Pending().Count, Regex.Matches(html, "<article class=\"candidate\"").Count);
        Assert.Contains("<mark><strong>80.12岁</strong></mark>", html); // the number, in its quote, in its sentence, in the text
        Assert.Contains("<mark>全县人均预期寿命达到</mark>", html);
        Assert.Contains("year 2024 STATED: &quot;2024年&quot; in the sentence", html); // why
        Assert.Contains("<code>hospital_beds_per_1000</code>", html); // a suggestion with its score
        Assert.Contains("<option value=\"hospital_beds_per_1000\">千人床位数 · ", html); // the typeahead's list
        Assert.Contains("<script src=\"/review.js\" defer></script>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("seed-data/observations/review-county-2024.jsonl", html);

        var index = await server.Api.SocketClient().GetStringAsync("/review?lang=en");
        Assert.Contains($"href=\"/review/{ReviewSeed.Source}?lang=en\"", index);
    }

    [Fact]
    public async Task A_post_without_the_pages_token_is_refused_and_writes_nothing()
    {
        var (_, html, _) = await Open();
        var before = (Observations(), File.ReadAllText(server.Seed.DraftFile));
        var stranger = server.Api.SocketClient(); // another site's form: no cookie, no token

        using var accept = await stranger.PostAsync($"{Page}/{Candidate(1)}/accept", Form(html, 1, null, ("quoteEn", "Life expectancy reached 80.12 years"), ("headline", "true")));
        using var reject = await stranger.PostAsync($"{Page}/{Candidate(1)}/reject", Form(html, 1, "forged"));

        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reject.StatusCode);
        Assert.Contains("anti-forgery token", await accept.Content.ReadAsStringAsync());
        Assert.Equal(before, (Observations(), File.ReadAllText(server.Seed.DraftFile)));
    }

    [Fact]
    public async Task The_verdict_says_what_the_validator_would_and_writes_nothing()
    {
        var (client, html, token) = await Open();
        var before = (Observations(), File.ReadAllText(server.Seed.DraftFile));

        using var drafted = await client.PostAsync($"{Page}/{Candidate(4)}/verdict?lang=en", Form(html, 4, token));
        using var corrected = await client.PostAsync($"{Page}/{Candidate(4)}/verdict?lang=en", Form(html, 4, token, ("quoteEn", "beds per 1,000 people reached 4.6"), ("headline", "true")));
        using var unread = await client.PostAsync($"{Page}/{Candidate(4)}/verdict?lang=en", Form(html, 4, token, ("value", "4,6"), ("dimensions", "[1]")));

        var first = JsonDocument.Parse(await drafted.Content.ReadAsStringAsync()).RootElement;
        Assert.False(first.GetProperty("ok").GetBoolean());
        Assert.Contains(first.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "quoteEn" && e.GetProperty("message").GetString() == "is required");
        var second = JsonDocument.Parse(await corrected.Content.ReadAsStringAsync()).RootElement;
        Assert.True(second.GetProperty("ok").GetBoolean(), second.ToString());
        Assert.Equal("The validator accepts this record.", second.GetProperty("summary").GetString());
        var third = JsonDocument.Parse(await unread.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["\"4,6\" is not a number", "not a JSON object such as {\"population\": \"key_groups\"}: not an object"],
            third.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        Assert.Equal(before, (Observations(), File.ReadAllText(server.Seed.DraftFile)));
    }

    [Fact]
    public async Task An_accept_the_validator_refuses_shows_its_errors_at_their_fields_and_writes_nothing()
    {
        var (client, html, token) = await Open();
        var before = (Observations(), File.ReadAllText(server.Seed.DraftFile));

        using var response = await client.PostAsync($"{Page}/{Candidate(4)}/accept?lang=en", Form(html, 4, token, ("value", "46"), ("quoteEn", "beds per 1,000 reached 4.6"), ("headline", "true")));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"Not written: the validator refuses candidate {Candidate(4)} (1 problem(s), shown at its fields).", page);
        // The message under the value field, the field marked invalid and described by it, the posted value kept.
        Assert.Contains("<p class=\"field-error\" id=\"n004-value-error\" data-field=\"value\">46 is not what valueAsWritten &quot;4.6张&quot; says 4.6 per_1000</p>", page);
        Assert.Matches("<input type=\"text\" id=\"n004-value\" name=\"value\" value=\"46\"[^>]*aria-describedby=\"n004-value-error\" aria-invalid=\"true\"", page);
        Assert.Contains("value=\"beds per 1,000 reached 4.6\"", page);
        Assert.Equal(before, (Observations(), File.ReadAllText(server.Seed.DraftFile)));
    }

    [Fact]
    public async Task An_accept_that_would_break_another_record_is_refused_and_names_it()
    {
        var (client, html, token) = await Open();
        var before = (Observations(), File.ReadAllText(server.Seed.DraftFile));

        // Yueqing's beds per 1,000 is a headline figure: one indicator is headline in every report or in none.
        using var response = await client.PostAsync($"{Page}/{Candidate(4)}/accept?lang=en", Form(html, 4, token, ("quoteEn", "beds per 1,000 reached 4.6")));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches($"<li>yueqing-2023-work-summary-005 headline: is true but {ReviewSeed.Source}-\\d{{3}} \\(observations/{ReviewSeed.Source}.jsonl:\\d\\), a region-level result of the same metric and dimensions, has false", page);
        Assert.Contains("<p class=\"field-error\" id=\"n004-headline-error\" data-field=\"headline\"></p>", page); // another record's field: not this one's
        Assert.Equal(before, (Observations(), File.ReadAllText(server.Seed.DraftFile)));
    }

    [Fact]
    public async Task Accepting_writes_the_record_and_goes_on_to_the_next_candidate_and_a_second_accept_finds_it_gone()
    {
        var (client, html, token) = await Open();

        using var response = await client.PostAsync($"{Page}/{Candidate(2)}/accept?lang=en", Form(html, 2, token,
            ("quoteEn", "the infant mortality rate was 3.2 per mille"), ("headline", "true")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var id = Regex.Match(location, "accepted=([a-z0-9-]+)").Groups[1].Value;
        Assert.Matches($"^{Page}\\?accepted={id}&at={Candidate(3)}&lang=en#done$", location);
        var line = File.ReadAllLines(server.Seed.ObservationsFile).Single(l => l.Contains($"\"id\": \"{id}\"", StringComparison.Ordinal));
        Assert.StartsWith($"{{\"id\": \"{id}\", \"source\": \"{ReviewSeed.Source}\", \"metric\": \"infant_young_child_mortality_rate\", \"region\": \"330382\", \"year\": 2024,", line);
        Assert.Contains("\"value\": 3.2, \"unit\": \"per_1000\", \"qualifier\": \"EXACT\", \"headline\": true, \"valueAsWritten\": \"3.2‰\", \"quote\": \"婴儿死亡率为3.2‰\"", line);
        Assert.DoesNotContain(Candidate(2), server.Seed.Pending());

        var next = await client.GetStringAsync(location);
        Assert.Matches($"<p id=\"done\" class=\"notice\" role=\"status\">Accepted: written as {id} into seed-data/observations/{ReviewSeed.Source}.jsonl.</p>\\s*<article class=\"candidate\" id=\"c-{Candidate(3)}\"", next);

        using var again = await client.PostAsync($"{Page}/{Candidate(2)}/accept?lang=en", Form(html, 2, token, ("quoteEn", "again")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"Candidate {Candidate(2)} is no longer in the draft", await again.Content.ReadAsStringAsync());
        Assert.Single(File.ReadAllLines(server.Seed.ObservationsFile), l => l.Contains("3.2‰", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input type=\"(?:text|hidden)\"[^>]* name=\"(\\w+)\" value=\"([^\"]*)\"")]
    private static partial Regex InputValue();

    [GeneratedRegex("<select[^>]* name=\"(\\w+)\"[^>]*>(?:(?!</select>)[\\s\\S])*?<option value=\"([^\"]*)\" selected")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<textarea[^>]* name=\"(\\w+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextArea();
}

/// <summary>In Production there is no review page: /review is the site's ordinary 404 page, and nothing takes a POST there.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewNotInProductionTests(ApiFactory api)
{
    [Theory]
    [InlineData("/review")]
    [InlineData("/review/yueqing-2023-work-summary")]
    public async Task Review_is_the_ordinary_404_page(string path)
    {
        var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"There is no page at {path}.", await response.Content.ReadAsStringAsync());

        using var post = await client.PostAsync(path + "/yueqing-2023-work-summary-001/accept", new FormUrlEncodedContent([new("quoteEn", "x")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
