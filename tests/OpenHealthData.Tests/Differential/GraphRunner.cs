using System.Net.Http.Json;
using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Differential;

/// <summary>Runs a generated query through /graphql in-process (the whole path: parsing, validation, resolvers, SQL) and reads its outcome.</summary>
public sealed class GraphRunner(ApiFactory api)
{
    private readonly HttpClient _client = api.CreateClient();

    public Outcome Run(FilterCase query)
    {
        using var response = _client.PostAsJsonAsync("/graphql", new { query = query.Query, variables = query.Variables }, FilterCase.Json).GetAwaiter().GetResult();
        var json = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;
        if (json.TryGetProperty("errors", out var errors))
        {
            var message = errors[0].GetProperty("message").GetString() ?? "";
            return Outcome.Failed(message.Contains("'after'", StringComparison.Ordinal) ? "after"
                : message.Contains("'before'", StringComparison.Ordinal) ? "before"
                : $"other: {message}");
        }
        var page = json.GetProperty("data").GetProperty(FilterCase.FieldName(query.Shape));
        var key = query.Shape.KeyField.Name;
        return new Outcome([.. page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(key).GetString()!)],
            query.WithTotal ? page.GetProperty("totalCount").GetInt32() : -1, null);
    }
}
