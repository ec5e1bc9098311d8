using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Api.Graph;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

[Collection(ApiCollection.Name)]
public sealed class TransportTests(ApiFactory api)
{
    [Fact]
    public async Task Get_runs_a_query_with_variables()
    {
        var query = Uri.EscapeDataString("query($c: String!) { region(code: $c) { nameEn } }");
        var variables = Uri.EscapeDataString("{\"c\":\"330382\"}");
        var response = await api.CreateClient().GetAsync($"/graphql?query={query}&variables={variables}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Yueqing City", json.GetProperty("data").GetProperty("region").GetProperty("nameEn").GetString());
    }

    [Theory]
    [InlineData("mutation { x }")]
    [InlineData("subscription { x }")]
    [InlineData("query A { regions { totalCount } } mutation B { x }", "B")]
    public async Task Get_refuses_mutations_and_subscriptions_with_405(string query, string? operation = null)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(query)}" + (operation is null ? "" : $"&operationName={operation}");
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []));
        Assert.Equal("METHOD_NOT_ALLOWED", Code(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Post_with_variables_and_operation_name()
    {
        var body = JsonSerializer.Serialize(new
        {
            query = "query A { regions { totalCount } } query B($code: String!) { region(code: $code) { code } }",
            operationName = "B",
            variables = new { code = "360000" },
        });
        var response = await api.CreateClient().PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("360000", json.GetProperty("data").GetProperty("region").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Response_media_type_follows_the_accept_header()
    {
        using var plain = await api.PostGraphQLAsync("{ regions { totalCount } }");
        Assert.Equal("application/json", plain.Content.Headers.ContentType!.MediaType);
        using var spec = await api.PostGraphQLAsync("{ regions { totalCount } }", accept: "application/graphql-response+json");
        Assert.Equal("application/graphql-response+json", spec.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, spec.StatusCode);
    }

    [Theory]
    [InlineData("{ regions { nodes { code } ", "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ regions { nodes { nope } } }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ observations(where: { year: { like: 1 } }) { totalCount } }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ observations(where: { year: { eq: \"x\" } }) { totalCount } }", "GRAPHQL_VALIDATION_FAILED")]
    public async Task Documents_that_cannot_run_are_400_with_graphql_response_json(string query, string code)
    {
        using var spec = await api.PostGraphQLAsync(query, accept: "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, spec.StatusCode);
        Assert.Equal(code, Code(await spec.Content.ReadAsStringAsync()));

        using var legacy = await api.PostGraphQLAsync(query);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode); // application/json: errors ride in a 200
        Assert.Equal(code, Code(await legacy.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("{ observations(first: -1) { totalCount } }", "'first' must be between 0 and 500")]
    [InlineData("{ observations(first: 501) { totalCount } }", "'first' must be between 0 and 500")]
    [InlineData("{ observations(after: \"bm9wZQ==\") { totalCount } }", "'after' is not a valid cursor")]
    [InlineData("{ observations(before: \"!!\") { totalCount } }", "'before' is not a valid cursor")]
    [InlineData("{ observations(withinRegion: \"999999\") { totalCount } }", "'999999' is not a known region code")]
    [InlineData("{ regions { nodes { observations(first: -5) { id } } } }", "'first' must be between 0 and 500")]
    [InlineData("{ regions { nodes { observations(first: 501) { id } } } }", "'first' must be between 0 and 500")]
    public async Task Bad_arguments_are_BAD_USER_INPUT_with_a_useful_message(string query, string message)
    {
        using var response = await api.PostGraphQLAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Wrong_variable_types_are_BAD_USER_INPUT()
    {
        using var response = await api.PostGraphQLAsync("query($n: Int) { observations(first: $n) { totalCount } }", new { n = "ten" });
        Assert.Equal("BAD_USER_INPUT", Code(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_cached_document_still_checks_each_requests_variables()
    {
        // Unique text, so that this test's first request is the one that puts the document in the cache.
        var query = $"query Cached{Guid.NewGuid():N}($n: Int) {{ observations(first: $n) {{ nodes {{ metric {{ observations(first: $n) {{ " +
                    "metric { observations(first: $n) { id } } } } } } }";
        var small = await api.GraphQLAsync(query, new { n = 1 });
        Assert.Single(small.GetProperty("observations").GetProperty("nodes").EnumerateArray());
        Assert.NotNull(api.Services.GetRequiredService<DocumentCache>().Get(query));

        using (var wrongType = await api.PostGraphQLAsync(query, new { n = "ten" }))
            Assert.Equal("BAD_USER_INPUT", Code(await wrongType.Content.ReadAsStringAsync()));
        using (var tooComplex = await api.PostGraphQLAsync(query, new { n = 500 }))
            Assert.Equal("QUERY_TOO_COMPLEX", Code(await tooComplex.Content.ReadAsStringAsync()));
        var again = await api.GraphQLAsync(query, new { n = 2 });
        Assert.Equal(2, again.GetProperty("observations").GetProperty("nodes").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"query\": ", "BAD_REQUEST")]
    [InlineData("[1, 2]", "BAD_REQUEST")]
    [InlineData("{\"variables\": {}}", "BAD_REQUEST")]
    [InlineData("{\"query\": \"\"}", "BAD_REQUEST")]
    public async Task Malformed_bodies_are_400_with_a_graphql_error(string body, string code)
    {
        var response = await api.CreateClient().PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, Code(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Other_content_types_are_415()
    {
        var response = await api.CreateClient().PostAsync("/graphql", new StringContent("{ regions { totalCount } }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Code(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_utf8_not_escaped()
    {
        using var response = await api.PostGraphQLAsync("{ region(code: \"330382\") { nameZh } }");
        Assert.Contains("乐清市", await response.Content.ReadAsStringAsync());
    }

    /// <summary>graphql-js's getIntrospectionQuery() with its default options, as GraphiQL sends it on load: it must pass every limit.</summary>
    [Fact]
    public async Task The_full_introspection_query_of_graphql_ides_passes_the_limits()
    {
        const string typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";
        var query = $$"""
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type { {{typeRef}} }
            """;
        var data = await api.GraphQLAsync(query);
        Assert.Contains(data.GetProperty("__schema").GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "ObservationFilterInput");
    }

    private static string? Code(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
