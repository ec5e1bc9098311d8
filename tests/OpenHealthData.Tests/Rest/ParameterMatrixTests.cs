using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthData.Api.Rest;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Rest;

/// <summary>
/// Every parameter of every GET route (read from the running app's endpoints, so a new route or parameter is covered
/// without editing this test) × malformed values × both environments: never a 5xx, never a stack trace or a type
/// name, and a malformed query parameter is a 400 problem whose detail names it and the form it takes.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ParameterMatrixTests
{
    private sealed class DevelopmentApi : ApiFactory
    {
        protected override string Environment => "Development";
    }

    /// <summary>The values every parameter is tried with; "repeated" sends the parameter twice.</summary>
    private static readonly (string Name, string Value)[] Values =
    [
        ("empty", ""), ("text", "abc"), ("decimal", "2023.5"), ("huge", "99999999999"), ("negative", "-1"),
        ("Unicode", "２０２３年🙂"), ("repeated", "2023"), ("very long", new string('7', 2000)),
    ];

    private static readonly string[] Leaks =
        ["   at ", "Exception", "StackTrace", ".cs:line", "Nullable", "Int32", "System.", "OpenHealthData.", "SELECT ", "/work/", "/tmp/"];

    /// <summary>Valid values for route parameters, so that one parameter at a time is malformed.</summary>
    private static readonly Dictionary<string, string> ValidRouteValues = new()
    {
        ["code"] = "330382", ["id"] = "latest", ["file"] = "observations.csv",
    };

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task No_malformed_parameter_gets_a_server_error(string environment)
    {
        using ApiFactory api = environment == "Development" ? new DevelopmentApi() : new ApiFactory();
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/healthz" || raw == "/graphql"))
            .ToList();
        var failures = new List<string>();
        var queryParameters = 0;

        foreach (var route in routes)
        {
            var template = route.RoutePattern.RawText!;
            var query = route.Metadata.GetMetadata<QueryParameters>()?.All ?? [];
            // GET /graphql reads its parameters itself (GraphQL-over-HTTP); its answers are GraphQL errors, not problems.
            var names = template == "/graphql" ? ["query", "variables", "operationName"] : query.Select(q => q.Name).ToList();
            queryParameters += query.Count;

            foreach (var parameter in route.RoutePattern.Parameters)
                foreach (var (kind, value) in Values.Where(v => v.Name != "repeated"))
                {
                    var path = route.RoutePattern.Parameters.Aggregate(template, (t, p) =>
                        t.Replace("{" + p.Name + "}", Uri.EscapeDataString(p.Name == parameter.Name ? value : ValidRouteValues[p.Name])));
                    await Check(path, $"{template} {parameter.Name} {kind}", expectProblemFor: null);
                }

            var basePath = route.RoutePattern.Parameters.Aggregate(template, (t, p) => t.Replace("{" + p.Name + "}", ValidRouteValues[p.Name]));
            foreach (var name in names)
                foreach (var (kind, value) in Values)
                {
                    var once = $"{name}={Uri.EscapeDataString(value)}";
                    var form = query.FirstOrDefault(q => q.Name == name)?.Form;
                    // a code of an entity that names nothing is a 400 too (the one REST rule), as is any malformed value
                    var malformed = form is not null && (kind is "empty" or "repeated" or "very long" || form is not ParameterForm.Text);
                    await Check($"{basePath}?{once}{(kind == "repeated" ? "&" + once : "")}", $"{template} ?{name} {kind}", malformed ? name : null, names);
                }
        }

        Assert.True(queryParameters >= 8, $"the routes' query parameters were found ({queryParameters})");
        Assert.True(failures.Count == 0, $"{failures.Count} failures in {environment}:\n" + string.Join("\n", failures));

        // The matrix is not vacuous: well-formed values are answered.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/observations?region=330382&year=2023&kind=actual&first=5")).StatusCode);

        // names: the route's query parameters; a 400 about one of them says which in its "parameter" member (a client
        // can point at the field), even when the value looked well formed (an unknown code, a cursor that is not ours).
        async Task Check(string url, string name, string? expectProblemFor, IReadOnlyCollection<string>? names = null)
        {
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) { failures.Add($"{name}: {status} {Shorten(body)}"); return; }
            if (status >= 400)
                foreach (var leak in Leaks.Where(l => body.Contains(l, StringComparison.Ordinal)))
                    failures.Add($"{name}: the answer contains '{leak}': {Shorten(body)}");
            if (status == 400 && names is not null && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                var named = JsonDocument.Parse(body).RootElement.TryGetProperty("parameter", out var p) ? p.GetString() : null;
                if (named is null || !names.Contains(named)) failures.Add($"{name}: a 400 whose 'parameter' ({named ?? "missing"}) is not one of {string.Join(", ", names)}: {Shorten(body)}");
            }
            if (expectProblemFor is null) return;
            if (status != 400 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{name}: expected a 400 problem, got {status} {response.Content.Headers.ContentType}: {Shorten(body)}");
                return;
            }
            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? "";
            if (!detail.Contains($"'{expectProblemFor}'", StringComparison.Ordinal) || !detail.Contains("must be", StringComparison.Ordinal))
                failures.Add($"{name}: the detail does not name the parameter and its form: {detail}");
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
