using System.Text;
using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Hardening;

/// <summary>One hostile or broken request and exactly what the API must answer.</summary>
public sealed record HostileCase(string Name, string Method, string Path, string? ContentType, byte[]? Body, string[] Headers, int Status, string? Code)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus: every case gets its exact status and error code, and no answer may leak a stack
/// trace, an exception or type name, a file path or SQL. Runs against a real Kestrel socket.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class HostileInputTests(KestrelApiFactory api)
{
    private static readonly string[] Leaks =
        ["   at ", "Exception", "StackTrace", "/work/", "/tmp/", ".cs:line", "SELECT ", "FROM \"", "EntityFrameworkCore", "Sqlite", "OpenHealthData.", "System."];

    public static TheoryData<HostileCase> Cases() => [.. HostileCorpus.All()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_exactly_and_leaks_nothing(HostileCase c)
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

        using var response = await api.SocketClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(c.Status == (int)response.StatusCode, $"{c.Name}: expected {c.Status}, got {(int)response.StatusCode}: {Shorten(body)}");
        if (c.Code is not null) Assert.Equal(c.Code, CodeOf(body));
        foreach (var leak in Leaks)
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{c.Name}: the answer contains '{leak}': {Shorten(body)}");
        Assert.False(response.Headers.Contains("Server"), "no server banner");
    }

    /// <summary>extensions.code of a GraphQL error, the title of a problem, or "data" for a GraphQL answer without errors.</summary>
    private static string? CodeOf(string body)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            if (json.ValueKind != JsonValueKind.Object) return null;
            if (json.TryGetProperty("errors", out var errors)) return errors[0].GetProperty("extensions").GetProperty("code").GetString();
            if (json.TryGetProperty("title", out var title)) return title.GetString();
            if (json.TryGetProperty("data", out _)) return "data";
        }
        catch (JsonException) { }
        return null;
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;
}

public static class HostileCorpus
{
    private const string Json = "application/json";

    private static HostileCase Gql(string name, string query, int status, string code, object? variables = null) =>
        new(name, "POST", "/graphql", Json, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables })), [], status, code);

    private static HostileCase Body(string name, string body, int status, string? code, string? contentType = Json) =>
        new(name, "POST", "/graphql", contentType, Encoding.UTF8.GetBytes(body), [], status, code);

    private static HostileCase Bytes(string name, byte[] body, int status, string? code) => new(name, "POST", "/graphql", Json, body, [], status, code);

    private static HostileCase Get(string name, string path, int status, string? code, params string[] headers) => new(name, "GET", path, null, null, headers, status, code);

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static IEnumerable<HostileCase> All()
    {
        // Malformed JSON and request objects
        yield return Body("truncated object", "{", 400, "BAD_REQUEST");
        yield return Body("lone closing brace", "}", 400, "BAD_REQUEST");
        yield return Body("array", "[{\"query\":\"{ regions { totalCount } }\"}]", 400, "BAD_REQUEST");
        yield return Body("null", "null", 400, "BAD_REQUEST");
        yield return Body("string", "\"{ regions { totalCount } }\"", 400, "BAD_REQUEST");
        yield return Body("number", "42", 400, "BAD_REQUEST");
        yield return Body("boolean", "true", 400, "BAD_REQUEST");
        yield return Body("query is a number", "{\"query\": 1}", 400, "BAD_REQUEST");
        yield return Body("query is an object", "{\"query\": {}}", 400, "BAD_REQUEST");
        yield return Body("query is an array", "{\"query\": []}", 400, "BAD_REQUEST");
        yield return Body("query is null", "{\"query\": null}", 400, "BAD_REQUEST");
        yield return Body("no query", "{\"variables\": {}}", 400, "BAD_REQUEST");
        yield return Body("empty query", "{\"query\": \"\"}", 400, "BAD_REQUEST");
        yield return Body("blank query", "{\"query\": \"   \\n\\t \"}", 400, "BAD_REQUEST");
        yield return Body("trailing comma", "{\"query\": \"{ regions { totalCount } }\",}", 400, "BAD_REQUEST");
        yield return Body("single quotes", "{'query': '{ regions { totalCount } }'}", 400, "BAD_REQUEST");
        yield return Body("comment in JSON", "{/* x */\"query\": \"{ regions { totalCount } }\"}", 400, "BAD_REQUEST");
        yield return Body("empty body", "", 400, "BAD_REQUEST");
        yield return Body("whitespace body", "   \r\n  ", 400, "BAD_REQUEST");
        yield return Body("variables is a string", "{\"query\": \"{ regions { totalCount } }\", \"variables\": \"x\"}", 400, "BAD_REQUEST");
        yield return Body("variables is an array", "{\"query\": \"{ regions { totalCount } }\", \"variables\": [1]}", 400, "BAD_REQUEST");
        yield return Body("operationName is a number", "{\"query\": \"{ regions { totalCount } }\", \"operationName\": 5}", 400, "BAD_REQUEST");
        yield return Body("unclosed string", "{\"query\": \"{ regions { totalCount } }", 400, "BAD_REQUEST");
        yield return Body("JSON nested 1000 deep in variables", "{\"query\": \"{ regions { totalCount } }\", \"variables\": {\"a\": " + Repeat("[", 1000) + Repeat("]", 1000) + "}}", 400, "BAD_REQUEST");
        yield return Bytes("invalid UTF-8", [.. Encoding.ASCII.GetBytes("{\"query\": \"{ regions { totalCount } }\", \"x\": \""), 0xFF, 0xFE, 0xC3, .. Encoding.ASCII.GetBytes("\"}")], 400, "BAD_REQUEST");
        yield return Bytes("overlong UTF-8 slash", [.. Encoding.ASCII.GetBytes("{\"query\": \"{ regions { totalCount } }\", \"x\": \""), 0xC0, 0xAF, .. Encoding.ASCII.GetBytes("\"}")], 400, "BAD_REQUEST");
        yield return Bytes("UTF-16 body", Encoding.Unicode.GetBytes("{\"query\": \"{ regions { totalCount } }\"}"), 400, "BAD_REQUEST");

        // Content types
        yield return Body("text/plain", "{ regions { totalCount } }", 415, "UNSUPPORTED_MEDIA_TYPE", "text/plain");
        yield return Body("application/graphql", "{ regions { totalCount } }", 415, "UNSUPPORTED_MEDIA_TYPE", "application/graphql");
        yield return Body("form post", "query=%7B%7D", 415, "UNSUPPORTED_MEDIA_TYPE", "application/x-www-form-urlencoded");
        yield return Body("multipart", "--x\r\n\r\n--x--", 415, "UNSUPPORTED_MEDIA_TYPE", "multipart/form-data; boundary=x");
        yield return Body("xml", "<query/>", 415, "UNSUPPORTED_MEDIA_TYPE", "application/xml");
        yield return Body("no content type", "{\"query\": \"{ regions { totalCount } }\"}", 415, "UNSUPPORTED_MEDIA_TYPE", null);
        yield return Body("garbage content type", "{\"query\": \"{ regions { totalCount } }\"}", 415, "UNSUPPORTED_MEDIA_TYPE", "not a media type;;;=");
        yield return Body("json with charset", "{\"query\": \"{ regions { totalCount } }\"}", 200, "data", "application/json; charset=utf-8");

        // Sizes
        yield return Body("body over 64 KiB", "{\"query\": \"{ regions { totalCount } }\", \"x\": \"" + new string('a', 70_000) + "\"}", 413, "REQUEST_TOO_LARGE");
        yield return Gql("document over 16 KiB", "{ regions { totalCount } }" + new string(' ', 17_000), 200, "DOCUMENT_TOO_LARGE");
        yield return Gql("over 2000 tokens", "{ " + Repeat("__typename ", 2_100) + "}", 200, "DOCUMENT_TOO_LARGE");
        yield return Gql("long comment", "# " + new string('x', 15_000) + "\n{ regions { totalCount } }", 200, "data");
        yield return Gql("huge string literal", "{ observations(where: { quote: { contains: \"" + new string('万', 5_000) + "\" } }) { totalCount } }", 200, "data");
        yield return Gql("huge string variable", "query($s: String) { observations(where: { quote: { contains: $s } }) { totalCount } }", 200, "data", new { s = new string('x', 50_000) });
        yield return Gql("huge list variable", "query($c: [String]) { regions(where: { code: { in: $c } }) { totalCount } }", 200, "LIST_TOO_LONG", new { c = Enumerable.Range(0, 5_000).Select(i => i.ToString()).ToArray() });
        yield return Gql("list variable at the limit", "query($c: [String]) { regions(where: { code: { in: $c } }) { totalCount } }", 200, "data", new { c = Enumerable.Range(0, 1_000).Select(i => i.ToString()).ToArray() });

        // Depth
        yield return Gql("parent chain 20 deep", "{ region(code: \"330382\") " + Repeat("{ parent ", 20) + "{ code }" + Repeat(" }", 20) + " }", 200, "QUERY_TOO_DEEP");
        yield return Gql("children chain 16 deep", "{ regions { nodes " + Repeat("{ children ", 14) + "{ code }" + Repeat(" }", 14) + " } }", 200, "QUERY_TOO_DEEP");
        yield return Gql("braces 300 deep", Repeat("{ a ", 300) + Repeat("}", 300), 200, "QUERY_TOO_DEEP");
        yield return Gql("filter and-nesting 100 deep", "{ observations(where: " + Repeat("{ and: [", 100) + "{ year: { eq: 2023 } }" + Repeat("] }", 100) + ") { totalCount } }", 200, "QUERY_TOO_DEEP");
        yield return Gql("filter and-nesting 10 deep", "{ observations(where: " + Repeat("{ and: [", 10) + "{ year: { eq: 2023 } }" + Repeat("] }", 10) + ") { totalCount } }", 200, "data");
        yield return Gql("list value nesting 200 deep", "{ regions(first: " + Repeat("[", 200) + "1" + Repeat("]", 200) + ") { totalCount } }", 200, "QUERY_TOO_DEEP");
        yield return Gql("introspection", "{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }", 200, "data");

        // Cost and aliases
        yield return Gql("31 aliases", "{ " + string.Join(" ", Enumerable.Range(0, 31).Select(i => $"a{i}: regions {{ totalCount }}")) + " }", 200, "TOO_MANY_ALIASES");
        yield return Gql("30 aliases", "{ " + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"a{i}: regions {{ totalCount }}")) + " }", 200, "data");
        yield return Gql("aliases hidden in a fragment", "fragment F on Query { " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"a{i}: __typename")) + " } { ...F }", 200, "TOO_MANY_ALIASES");
        yield return Gql("wide and deep lists", "{ observations(first: 500) { nodes { metric { observations(first: 500) { metric { observations(first: 500) { id } } } } } } }", 200, "QUERY_TOO_COMPLEX");
        yield return Gql("fragment fan-out", "fragment O on Observation { id value quote metric { nameEn } region { nameEn } } " +
            "{ a: observations(first: 500) { nodes { ...O source { observations(first: 500) { ...O } } } } }", 200, "QUERY_TOO_COMPLEX");

        // Issue 22: work bounded before execution, whatever the size
        foreach (var n in new[] { 11, 25, 59, 150 })
            yield return Gql($"doubling fragments F0..F{n}", Attacks.DoublingFragments(n), 200, "TOO_MANY_FIELDS");
        yield return Gql("region chain 12", Attacks.RegionChain(12), 200, "TOO_MANY_FIELDS");
        yield return Gql("region fan-out 40", Attacks.RegionFanOut(40), 200, "QUERY_TOO_DEEP");
        yield return Gql("1,000 deep sort keys", Attacks.OrderQuery, 200, "TOO_MANY_ORDER_KEYS", Attacks.DeepOrderKeys(1_000));
        yield return Gql("2,001 sort keys", Attacks.OrderQuery, 200, "TOO_MANY_ORDER_KEYS", Attacks.OrderKeys(2_001));
        yield return Gql("or with 498 items", Attacks.ObservationFilterQuery, 200, "FILTER_TOO_LARGE", new { w = Attacks.YearList("or", 498) });
        yield return Gql("and with 498 items", Attacks.ObservationFilterQuery, 200, "FILTER_TOO_LARGE", new { w = Attacks.YearList("and", 498) });
        yield return Gql("or with 498 items on regions", Attacks.RegionFilterQuery, 200, "FILTER_TOO_LARGE", new { w = Attacks.CodeList(498) });
        yield return Gql("search with 997 items", Attacks.SearchFilterQuery, 200, "FILTER_TOO_LARGE", new { w = Attacks.YearList("or", 997) });
        yield return Gql("or with 49 items", Attacks.ObservationFilterQuery, 200, "data", new { w = Attacks.YearList("or", 49) });
        yield return new HostileCase("HEAD /healthz", "HEAD", "/healthz", null, null, [], 200, null);
        yield return Get("If-None-Match * on a 404", "/api/v1/regions/999999", 404, "Not Found", "If-None-Match", "*");
        yield return Get("unknown route for a browser", "/admin", 404, null, "Accept", "text/html");

        // Fragments
        yield return Gql("fragment cycle", "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("self-referencing fragment", "fragment A on Query { regions { totalCount } ...A } { ...A }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("unknown fragment", "{ ...Nope }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("unused fragment", "fragment A on Query { __typename } { regions { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("fragment on wrong type", "fragment A on Region { code } { ...A }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("fragment on unknown type", "fragment A on Nope { code } { ...A }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("inline fragment on scalar", "{ regions { ... on String { length } } }", 200, "GRAPHQL_VALIDATION_FAILED");

        // Directives
        yield return Gql("unknown directive", "{ regions @nope { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("repeated skip", "{ regions " + Repeat("@skip(if: false) ", 50) + "{ totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("include without argument", "{ regions @include { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("include with a string", "{ regions @include(if: \"yes\") { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("skip on the operation", "query @skip(if: true) { regions { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("deprecated directive on a field", "{ regions @deprecated { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("skip true", "{ regions @skip(if: true) { totalCount } a: __typename }", 200, "data");

        // Operations
        yield return Gql("mutation", "mutation { x }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("subscription", "subscription { x }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("two anonymous operations", "{ regions { totalCount } } { sources { totalCount } }", 200, "NO_OPERATION_NAME");
        yield return Gql("unknown operation name", "query A { regions { totalCount } }", 200, "data");
        yield return new HostileCase("operation name not in document", "POST", "/graphql", Json,
            Encoding.UTF8.GetBytes("{\"query\": \"query A { regions { totalCount } }\", \"operationName\": \"B\"}"), [], 200, "INVALID_OPERATION_NAME");
        yield return Gql("syntax error", "{ regions { totalCount }", 200, "GRAPHQL_PARSE_FAILED");
        yield return Gql("not GraphQL at all", "SELECT * FROM Observations", 200, "GRAPHQL_PARSE_FAILED");
        yield return Gql("null byte in a string literal", "{ region(code: \"3303\u000082\") { code } }", 200, "GRAPHQL_PARSE_FAILED");
        yield return Gql("null byte outside strings", "{ regions \u0000 { totalCount } }", 200, "GRAPHQL_PARSE_FAILED");
        yield return Gql("unknown field", "{ patients { name } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("scalar without selection", "{ regions }", 200, "GRAPHQL_VALIDATION_FAILED");

        // Variables
        yield return Gql("string for Int variable", "query($n: Int) { observations(first: $n) { totalCount } }", 200, "BAD_USER_INPUT", new { n = "ten" });
        yield return Gql("float for Int variable", "query($n: Int) { observations(first: $n) { totalCount } }", 200, "BAD_USER_INPUT", new { n = 1.5 });
        yield return Gql("Int overflow", "query($n: Int) { observations(first: $n) { totalCount } }", 200, "BAD_USER_INPUT", new { n = 4_294_967_296L });
        yield return Gql("missing required variable", "query($c: String!) { region(code: $c) { code } }", 200, "BAD_USER_INPUT");
        yield return Gql("null for required variable", "query($c: String!) { region(code: $c) { code } }", 200, "BAD_USER_INPUT", new { c = (string?)null });
        yield return Gql("object for String variable", "query($c: String!) { region(code: $c) { code } }", 200, "BAD_USER_INPUT", new { c = new { a = 1 } });
        yield return Gql("unknown field in input variable", "query($w: ObservationFilterInput) { observations(where: $w) { totalCount } }", 200, "BAD_USER_INPUT", new { w = new { nope = new { eq = 1 } } });
        yield return Gql("wrong type inside input variable", "query($w: ObservationFilterInput) { observations(where: $w) { totalCount } }", 200, "BAD_USER_INPUT", new { w = new { year = new { eq = "2023" } } });
        yield return Gql("undeclared variable", "{ region(code: $c) { code } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("variable of the wrong declared type", "query($c: Int) { region(code: $c) { code } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("variable of an unknown type", "query($c: Nope) { region(code: $c) { code } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("full-width digits for Int", "query($y: Int) { observations(where: { year: { eq: $y } }) { totalCount } }", 200, "BAD_USER_INPUT", new { y = "２０２３" });

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
            yield return Gql($"contains {name}", "query($s: String) { observations(where: { quote: { contains: $s } }) { totalCount } }", 200, "data", new { s = text });
            yield return Gql($"startsWith {name}", "query($s: String) { regions(where: { nameZh: { startsWith: $s } }) { totalCount } }", 200, "data", new { s = text });
        }
        yield return Gql("SQL in a literal", "{ region(code: \"330382' OR 1=1 --\") { code } }", 200, "data");
        yield return Gql("SQL in an order field", "{ regions(order: [{ code: \"ASC; DROP TABLE Regions\" }]) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");

        // Paging arguments
        yield return Gql("negative first", "{ observations(first: -1) { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("negative last", "{ observations(last: -10) { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("first over the maximum", "{ observations(first: 501) { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("first at Int max", "{ observations(first: 2147483647) { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("first beyond Int", "{ observations(first: 2147483648) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("first as a float", "{ observations(first: 1.5) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("first as a string", "{ observations(first: \"10\") { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("first zero", "{ observations(first: 0) { totalCount nodes { id } } }", 200, "data");
        yield return Gql("nested first negative", "{ regions { nodes { observations(first: -1) { id } } } }", 200, "BAD_USER_INPUT");
        yield return Gql("empty cursor", "{ observations(after: \"\") { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor not base64", "{ observations(after: \"!!!\") { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor with a negative position", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:-1")) + "\") { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor with text position", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:abc")) + "\") { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor with an overflowing position", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:99999999999")) + "\") { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor past the end", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:999999")) + "\") { nodes { id } } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor at the largest int", "{ observations(after: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("pos:2147483647")) + "\") { nodes { id } } }", 200, "BAD_USER_INPUT");
        yield return Gql("cursor of another kind", "{ observations(before: \"" + Convert.ToBase64String(Encoding.ASCII.GetBytes("{\"id\":1}")) + "\") { totalCount } }", 200, "BAD_USER_INPUT");
        yield return Gql("unknown region in withinRegion", "{ observations(withinRegion: \"../../\") { totalCount } }", 200, "BAD_USER_INPUT");

        // Unknown operators and fields in filters and orders
        yield return Gql("unknown operator", "{ observations(where: { year: { like: 2023 } }) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("string operator on a number", "{ observations(where: { year: { contains: \"20\" } }) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("unknown filter field", "{ observations(where: { nope: { eq: 1 } }) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("shorthand filter", "{ observations(where: { year: 2023 }) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("unknown sort direction", "{ observations(order: [{ year: UP }]) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("unknown sort field", "{ observations(order: [{ nope: ASC }]) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");
        yield return Gql("filter through a list", "{ regions(where: { children: { code: { eq: \"x\" } } }) { totalCount } }", 200, "GRAPHQL_VALIDATION_FAILED");

        // HTTP methods and routes
        yield return new HostileCase("PUT /graphql", "PUT", "/graphql", Json, Encoding.UTF8.GetBytes("{}"), [], 405, "Method Not Allowed");
        yield return new HostileCase("DELETE /graphql", "DELETE", "/graphql", null, null, [], 405, "Method Not Allowed");
        yield return new HostileCase("PATCH a snapshot", "PATCH", "/api/v1/snapshots/latest/regions.csv", Json, Encoding.UTF8.GetBytes("{}"), [], 405, "Method Not Allowed");
        yield return new HostileCase("POST to snapshots", "POST", "/api/v1/snapshots", Json, Encoding.UTF8.GetBytes("{}"), [], 405, "Method Not Allowed");
        yield return Get("mutation over GET", "/graphql?query=" + Uri.EscapeDataString("mutation { x }"), 405, "METHOD_NOT_ALLOWED");
        yield return Get("GET without query", "/graphql", 400, "BAD_REQUEST");
        yield return Get("GET with bad variables", "/graphql?query=%7B__typename%7D&variables=%7Bnope", 400, "BAD_REQUEST");
        yield return Get("GET with a long query", "/graphql?query=" + Uri.EscapeDataString("{ " + Repeat("__typename ", 300) + "}"), 200, "data");
        yield return Get("unknown route", "/admin", 404, "Not Found");
        yield return Get("dotfile", "/.env", 404, "Not Found");
        yield return Get("git folder", "/.git/config", 404, "Not Found");
        yield return Get("other API version", "/api/v2/snapshots", 404, "Not Found");

        // Path traversal and odd ids in snapshot URLs
        foreach (var (name, path, title) in new[]
        {
            ("dot-dot id", "/api/v1/snapshots/..%2F..%2F..%2Fetc/passwd.csv", "Not Found"),
            ("encoded dots", "/api/v1/snapshots/%2e%2e%2f%2e%2e/observations.csv", "Not Found"),
            ("backslashes", "/api/v1/snapshots/..%5C..%5Cseed-data/observations.csv", "Not Found"),
            ("absolute path id", "/api/v1/snapshots/%2Fetc%2Fpasswd/observations.csv", "Not Found"),
            ("upper-case id", "/api/v1/snapshots/ABCDEF012345/observations.csv", "Not Found"),
            ("id too long", "/api/v1/snapshots/" + new string('a', 500) + "/observations.csv", "Not Found"),
            ("manifest", "/api/v1/snapshots/latest/manifest.json", "Not Found"),
            ("compressed file name", "/api/v1/snapshots/latest/observations.csv.gz", "Not Found"),
            ("no extension", "/api/v1/snapshots/latest/observations", "Not Found"),
            ("dataset traversal", "/api/v1/snapshots/latest/..%2Fmanifest.json", "Not Found"),
            ("unicode dataset", "/api/v1/snapshots/latest/%E8%A7%82%E5%AF%9F.csv", "Not Found"),
            ("region traversal", "/api/v1/regions/..%2F..%2Fetc", "Not Found"),
            ("source text traversal", "/api/v1/sources/..%2F..%2Fappsettings.json/text", "Not Found"),
        })
            yield return Get($"snapshot: {name}", path, 404, title);

        // Kestrel refuses a NUL in the path before routing
        yield return Get("snapshot: null byte in file", "/api/v1/snapshots/latest/observations.csv%00.json", 400, null);
        yield return Get("snapshot: null byte in id", "/api/v1/snapshots/abc%00def/observations.csv", 400, null);

        // Headers
        yield return Get("oversized header", "/healthz", 431, null, "X-Big", new string('x', 40_000));
        yield return Get("many headers", "/healthz", 431, null, [.. Enumerable.Range(0, 200).SelectMany(i => new[] { $"X-H{i}", new string('y', 200) })]);
        yield return Get("URL over the request-line limit", "/graphql?query=" + new string('a', 10_000), 414, null);
        yield return Get("bad accept header", "/api/v1/regions/330382", 200, null, "Accept", "\u0001/\u0002");
        yield return Get("odd accept-encoding", "/api/v1/snapshots/latest/regions.csv", 302, null, "Accept-Encoding", "br;q=abc, gzip;q=-1, *;q=2");
        yield return Get("range beyond the file", "/healthz", 200, null, "Range", "bytes=999999999-");
    }
}
