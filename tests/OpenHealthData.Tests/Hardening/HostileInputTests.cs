using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Hardening;

/// <summary>One hostile or broken request and exactly what the API must answer.</summary>
public sealed record HostileCase(string Name, string Method, string Path, string? ContentType, byte[]? Body, string[] Headers, int Status, Answer Expected)
{
    public override string ToString() => Name;
}

/// <summary>What a request must get back, exactly: the body's kind and its words.</summary>
public abstract record Answer
{
    /// <summary>A GraphQL error (application/json): the first error's extensions.code and message.</summary>
    public sealed record Error(string Code, string Message) : Answer;
    /// <summary>An RFC 9457 problem (application/problem+json): title, detail and, for a bad query parameter, the parameter it names.</summary>
    public sealed record Problem(string Title, string? Detail, string? Parameter = null) : Answer;
    /// <summary>A JSON answer equal to this one (GraphQL data, or a REST resource).</summary>
    public sealed record Exactly(string Json) : Answer;
    /// <summary>A page or file of this type that shows the text, and does not show the other (when given).</summary>
    public sealed record Page(string MediaType, string Shows, string? Lacks = null) : Answer;
    /// <summary>No body; with a media type, for HEAD, the one GET would have sent.</summary>
    public sealed record Nothing(string? MediaType = null) : Answer;
    /// <summary>A redirect to a location starting with this.</summary>
    public sealed record Redirect(string LocationStart) : Answer;
}

/// <summary>
/// The hostile-input corpus, every request of issue 22 among them, in Production and in Development: each case gets
/// its exact status and body (the GraphQL error's code and message, the problem's title, detail and parameter, the
/// exact data, or the page), and no answer may leak a stack trace, an exception or type name, a file path or SQL.
/// Development answers exactly as Production does: no developer exception page reaches a client (the API's own
/// exception handler comes first; FaultTests checks a server error in both). Runs against a real Kestrel socket.
/// </summary>
public sealed class HostileInputTests : IClassFixture<HostileInputTests.Servers>
{
    private readonly Servers _servers;
    public HostileInputTests(Servers servers) => _servers = servers;

    /// <summary>The API on a socket in each environment, started on first use.</summary>
    public sealed class Servers : IDisposable
    {
        private readonly Dictionary<string, KestrelApiFactory> _started = [];
        public HttpClient For(string environment)
        {
            lock (_started)
            {
                if (!_started.TryGetValue(environment, out var api)) _started[environment] = api = KestrelApiFactory.In(environment);
                return api.SocketClient();
            }
        }
        public void Dispose() { foreach (var api in _started.Values) api.Dispose(); }
    }

    private static readonly string[] Leaks =
        ["   at ", "Exception", "StackTrace", "/work/", "/tmp/", ".cs:line", "SELECT ", "FROM \"", "EntityFrameworkCore", "Sqlite", "OpenHealthData.", "System."];

    public static TheoryData<string, HostileCase> Cases()
    {
        var data = new TheoryData<string, HostileCase>();
        foreach (var environment in new[] { "Production", "Development" })
            foreach (var c in HostileCorpus.All()) data.Add(environment, c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_exactly_and_leaks_nothing(string environment, HostileCase c)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }
        for (var i = 0; i + 1 < c.Headers.Length; i += 2)
            if (!request.Headers.TryAddWithoutValidation(c.Headers[i], c.Headers[i + 1]))
                request.Content?.Headers.TryAddWithoutValidation(c.Headers[i], c.Headers[i + 1]);

        using var response = await _servers.For(environment).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;

        Assert.True(c.Status == (int)response.StatusCode, $"{c.Name}: expected {c.Status}, got {(int)response.StatusCode}: {Shorten(body)}");
        switch (c.Expected)
        {
            case Answer.Error(var code, var message):
                Assert.Equal("application/json", type);
                var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
                Assert.Equal((code, message), (error.GetProperty("extensions").GetProperty("code").GetString()!, error.GetProperty("message").GetString()!));
                break;
            case Answer.Problem(var title, var detail, var parameter):
                Assert.Equal("application/problem+json", type);
                var problem = JsonDocument.Parse(body).RootElement;
                Assert.Equal(c.Status, problem.GetProperty("status").GetInt32());
                Assert.Equal(title, problem.GetProperty("title").GetString());
                Assert.Equal(detail, problem.TryGetProperty("detail", out var d) ? d.GetString() : null);
                Assert.Equal(parameter, problem.TryGetProperty("parameter", out var p) ? p.GetString() : null);
                break;
            case Answer.Exactly(var json):
                Assert.Equal("application/json", type);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(body)), $"{c.Name}: expected {json}, got {Shorten(body)}");
                break;
            case Answer.Page(var mediaType, var shows, var lacks):
                Assert.Equal(mediaType, type);
                Assert.Contains(shows, body, StringComparison.Ordinal);
                if (lacks is not null) Assert.DoesNotContain(lacks, body, StringComparison.Ordinal);
                break;
            case Answer.Nothing(var mediaType):
                Assert.Equal("", body);
                Assert.Equal(mediaType, type);
                break;
            case Answer.Redirect(var start):
                Assert.Equal("", body);
                Assert.StartsWith(start, response.Headers.Location?.ToString());
                break;
        }
        foreach (var leak in Leaks)
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{c.Name}: the answer contains '{leak}': {Shorten(body)}");
        Assert.False(response.Headers.Contains("Server"), "no server banner");
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;
}

public static class HostileCorpus
{
    private const string Json = "application/json";
    private const string NotARequest = "The request body is not valid JSON, or not a GraphQL request object.";
    private const string NoQuery = "The request has no 'query'.";
    private const string Datasets = "Datasets: regions, sources, institutions, programmes, metrics, observations, metric-aliases, comparable; also datapackage.json and openhealthdata.db.";
    private const string Snapshots = "GET /api/v1/snapshots lists them; /api/v1/snapshots/latest/observations.csv redirects to the current one.";
    private const string TakesJson = "POST /graphql takes Content-Type: application/json with {\"query\": …, \"variables\": …, \"operationName\": …}.";

    private static HostileCase Gql(string name, string query, int status, Answer answer, object? variables = null) =>
        new(name, "POST", "/graphql", Json, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables })), [], status, answer);

    private static HostileCase Body(string name, string body, int status, Answer answer, string? contentType = Json) =>
        new(name, "POST", "/graphql", contentType, Encoding.UTF8.GetBytes(body), [], status, answer);

    private static HostileCase Bytes(string name, byte[] body, int status, Answer answer) => new(name, "POST", "/graphql", Json, body, [], status, answer);

    private static HostileCase Get(string name, string path, int status, Answer answer, params string[] headers) => new(name, "GET", path, null, null, headers, status, answer);

    private static Answer Err(string code, string message) => new Answer.Error(code, message);
    private static Answer Problem(string title, string? detail, string? parameter = null) => new Answer.Problem(title, detail, parameter);
    private static Answer Exactly(string json) => new Answer.Exactly(json);
    private static Answer Page(string mediaType, string shows, string? lacks = null) => new Answer.Page(mediaType, shows, lacks);
    private static Answer Nothing(string? mediaType = null) => new Answer.Nothing(mediaType);

    /// <summary>{"data":{field:{"totalCount":n}}}.</summary>
    private static Answer Count(string field, int n) => Exactly($"{{\"data\":{{\"{field}\":{{\"totalCount\":{n}}}}}}}");

    /// <summary>Oracles from the seed files: how many observations have a year in the range, or a quote with the text; how many regions' Chinese names start with it.</summary>
    private static int ObservationsIn(int from, int to) => SeedRecords.Observations.Count(o => o.GetProperty("year").GetInt32() is var y && y >= from && y <= to);
    private static int ObservationsQuoting(string text) => SeedRecords.Observations.Count(o => o.GetProperty("quote").GetString()!.Contains(text, StringComparison.Ordinal));
    private static int RegionsNamed(string text) => SeedRecords.Regions.Count(r => r.GetProperty("nameZh").GetString()!.StartsWith(text, StringComparison.Ordinal));

    private static string Cursor(string text) => Uri.EscapeDataString(Convert.ToBase64String(Encoding.ASCII.GetBytes(text)));

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static IEnumerable<HostileCase> All()
    {
        // Malformed JSON and request objects
        yield return Body("truncated object", "{", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("lone closing brace", "}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("array", "[{\"query\":\"{ regions { totalCount } }\"}]", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("null", "null", 400, Err("BAD_REQUEST", NoQuery));
        yield return Body("string", "\"{ regions { totalCount } }\"", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("number", "42", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("boolean", "true", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("query is a number", "{\"query\": 1}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("query is an object", "{\"query\": {}}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("query is an array", "{\"query\": []}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("query is null", "{\"query\": null}", 400, Err("BAD_REQUEST", NoQuery));
        yield return Body("no query", "{\"variables\": {}}", 400, Err("BAD_REQUEST", NoQuery));
        yield return Body("empty query", "{\"query\": \"\"}", 400, Err("BAD_REQUEST", NoQuery));
        yield return Body("blank query", "{\"query\": \"   \\n\\t \"}", 400, Err("BAD_REQUEST", NoQuery));
        yield return Body("trailing comma", "{\"query\": \"{ regions { totalCount } }\",}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("single quotes", "{'query': '{ regions { totalCount } }'}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("comment in JSON", "{/* x */\"query\": \"{ regions { totalCount } }\"}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("empty body", "", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("whitespace body", "   \r\n  ", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("variables is a string", "{\"query\": \"{ regions { totalCount } }\", \"variables\": \"x\"}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("variables is an array", "{\"query\": \"{ regions { totalCount } }\", \"variables\": [1]}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("operationName is a number", "{\"query\": \"{ regions { totalCount } }\", \"operationName\": 5}", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("unclosed string", "{\"query\": \"{ regions { totalCount } }", 400, Err("BAD_REQUEST", NotARequest));
        yield return Body("JSON nested 1000 deep in variables", "{\"query\": \"{ regions { totalCount } }\", \"variables\": {\"a\": " + Repeat("[", 1000) + Repeat("]", 1000) + "}}", 400, Err("BAD_REQUEST", "The request body nests JSON 1002 levels deep; the limit is 64."));
        yield return Body("JSON nested 65 deep in variables", "{\"query\": \"{ regions { totalCount } }\", \"variables\": {\"a\": " + Repeat("[", 63) + Repeat("]", 63) + "}}", 400, Err("BAD_REQUEST", "The request body nests JSON 65 levels deep; the limit is 64."));
        yield return Bytes("invalid UTF-8", [.. Encoding.ASCII.GetBytes("{\"query\": \"{ regions { totalCount } }\", \"x\": \""), 0xFF, 0xFE, 0xC3, .. Encoding.ASCII.GetBytes("\"}")], 400, Err("BAD_REQUEST", NotARequest));
        yield return Bytes("overlong UTF-8 slash", [.. Encoding.ASCII.GetBytes("{\"query\": \"{ regions { totalCount } }\", \"x\": \""), 0xC0, 0xAF, .. Encoding.ASCII.GetBytes("\"}")], 400, Err("BAD_REQUEST", NotARequest));
        yield return Bytes("UTF-16 body", Encoding.Unicode.GetBytes("{\"query\": \"{ regions { totalCount } }\"}"), 400, Err("BAD_REQUEST", NotARequest));

        // Content types
        yield return Body("text/plain", "{ regions { totalCount } }", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), "text/plain");
        yield return Body("application/graphql", "{ regions { totalCount } }", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), "application/graphql");
        yield return Body("form post", "query=%7B%7D", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), "application/x-www-form-urlencoded");
        yield return Body("multipart", "--x\r\n\r\n--x--", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), "multipart/form-data; boundary=x");
        yield return Body("xml", "<query/>", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), "application/xml");
        yield return Body("no content type", "{\"query\": \"{ regions { totalCount } }\"}", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), null);
        yield return Body("garbage content type", "{\"query\": \"{ regions { totalCount } }\"}", 415, Err("UNSUPPORTED_MEDIA_TYPE", TakesJson), "not a media type;;;=");
        yield return Body("json with charset", "{\"query\": \"{ regions { totalCount } }\"}", 200, Count("regions", SeedRecords.RegionCount), "application/json; charset=utf-8");

        // Sizes
        yield return Body("body over 64 KiB", "{\"query\": \"{ regions { totalCount } }\", \"x\": \"" + new string('a', 70_000) + "\"}", 413, Err("REQUEST_TOO_LARGE", "The request body is larger than 65536 bytes, the limit."));
        yield return Gql("document over 16 KiB", "{ regions { totalCount } }" + new string(' ', 17_000), 200, Err("DOCUMENT_TOO_LARGE", "The document has 17026 bytes; the limit is 16384."));
        yield return Gql("over 2000 tokens", "{ " + Repeat("a ", 2_100) + "}", 200, Err("DOCUMENT_TOO_LARGE", "The document has more than 2000 tokens, the limit."));
        yield return Gql("long comment", "# " + new string('x', 15_000) + "\n{ regions { totalCount } }", 200, Count("regions", SeedRecords.RegionCount));
        yield return Gql("huge string literal", "{ observations(where: { quote: { contains: \"" + new string('万', 5_000) + "\" } }) { totalCount } }", 200, Count("observations", 0));
        yield return Gql("huge string variable", "query($s: String) { observations(where: { quote: { contains: $s } }) { totalCount } }", 200, Count("observations", 0), new { s = new string('x', 50_000) });
        yield return Gql("huge list variable", "query($c: [String]) { regions(where: { code: { in: $c } }) { totalCount } }", 200, Err("LIST_TOO_LONG", "The argument 'where' of 'regions' has a list of 5000 items; the limit is 1000."), new { c = Enumerable.Range(0, 5_000).Select(i => i.ToString()).ToArray() });
        yield return Gql("list variable at the limit", "query($c: [String]) { regions(where: { code: { in: $c } }) { totalCount } }", 200, Count("regions", 0), new { c = Enumerable.Range(0, 1_000).Select(i => i.ToString()).ToArray() });

        // Depth
        yield return Gql("parent chain 20 deep", "{ region(code: \"330382\") " + Repeat("{ parent ", 20) + "{ code }" + Repeat(" }", 20) + " }", 200, Err("QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 22 levels, maximum allowed on this endpoint is 15."));
        yield return Gql("children chain 16 deep", "{ regions { nodes " + Repeat("{ children ", 14) + "{ code }" + Repeat(" }", 14) + " } }", 200, Err("QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 17 levels, maximum allowed on this endpoint is 15."));
        yield return Gql("braces 300 deep", Repeat("{ a ", 300) + Repeat("}", 300), 200, Err("QUERY_TOO_DEEP", "The document is nested too deeply; the limit is 15 levels of fields."));
        yield return Gql("filter and-nesting 100 deep", "{ observations(where: " + Repeat("{ and: [", 100) + "{ year: { eq: 2023 } }" + Repeat("] }", 100) + ") { totalCount } }", 200, Err("QUERY_TOO_DEEP", "The document is nested too deeply; the limit is 15 levels of fields."));
        yield return Gql("filter and-nesting 10 deep", "{ observations(where: " + Repeat("{ and: [", 10) + "{ year: { eq: 2023 } }" + Repeat("] }", 10) + ") { totalCount } }", 200, Count("observations", ObservationsIn(2023, 2023)));
        yield return Gql("list value nesting 200 deep", "{ regions(first: " + Repeat("[", 200) + "1" + Repeat("]", 200) + ") { totalCount } }", 200, Err("QUERY_TOO_DEEP", "The document is nested too deeply; the limit is 15 levels of fields."));
        yield return Gql("introspection", "{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }", 200, Page("application/json", "{\"name\":\"ObservationFilterInput\",", "\"errors\""));

        // Cost and aliases
        yield return Gql("31 aliases", "{ " + string.Join(" ", Enumerable.Range(0, 31).Select(i => $"a{i}: regions {{ totalCount }}")) + " }", 200, Err("TOO_MANY_ALIASES", "The document has 31 aliases; the limit is 30."));
        yield return Gql("30 aliases", "{ " + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"a{i}: regions {{ totalCount }}")) + " }", 200,
            Exactly("{\"data\":{" + string.Join(",", Enumerable.Range(0, 30).Select(i => $"\"a{i}\":{{\"totalCount\":{SeedRecords.RegionCount}}}")) + "}}"));
        yield return Gql("aliases hidden in a fragment", "fragment F on Query { " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"a{i}: __typename")) + " } { ...F }", 200, Err("TOO_MANY_ALIASES", "The document has 40 aliases; the limit is 30."));
        yield return Gql("wide and deep lists", "{ observations(first: 500) { nodes { metric { observations(first: 500) { metric { observations(first: 500) { id } } } } } } }", 200, Err("QUERY_TOO_COMPLEX", "Query is too complex to execute. Complexity is 125501002; maximum allowed on this endpoint is 250000."));
        yield return Gql("fragment fan-out", "fragment O on Observation { id value quote metric { nameEn } region { nameEn } } " +
            "{ a: observations(first: 500) { nodes { ...O source { observations(first: 500) { ...O } } } } }", 200,
            Err("QUERY_TOO_COMPLEX", "Query is too complex to execute. Complexity is 1754502; maximum allowed on this endpoint is 250000."));

        // Issue 22, 1–3: work bounded before execution, whatever the size (5 and 6 are seed files, not requests: Seeding/SeedCorruptionTests)
        foreach (var n in new[] { 11, 25, 59, 150 })
            yield return Gql($"doubling fragments F0..F{n}", Attacks.DoublingFragments(n), 200,
                Err("TOO_MANY_FIELDS", $"The query selects {(n < 50 ? (1L << n).ToString() : "more than 10^15")} fields once its fragments are expanded; the limit is 2000."));
        yield return Gql("region chain 12", Attacks.RegionChain(12), 200, Err("TOO_MANY_FIELDS", "The query selects 8192 fields once its fragments are expanded; the limit is 2000."));
        yield return Gql("region chain 15", Attacks.RegionChain(15), 200, Err("QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 17 levels, maximum allowed on this endpoint is 15."));
        yield return Gql("region chain 40", Attacks.RegionChain(40), 200, Err("QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 42 levels, maximum allowed on this endpoint is 15."));
        yield return Gql("region fan-out 40", Attacks.RegionFanOut(40), 200, Err("QUERY_TOO_DEEP", "Query is too nested to execute. Depth is 42 levels, maximum allowed on this endpoint is 15."));
        yield return Gql("400 deep sort keys", Attacks.OrderQuery, 200, Err("TOO_MANY_ORDER_KEYS", "The argument 'order' of 'observations' has 400 sort keys; the limit is 10."), Attacks.DeepOrderKeys(400));
        yield return Gql("1,000 deep sort keys", Attacks.OrderQuery, 200, Err("TOO_MANY_ORDER_KEYS", "The argument 'order' of 'observations' has 1000 sort keys; the limit is 10."), Attacks.DeepOrderKeys(1_000));
        yield return Gql("2,001 sort keys", Attacks.OrderQuery, 200, Err("TOO_MANY_ORDER_KEYS", "The argument 'order' of 'observations' has 2001 sort keys; the limit is 10."), Attacks.OrderKeys(2_001));
        yield return Gql("or with 498 items", Attacks.ObservationFilterQuery, 200, Err("FILTER_TOO_LARGE", "The filter 'where' of 'observations' has 997 terms (and/or items, fields and operators); the limit is 100."), new { w = Attacks.YearList("or", 498) });
        yield return Gql("and with 498 items", Attacks.ObservationFilterQuery, 200, Err("FILTER_TOO_LARGE", "The filter 'where' of 'observations' has 997 terms (and/or items, fields and operators); the limit is 100."), new { w = Attacks.YearList("and", 498) });
        yield return Gql("or with 498 items on regions", Attacks.RegionFilterQuery, 200, Err("FILTER_TOO_LARGE", "The filter 'where' of 'regions' has 997 terms (and/or items, fields and operators); the limit is 100."), new { w = Attacks.CodeList(498) });
        yield return Gql("search with 997 items", Attacks.SearchFilterQuery, 200, Err("FILTER_TOO_LARGE", "The filter 'where' of 'search' has 1995 terms (and/or items, fields and operators); the limit is 100."), new { w = Attacks.YearList("or", 997) });
        yield return Gql("or of two and lists of 249 items", Attacks.ObservationFilterQuery, 200, Err("FILTER_TOO_LARGE", "The filter 'where' of 'observations' has 999 terms (and/or items, fields and operators); the limit is 100."), new { w = new { or = new[] { Attacks.YearList("and", 249), Attacks.YearList("and", 249) } } });
        yield return Gql("and/or nested 20 deep in a variable", Attacks.ObservationFilterQuery, 200, Count("observations", ObservationsIn(2023, 2023)), new { w = Attacks.Nested(20) });
        yield return Body("and/or nested 100 deep in a variable", "{\"query\": " + JsonSerializer.Serialize(Attacks.ObservationFilterQuery) + ", \"variables\": {\"w\": " +
            Repeat("{\"and\": [", 100) + "{\"year\": {\"eq\": 2023}}" + Repeat("]}", 100) + "}}", 400, Err("BAD_REQUEST", "The request body nests JSON 204 levels deep; the limit is 64."));
        yield return Gql("or with 49 items", Attacks.ObservationFilterQuery, 200, Count("observations", ObservationsIn(2000, 2048)), new { w = Attacks.YearList("or", 49) });

        // Issue 22, 4: what a binary started from another folder did not find
        yield return Get("GraphiQL for a browser", "/graphql", 200, Page("text/html", "<title>OpenHealthData GraphQL IDE</title>"), "Accept", "text/html");
        yield return Get("the explorer's CSS", "/explore.css", 200, Page("text/css", "body"));
        yield return Get("the explorer's JS", "/explore.js", 200, Page("text/javascript", "document"));

        // Issue 22, 7: HTTP by RFC 9110
        yield return Get("poisoned Host in the explorer", "/explore?q=" + Uri.EscapeDataString("结核"), 200, Page("text/html", "class=\"citation-link\"", "evil"), "Host", "evil.example:666", "X-Forwarded-Host", "evil2.example");
        yield return Get("If-None-Match * on a 404", "/api/v1/regions/999999", 404, Problem("Not Found", "There is no region '999999'. Codes are six-digit administrative division codes, e.g. 330382."), "If-None-Match", "*");
        yield return Get("If-None-Match * on a 400", "/api/v1/observations?year=abc", 400, Problem("Bad Request", "'year' must be a year in four digits, such as 2023; got 'abc'.", "year"), "If-None-Match", "*");
        yield return new HostileCase("If-None-Match * on a 405", "PUT", "/graphql", Json, Encoding.UTF8.GetBytes("{}"), ["If-None-Match", "*"], 405, Problem("Method Not Allowed", "/graphql does not take PUT; it takes GET, POST."));
        yield return Get("Range in items", "/explore.css", 200, Page("text/css", "body"), "Range", "items=0-10");
        yield return Get("If-Range garbage", "/explore.css", 200, Page("text/css", "body"), "Range", "bytes=0-10", "If-Range", "garbage");
        yield return new HostileCase("HEAD /healthz", "HEAD", "/healthz", null, null, [], 200, Nothing("application/json"));
        yield return new HostileCase("HEAD a REST answer", "HEAD", "/api/v1/regions/330382", null, null, [], 200, Nothing("application/json"));
        yield return new HostileCase("HEAD an explorer page", "HEAD", "/explore", null, null, [], 200, Nothing("text/html"));
        yield return Get("unknown route for a browser", "/admin", 404, Page("text/html", "<p class=\"problem\">There is no page at /admin.</p>"), "Accept", "text/html");
        yield return new HostileCase("405 for a browser on an API path", "PUT", "/graphql", null, null, ["Accept", "text/html"], 405, Problem("Method Not Allowed", "/graphql does not take PUT; it takes GET, POST."));
        yield return Get("REST cursor at the largest int", "/api/v1/observations?after=" + Cursor("pos:2147483647"), 400, Problem("Bad Request", "'after' is not a valid cursor; use a cursor returned by this API.", "after"));
        yield return Get("search cursor at the largest int", "/api/v1/search?q=" + Uri.EscapeDataString("结核") + "&after=" + Cursor("pos:2147483647"), 400, Problem("Bad Request", "'after' is not a valid cursor; use a cursor returned by this API.", "after"));
        yield return Get("explorer cursor at the largest int", "/explore?q=" + Uri.EscapeDataString("结核") + "&after=" + Cursor("pos:2147483647"), 400,
            Page("text/html", "<p class=\"problem\">&#x27;after&#x27; is not a valid cursor; use a cursor returned by this API.</p>"));

        // Fragments
        yield return Gql("fragment cycle", "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Cannot spread fragment 'A' within itself via B."));
        yield return Gql("self-referencing fragment", "fragment A on Query { regions { totalCount } ...A } { ...A }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Cannot spread fragment 'A' within itself."));
        yield return Gql("unknown fragment", "{ ...Nope }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Unknown fragment 'Nope'."));
        yield return Gql("unused fragment", "fragment A on Query { __typename } { regions { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Fragment 'A' is never used."));
        yield return Gql("fragment on wrong type", "fragment A on Region { code } { ...A }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Fragment 'A' cannot be spread here as objects of type 'Query' can never be of type 'Region'."));
        yield return Gql("fragment on unknown type", "fragment A on Nope { code } { ...A }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Unknown type Nope."));
        yield return Gql("inline fragment on scalar", "{ regions { ... on String { length } } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Fragment cannot condition on non composite type 'String'."));

        // Directives
        yield return Gql("unknown directive", "{ regions @nope { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Unknown directive 'nope'."));
        yield return Gql("repeated skip", "{ regions " + Repeat("@skip(if: false) ", 50) + "{ totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "The directive 'skip' can only be used once at this location."));
        yield return Gql("include without argument", "{ regions @include { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'if' of type 'Boolean!' is required for directive 'include' but not provided."));
        yield return Gql("include with a string", "{ regions @include(if: \"yes\") { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'if' has invalid value. Expected type 'Boolean', found \"yes\"."));
        yield return Gql("skip on the operation", "query @skip(if: true) { regions { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Directive 'skip' may not be used on Query."));
        yield return Gql("deprecated directive on a field", "{ regions @deprecated { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Directive 'deprecated' may not be used on Field."));
        yield return Gql("skip true", "{ regions @skip(if: true) { totalCount } a: __typename }", 200, Exactly("""{"data":{"a":"Query"}}"""));

        // Operations
        yield return Gql("mutation", "mutation { x }", 200, Err("GRAPHQL_VALIDATION_FAILED", "This API is read-only: it has no mutation operations."));
        yield return Gql("subscription", "subscription { x }", 200, Err("GRAPHQL_VALIDATION_FAILED", "This API is read-only: it has no subscription operations."));
        yield return Gql("two anonymous operations", "{ regions { totalCount } } { sources { totalCount } }", 200, Err("NO_OPERATION_NAME", "Document contains more than one operation, but the operation name was not specified."));
        yield return Gql("unknown operation name", "query A { regions { totalCount } }", 200, Count("regions", SeedRecords.RegionCount));
        yield return new HostileCase("operation name not in document", "POST", "/graphql", Json,
            Encoding.UTF8.GetBytes("{\"query\": \"query A { regions { totalCount } }\", \"operationName\": \"B\"}"), [], 200, Err("INVALID_OPERATION_NAME", "Document does not contain an operation named 'B'."));
        yield return Gql("syntax error", "{ regions { totalCount }", 200, Err("GRAPHQL_PARSE_FAILED", "Error parsing query: Expected Name, found EOF; for more information see http://spec.graphql.org/October2021/#Field"));
        yield return Gql("not GraphQL at all", "SELECT * FROM Observations", 200, Err("GRAPHQL_PARSE_FAILED", "Error parsing query: Expected \"query/mutation/subscription/fragment/schema/scalar/type/interface/union/enum/input/extend/directive\", found Name \"SELECT\""));
        yield return Gql("null byte in a string literal", "{ region(code: \"3303\u000082\") { code } }", 200, Err("GRAPHQL_PARSE_FAILED", "Error parsing query: Invalid character within String: \\u0000."));
        yield return Gql("null byte outside strings", "{ regions \u0000 { totalCount } }", 200, Err("GRAPHQL_PARSE_FAILED", "Error parsing query: Invalid character \"\\u0000\"."));
        yield return Gql("unknown field", "{ patients { name } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Cannot query field 'patients' on type 'Query'."));
        yield return Gql("scalar without selection", "{ regions }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Field regions of type RegionConnection must have a sub selection"));

        // Variables
        yield return Gql("string for Int variable", "query($n: Int) { observations(first: $n) { totalCount } }", 200, Err("BAD_USER_INPUT", "Variable '$n' is invalid. Unable to convert 'ten' to 'Int'"), new { n = "ten" });
        yield return Gql("float for Int variable", "query($n: Int) { observations(first: $n) { totalCount } }", 200, Err("BAD_USER_INPUT", "Variable '$n' is invalid. Unable to convert '1.5' to 'Int'"), new { n = 1.5 });
        yield return Gql("Int overflow", "query($n: Int) { observations(first: $n) { totalCount } }", 200, Err("BAD_USER_INPUT", "Variable '$n' is invalid. Unable to convert '4294967296' to 'Int'"), new { n = 4_294_967_296L });
        yield return Gql("missing required variable", "query($c: String!) { region(code: $c) { code } }", 200, Err("BAD_USER_INPUT", "Variable '$c' is invalid. No value provided for a non-null variable."));
        yield return Gql("null for required variable", "query($c: String!) { region(code: $c) { code } }", 200, Err("BAD_USER_INPUT", "Variable '$c' is invalid. Received a null input for a non-null variable."), new { c = (string?)null });
        yield return Gql("object for String variable", "query($c: String!) { region(code: $c) { code } }", 200, Err("BAD_USER_INPUT", "Variable '$c' is invalid. Unable to convert '(object)' to 'String'"), new { c = new { a = 1 } });
        yield return Gql("unknown field in input variable", "query($w: ObservationFilterInput) { observations(where: $w) { totalCount } }", 200, Err("BAD_USER_INPUT", "Variable '$w' is invalid. Unrecognized input fields 'nope' for type 'ObservationFilterInput'."), new { w = new { nope = new { eq = 1 } } });
        yield return Gql("wrong type inside input variable", "query($w: ObservationFilterInput) { observations(where: $w) { totalCount } }", 200, Err("BAD_USER_INPUT", "Variable '$w.year.eq' is invalid. Unable to convert '2023' to 'Int'"), new { w = new { year = new { eq = "2023" } } });
        yield return Gql("undeclared variable", "{ region(code: $c) { code } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Variable '$c' is not defined."));
        yield return Gql("variable of the wrong declared type", "query($c: Int) { region(code: $c) { code } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Variable '$c' of type 'Int' used in position expecting type 'String!'."));
        yield return Gql("variable of an unknown type", "query($c: Nope) { region(code: $c) { code } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Variable 'c' cannot be non-input type 'Nope'."));
        yield return Gql("full-width digits for Int", "query($y: Int) { observations(where: { year: { eq: $y } }) { totalCount } }", 200, Err("BAD_USER_INPUT", "Variable '$y' is invalid. Unable to convert '２０２３' to 'Int'"), new { y = "２０２３" });

        // Unicode and SQL-like text in filters: plain values, never SQL
        foreach (var (name, text) in new[]
        {
            ("emoji", "🏥💉"), ("right-to-left mark", "\u200F乐清\u200E"), ("zero-width joiner", "医\u200D院"), ("combining accents", "e\u0301\u0301\u0301"),
            ("lone surrogate", "\uD800"), ("null byte", "乐\u0000清"), ("BOM", "\uFEFF乐清"), ("line separator", "a\u2028b"),
            ("SQL quote", "' OR '1'='1"), ("SQL comment", "\"; DROP TABLE Observations; --"), ("LIKE wildcard percent", "%"),
            ("LIKE wildcard underscore", "_"), ("escape backslash", "\\%"), ("SQLite function", "') || sqlite_version() || ('"),
            ("JSON fragment", "\"}]}"), ("very long", new string('长', 10_000)),
        })
        {
            yield return Gql($"contains {name}", "query($s: String) { observations(where: { quote: { contains: $s } }) { totalCount } }", 200, Count("observations", ObservationsQuoting(text)), new { s = text });
            yield return Gql($"startsWith {name}", "query($s: String) { regions(where: { nameZh: { startsWith: $s } }) { totalCount } }", 200, Count("regions", RegionsNamed(text)), new { s = text });
        }
        yield return Gql("SQL in a literal", "{ region(code: \"330382' OR 1=1 --\") { code } }", 200, Exactly("""{"data":{"region":null}}"""));
        yield return Gql("SQL in an order field", "{ regions(order: [{ code: \"ASC; DROP TABLE Regions\" }]) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'order' has invalid value. In element #1: [In field 'code': [Expected type 'SortEnumType', found \"ASC; DROP TABLE Regions\".]]"));

        // Paging arguments
        yield return Gql("negative first", "{ observations(first: -1) { totalCount } }", 200, Err("BAD_USER_INPUT", "'first' must be between 0 and 500, the maximum page size; got -1."));
        yield return Gql("negative last", "{ observations(last: -10) { totalCount } }", 200, Err("BAD_USER_INPUT", "'last' must be between 0 and 500, the maximum page size; got -10."));
        yield return Gql("first over the maximum", "{ observations(first: 501) { totalCount } }", 200, Err("BAD_USER_INPUT", "'first' must be between 0 and 500, the maximum page size; got 501."));
        yield return Gql("first at Int max", "{ observations(first: 2147483647) { totalCount } }", 200, Err("BAD_USER_INPUT", "'first' must be between 0 and 500, the maximum page size; got 2147483647."));
        yield return Gql("first beyond Int", "{ observations(first: 2147483648) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'first' has invalid value. Expected type 'Int', found 2147483648."));
        yield return Gql("first as a float", "{ observations(first: 1.5) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'first' has invalid value. Expected type 'Int', found 1.5."));
        yield return Gql("first as a string", "{ observations(first: \"10\") { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'first' has invalid value. Expected type 'Int', found \"10\"."));
        yield return Gql("first zero", "{ observations(first: 0) { totalCount nodes { id } } }", 200, Exactly($"{{\"data\":{{\"observations\":{{\"totalCount\":{SeedRecords.ObservationCount},\"nodes\":[]}}}}}}"));
        yield return Gql("nested first negative", "{ regions { nodes { observations(first: -1) { id } } } }", 200, Err("BAD_USER_INPUT", "'first' must be between 0 and 500, the maximum page size; got -1."));
        yield return Gql("empty cursor", "{ observations(after: \"\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'after' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("cursor not base64", "{ observations(after: \"!!!\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'after' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("cursor with a negative position", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:-1")) + "\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'after' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("cursor with text position", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:abc")) + "\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'after' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("cursor with an overflowing position", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:99999999999")) + "\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'after' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("cursor past the end", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:999999")) + "\") { nodes { id } } }", 200, Err("BAD_USER_INPUT", "'after' is a cursor past the last row (row 1000000 of 399); use a cursor returned by this API for this query."));
        yield return Gql("cursor at the largest int", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:2147483647")) + "\") { nodes { id } } }", 200, Err("BAD_USER_INPUT", "'after' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("cursor of another kind", "{ observations(before: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("{\"id\":1}")) + "\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'before' is not a valid cursor; use a cursor returned by this API."));
        yield return Gql("unknown region in withinRegion", "{ observations(withinRegion: \"../../\") { totalCount } }", 200, Err("BAD_USER_INPUT", "'../../' is not a known region code."));

        // Unknown operators and fields in filters and orders
        yield return Gql("unknown operator", "{ observations(where: { year: { like: 2023 } }) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'where' has invalid value. In field 'year': [In field 'like': Unknown field.]"));
        yield return Gql("string operator on a number", "{ observations(where: { year: { contains: \"20\" } }) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'where' has invalid value. In field 'year': [In field 'contains': Unknown field.]"));
        yield return Gql("unknown filter field", "{ observations(where: { nope: { eq: 1 } }) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'where' has invalid value. In field 'nope': Unknown field."));
        yield return Gql("shorthand filter", "{ observations(where: { year: 2023 }) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'where' has invalid value. In field 'year': [Expected 'IntOperationFilterInput', found not an object.]"));
        yield return Gql("unknown sort direction", "{ observations(order: [{ year: UP }]) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'order' has invalid value. In element #1: [In field 'year': [Expected type 'SortEnumType', found UP.]]"));
        yield return Gql("unknown sort field", "{ observations(order: [{ nope: ASC }]) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'order' has invalid value. In element #1: [In field 'nope': Unknown field.]"));
        yield return Gql("filter through a list", "{ regions(where: { children: { code: { eq: \"x\" } } }) { totalCount } }", 200, Err("GRAPHQL_VALIDATION_FAILED", "Argument 'where' has invalid value. In field 'children': Unknown field."));

        // HTTP methods and routes
        yield return new HostileCase("PUT /graphql", "PUT", "/graphql", Json, Encoding.UTF8.GetBytes("{}"), [], 405, Problem("Method Not Allowed", "/graphql does not take PUT; it takes GET, POST."));
        yield return new HostileCase("DELETE /graphql", "DELETE", "/graphql", null, null, [], 405, Problem("Method Not Allowed", "/graphql does not take DELETE; it takes GET, POST."));
        yield return new HostileCase("PATCH a snapshot", "PATCH", "/api/v1/snapshots/latest/regions.csv", Json, Encoding.UTF8.GetBytes("{}"), [], 405, Problem("Method Not Allowed", "/api/v1/snapshots/latest/regions.csv does not take PATCH; it takes GET, HEAD."));
        yield return new HostileCase("POST to snapshots", "POST", "/api/v1/snapshots", Json, Encoding.UTF8.GetBytes("{}"), [], 405, Problem("Method Not Allowed", "/api/v1/snapshots does not take POST; it takes GET."));
        yield return Get("mutation over GET", "/graphql?query=" + Uri.EscapeDataString("mutation { x }"), 405, Err("METHOD_NOT_ALLOWED", "A mutation cannot be sent with GET; use POST."));
        yield return Get("GET without query", "/graphql", 400, Err("BAD_REQUEST", NoQuery));
        yield return Get("GET with bad variables", "/graphql?query=%7B__typename%7D&variables=%7Bnope", 400, Err("BAD_REQUEST", "The 'variables' parameter is not a JSON object."));
        yield return Get("GET with a long query", "/graphql?query=" + Uri.EscapeDataString("{ " + Repeat("__typename ", 300) + "}"), 200, Exactly("""{"data":{"__typename":"Query"}}"""));
        yield return Get("unknown route", "/admin", 404, Problem("Not Found", "There is nothing at /admin. The API is at /graphql and /api/v1 (see /swagger)."));
        yield return Get("dotfile", "/.env", 404, Problem("Not Found", "There is nothing at /.env. The API is at /graphql and /api/v1 (see /swagger)."));
        yield return Get("git folder", "/.git/config", 404, Problem("Not Found", "There is nothing at /.git/config. The API is at /graphql and /api/v1 (see /swagger)."));
        yield return Get("other API version", "/api/v2/snapshots", 404, Problem("Not Found", "There is nothing at /api/v2/snapshots. The API is at /graphql and /api/v1 (see /swagger)."));

        // Path traversal and odd ids in snapshot URLs
        foreach (var (name, path, detail) in new[]
        {
            ("dot-dot id", "/api/v1/snapshots/..%2F..%2F..%2Fetc/passwd.csv", "There is no dataset 'passwd'. " + Datasets),
            ("encoded dots", "/api/v1/snapshots/%2e%2e%2f%2e%2e/observations.csv", "There is no snapshot '..%2f..'. " + Snapshots),
            ("backslashes", "/api/v1/snapshots/..%5C..%5Cseed-data/observations.csv", "There is no snapshot '..\\..\\seed-data'. " + Snapshots),
            ("absolute path id", "/api/v1/snapshots/%2Fetc%2Fpasswd/observations.csv", "There is no snapshot '%2Fetc%2Fpasswd'. " + Snapshots),
            ("upper-case id", "/api/v1/snapshots/ABCDEF012345/observations.csv", "There is no snapshot 'ABCDEF012345'. " + Snapshots),
            ("id too long", "/api/v1/snapshots/" + new string('a', 500) + "/observations.csv", "There is no snapshot '" + new string('a', 500) + "'. " + Snapshots),
            ("manifest", "/api/v1/snapshots/latest/manifest.json", "There is no dataset 'manifest'. " + Datasets),
            ("compressed file name", "/api/v1/snapshots/latest/observations.csv.gz", "There is no dataset 'observations.csv'. " + Datasets),
            ("no extension", "/api/v1/snapshots/latest/observations", "There is no format ''. Formats: json, csv, parquet (e.g. observations.csv)."),
            ("dataset traversal", "/api/v1/snapshots/latest/..%2Fmanifest.json", "There is no dataset '..%2Fmanifest'. " + Datasets),
            ("unicode dataset", "/api/v1/snapshots/latest/%E8%A7%82%E5%AF%9F.csv", "There is no dataset '观察'. " + Datasets),
            ("region traversal", "/api/v1/regions/..%2F..%2Fetc", "There is no region '..%2F..%2Fetc'. Codes are six-digit administrative division codes, e.g. 330382."),
            ("source text traversal", "/api/v1/sources/..%2F..%2Fappsettings.json/text", "There is no source '..%2F..%2Fappsettings.json'."),
        })
            yield return Get($"snapshot: {name}", path, 404, Problem("Not Found", detail));

        // Kestrel refuses a NUL in the path before routing
        yield return Get("snapshot: null byte in file", "/api/v1/snapshots/latest/observations.csv%00.json", 400, Nothing());
        yield return Get("snapshot: null byte in id", "/api/v1/snapshots/abc%00def/observations.csv", 400, Nothing());

        // Headers
        yield return Get("oversized header", "/healthz", 431, Nothing(), "X-Big", new string('x', 40_000));
        yield return Get("many headers", "/healthz", 431, Nothing(), [.. Enumerable.Range(0, 200).SelectMany(i => new[] { $"X-H{i}", new string('y', 200) })]);
        yield return Get("URL over the request-line limit", "/graphql?query=" + new string('a', 10_000), 414, Nothing());
        yield return Get("bad accept header", "/api/v1/regions/330382", 200,
            Exactly("""{"code":"330382","nameZh":"乐清市","nameEn":"Yueqing City","level":"county","parentCode":"330300"}"""), "Accept", "\u0001/\u0002");
        yield return Get("odd accept-encoding", "/api/v1/snapshots/latest/regions.csv", 302, new Answer.Redirect("/api/v1/snapshots/"), "Accept-Encoding", "br;q=abc, gzip;q=-1, *;q=2");
        yield return Get("range beyond the file", "/healthz", 200, Page("application/json", "\"status\":\"ok\""), "Range", "bytes=999999999-");
    }
}
