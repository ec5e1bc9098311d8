using System.Net;
using System.Text.Json;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Api.Graph;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Graph;

/// <summary>The checks that live on GraphQL.NET's hooks: the document cache, the operation rule and the error types.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidationHookTests(ApiFactory api)
{
    [Fact]
    public async Task A_document_cached_from_a_POST_still_refuses_its_mutation_over_GET()
    {
        var query = $"query A{Guid.NewGuid():N} {{ regions(first: 1) {{ totalCount }} }} mutation B {{ x }}";
        var name = query[6..query.IndexOf(' ', 6)];
        using (var post = await api.CreateClient().PostAsync("/graphql", JsonContent(new { query, operationName = name })))
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.NotNull(api.Services.GetRequiredService<DocumentCache>().Get(query));

        using var get = await api.CreateClient().GetAsync($"/graphql?query={Uri.EscapeDataString(query)}&operationName=B");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cached_document_answers_as_when_it_was_new_also_with_a_field_selected_twice()
    {
        // The second and later requests take the remembered validation (ValidatedOperations); GraphQL.NET's execution
        // merges the two 'regions' selections and adds the merged field's arguments to the request's copy of them.
        var query = $"query Q{Guid.NewGuid():N} {{ regions(first: 3, order: [{{ code: DESC }}]) {{ nodes {{ code }} }} " +
                    "regions(first: 3, order: [{ code: DESC }]) { nodes { nameEn children(first: 2) { code } } } }";
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await api.CreateClient().PostAsync("/graphql", JsonContent(new { query, variables = new { attempt = i } }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.NotNull(api.Services.GetRequiredService<DocumentCache>().Get(query));
        var nodes = JsonDocument.Parse(answers[0]).RootElement.GetProperty("data").GetProperty("regions").GetProperty("nodes");
        Assert.Equal(3, nodes.GetArrayLength());
        Assert.All(nodes.EnumerateArray(), n => Assert.True(n.TryGetProperty("code", out _) && n.TryGetProperty("nameEn", out _) && n.TryGetProperty("children", out _)));
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
    }

    [Fact]
    public void Error_codes_come_from_the_error_types_not_their_messages()
    {
        // The same words, different types: the code follows the type.
        Assert.Equal("QUERY_TOO_DEEP", ErrorCodes.Classify(new RequestLimitError(RequestLimitError.QueryTooDeep, "complex")).Code);
        Assert.Equal("QUERY_TOO_COMPLEX", ErrorCodes.Classify(new RequestLimitError(RequestLimitError.QueryTooComplex, "nested")).Code);
        Assert.Equal("METHOD_NOT_ALLOWED", ErrorCodes.Classify(new OperationNotAllowedError(OperationType.Mutation, overGet: true)).Code);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", ErrorCodes.Classify(new OperationNotAllowedError(OperationType.Mutation, overGet: false)).Code);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", ErrorCodes.Classify(new GraphQL.Validation.ValidationError("too nested")).Code);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
