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
