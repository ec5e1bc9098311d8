using System.Net;
using System.Text.Json;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Comparing;

/// <summary>Seed format v2 through the API, on the test seed: new fields and filters, aliases, coverage and compare.</summary>
public sealed class CompareApiTests(SigningApiFactory api) : IClassFixture<SigningApiFactory>
{
    private static string[] Ids(JsonElement nodes) => [.. nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Observations_show_and_filter_by_qualifier_year_basis_headline_and_dimensions()
    {
        var data = await api.GraphQLAsync("""
            {
              atLeast: observations(where: { qualifier: { eq: AT_LEAST } }) { nodes { id qualifier value lowerBound upperBound } }
              inferred: observations(where: { yearBasis: { eq: INFERRED } }) { nodes { id yearBasis note } }
              headline: observations(where: { headline: { eq: true } }, order: [{ id: ASC }]) { nodes { id headline } }
              keyGroups: observations(where: { dimensions: { contains: "\"population\":\"key_groups\"" } }, order: [{ id: ASC }]) { nodes { id dimensions { name value } } }
              none: observations(where: { dimensions: { eq: "{}" } }, order: [{ id: ASC }]) { nodes { id dimensions { name } } }
              has: observations(where: { dimensions: { has: [{ name: "population", value: "key_groups" }] } }, order: [{ id: ASC }]) { nodes { id } }
              hasNot: observations(where: { dimensions: { has: [{ name: "population", value: "children" }] } }) { totalCount }
              notExact: observations(where: { qualifier: { nin: [EXACT] } }) { totalCount }
            }
            """);
        var atLeast = Assert.Single(data.GetProperty("atLeast").GetProperty("nodes").EnumerateArray());
        Assert.Equal(("s-004", "AT_LEAST", 85.0), (atLeast.GetProperty("id").GetString(), atLeast.GetProperty("qualifier").GetString(), atLeast.GetProperty("value").GetDouble()));
        Assert.Equal(JsonValueKind.Null, atLeast.GetProperty("lowerBound").ValueKind);
        Assert.Equal("s-002", Assert.Single(data.GetProperty("inferred").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(["s-001", "s-002"], Ids(data.GetProperty("headline").GetProperty("nodes")));
        var keyGroups = data.GetProperty("keyGroups").GetProperty("nodes");
        Assert.Equal(["s-001", "s-002", "s-004"], Ids(keyGroups));
        var dimension = Assert.Single(keyGroups[0].GetProperty("dimensions").EnumerateArray());
        Assert.Equal(("population", "key_groups"), (dimension.GetProperty("name").GetString(), dimension.GetProperty("value").GetString()));
        Assert.Equal(["t-001", "t-002"], Ids(data.GetProperty("none").GetProperty("nodes")));
        Assert.Equal(["s-001", "s-002", "s-004"], Ids(data.GetProperty("has").GetProperty("nodes")));
        Assert.Equal(0, data.GetProperty("hasNot").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, data.GetProperty("notExact").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_qualifier_that_is_not_in_the_enum_is_a_validation_error()
    {
        using var response = await api.PostGraphQLAsync("{ observations(where: { qualifier: { eq: ABOUT } }) { totalCount } }");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("GRAPHQL_VALIDATION_FAILED", body);
        Assert.Contains("ABOUT", body);
    }

    [Fact]
    public async Task Metrics_show_dimensions_keywords_scope_aliases_and_coverage()
    {
        var data = await api.GraphQLAsync("""
            {
              metric(code: "family_doctor_signing_rate") {
                code scope keywords dimensions { name values } baseMetric { code }
                aliases { alias dimensions { name value } metric { code } }
                coverage { regions { code } years kinds count }
              }
              byKeyword: metrics(where: { keywords: { contains: "家庭医生" } }) { nodes { code } }
              institutional: metrics(where: { scope: { eq: "institution" } }) { nodes { code } }
            }
            """);
        var metric = data.GetProperty("metric");
        Assert.Equal("region", metric.GetProperty("scope").GetString());
        Assert.Equal(["家庭医生签约", "family doctor"], metric.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!));
        var dimension = Assert.Single(metric.GetProperty("dimensions").EnumerateArray());
        Assert.Equal("population", dimension.GetProperty("name").GetString());
        Assert.Equal(["all_residents", "key_groups", "agricultural_population"], dimension.GetProperty("values").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(JsonValueKind.Null, metric.GetProperty("baseMetric").ValueKind);
        var alias = Assert.Single(metric.GetProperty("aliases").EnumerateArray());
        Assert.Equal("family_doctor_signing_rate_key_groups", alias.GetProperty("alias").GetString());
        var coverage = metric.GetProperty("coverage");
        Assert.Equal(["140823", "330382"], coverage.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("code").GetString()!));
        Assert.Equal([2023, 2024], coverage.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(["actual", "target"], coverage.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!));
        Assert.Equal(4, coverage.GetProperty("count").GetInt32());
        Assert.Equal("family_doctor_signing_rate", Assert.Single(data.GetProperty("byKeyword").GetProperty("nodes").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("hospital_key_specialties_count", Assert.Single(data.GetProperty("institutional").GetProperty("nodes").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Old_codes_resolve_in_metric_series_and_rest()
    {
        var data = await api.GraphQLAsync("""
            {
              metric(code: "family_doctor_signing_rate_key_groups") { code }
              series(metric: "family_doctor_signing_rate_key_groups", region: "330382") { year value observation { id } }
              metricAliases { alias metric { code } }
              unknown: metric(code: "no_such_code") { code }
            }
            """);
        Assert.Equal("family_doctor_signing_rate", data.GetProperty("metric").GetProperty("code").GetString());
        var point = Assert.Single(data.GetProperty("series").EnumerateArray()); // key groups only, not all residents (s-003)
        Assert.Equal(("s-001", 90.56), (point.GetProperty("observation").GetProperty("id").GetString(), point.GetProperty("value").GetDouble()));
        Assert.Single(data.GetProperty("metricAliases").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("unknown").ValueKind);

        var client = api.CreateClient();
        var metric = JsonDocument.Parse(await client.GetStringAsync("/api/v1/metrics/family_doctor_signing_rate_key_groups")).RootElement;
        Assert.Equal("family_doctor_signing_rate", metric.GetProperty("code").GetString());
        var page = JsonDocument.Parse(await client.GetStringAsync("/api/v1/observations?metric=family_doctor_signing_rate_key_groups")).RootElement;
        Assert.Equal(["s-001", "s-002", "s-004"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Compare_returns_like_for_like_groups_only()
    {
        var data = await api.GraphQLAsync("""
            {
              all: compare(metric: "family_doctor_signing_rate") {
                metric { code } dimensions { name value } unit kind regionCount years
                rows { id year value qualifier unit valueAsWritten quote citation region { code nameEn } }
              }
              byAlias: compare(metric: "family_doctor_signing_rate_key_groups", year: 2023, kind: "actual") { rows { id } }
              byDimension: compare(metric: "family_doctor_signing_rate", dimensions: [{ name: "population", value: "key_groups" }]) { rows { id } }
              none: compare(metric: "family_doctor_signing_rate", dimensions: [{ name: "population", value: "all_residents" }]) { rows { id } }
              targets: compare(metric: "family_doctor_signing_rate", kind: "target") { rows { id } }
            }
            """);
        // Key-group actuals in Wenxi and Yueqing compare; all residents (one region) and the target (one region) do not.
        var group = Assert.Single(data.GetProperty("all").EnumerateArray());
        Assert.Equal(("family_doctor_signing_rate", "percent", "actual", 2), (group.GetProperty("metric").GetProperty("code").GetString(),
            group.GetProperty("unit").GetString(), group.GetProperty("kind").GetString(), group.GetProperty("regionCount").GetInt32()));
        Assert.Equal("key_groups", Assert.Single(group.GetProperty("dimensions").EnumerateArray()).GetProperty("value").GetString());
        var rows = group.GetProperty("rows");
        Assert.Equal(["s-002", "s-001"], Ids(rows)); // by region code: 140823 Wenxi, then 330382 Yueqing
        Assert.Equal(("140823", 98.23, "EXACT", "98.23%"), (rows[0].GetProperty("region").GetProperty("code").GetString(), rows[0].GetProperty("value").GetDouble(),
            rows[0].GetProperty("qualifier").GetString(), rows[0].GetProperty("valueAsWritten").GetString()));
        Assert.Contains("重点人群签约率达98.23%", rows[0].GetProperty("citation").GetString());
        Assert.Equal(["s-002", "s-001"], Ids(Assert.Single(data.GetProperty("byAlias").EnumerateArray()).GetProperty("rows")));
        Assert.Equal(["s-002", "s-001"], Ids(Assert.Single(data.GetProperty("byDimension").EnumerateArray()).GetProperty("rows")));
        Assert.Empty(data.GetProperty("none").EnumerateArray());
        Assert.Empty(data.GetProperty("targets").EnumerateArray());
    }

    [Theory]
    [InlineData("compare(metric: \"no_such_metric\")", "'no_such_metric' in 'metric' is neither a metric code nor an old code")]
    [InlineData("compare(metric: \"hospital_key_specialties_count\")", "has scope institution")]
    [InlineData("compare(metric: \"family_doctor_signing_rate\", kind: \"estimate\")", "'kind' must be one of: actual, target, change; got 'estimate'")]
    [InlineData("compare(metric: \"family_doctor_signing_rate\", dimensions: [{ name: \"level\", value: \"national\" }])", "Dimension 'level' is not a dimension of metric 'family_doctor_signing_rate'")]
    [InlineData("compare(metric: \"family_doctor_signing_rate\", dimensions: [{ name: \"population\", value: \"children\" }])", "Dimension 'population': 'children' is not one of its values")]
    public async Task Compare_rejects_bad_input_as_bad_user_input(string field, string message)
    {
        using var response = await api.PostGraphQLAsync($"{{ {field} {{ kind }} }}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("BAD_USER_INPUT", body);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task Rest_compare_returns_the_same_groups()
    {
        var answer = JsonDocument.Parse(await api.CreateClient().GetStringAsync(
            "/api/v1/compare?metric=family_doctor_signing_rate&year=2023&kind=actual&dimension.population=key_groups")).RootElement;
        Assert.Equal("family_doctor_signing_rate", answer.GetProperty("metric").GetString());
        var group = Assert.Single(answer.GetProperty("groups").EnumerateArray());
        Assert.Equal("key_groups", group.GetProperty("dimensions").GetProperty("population").GetString());
        Assert.Equal(2, group.GetProperty("regionCount").GetInt32());
        var rows = group.GetProperty("rows");
        Assert.Equal(["s-002", "s-001"], Ids(rows));
        Assert.Equal(("EXACT", "Wenxi County", 98.23), (rows[0].GetProperty("qualifier").GetString(), rows[0].GetProperty("regionNameEn").GetString(), rows[0].GetProperty("value").GetDouble()));
        Assert.Contains("重点人群签约率达98.23%", rows[0].GetProperty("citation").GetString());

        var alias = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/compare?metric=family_doctor_signing_rate_key_groups")).RootElement;
        Assert.Equal(("family_doctor_signing_rate_key_groups", "family_doctor_signing_rate"), (alias.GetProperty("requested").GetString(), alias.GetProperty("metric").GetString()));
        Assert.Single(alias.GetProperty("groups").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/compare", 400, "'metric' is required")]
    [InlineData("/api/v1/compare?metric=family_doctor_signing_rate&year=twenty", 400, "'year' must be a year in four digits")]
    [InlineData("/api/v1/compare?metric=family_doctor_signing_rate&kind=estimate", 400, "'kind' must be one of")]
    [InlineData("/api/v1/compare?metric=family_doctor_signing_rate&dimension.level=national", 400, "Dimension 'level'")]
    [InlineData("/api/v1/compare?metric=hospital_key_specialties_count", 400, "has scope institution")]
    [InlineData("/api/v1/compare?metric=no_such_metric", 400, "'no_such_metric' in 'metric'")]
    public async Task Rest_compare_answers_bad_input_with_problem_details_naming_the_parameter(string url, int status, string detail)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_metric_aliases_snapshot_lists_the_old_codes()
    {
        var rows = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/snapshots/latest/metric-aliases.json")).RootElement;
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal(("family_doctor_signing_rate_key_groups", "family_doctor_signing_rate", "key_groups"),
            (row.GetProperty("alias").GetString(), row.GetProperty("metricCode").GetString(), row.GetProperty("dimensions").GetProperty("population").GetString()));

        // Dimensions are nested objects in JSON, canonical JSON text in CSV.
        var json = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/snapshots/latest/observations.json")).RootElement;
        var s1 = json.EnumerateArray().Single(o => o.GetProperty("id").GetString() == "s-001");
        Assert.Equal(("key_groups", "EXACT", "STATED", true), (s1.GetProperty("dimensions").GetProperty("population").GetString(),
            s1.GetProperty("qualifier").GetString(), s1.GetProperty("yearBasis").GetString(), s1.GetProperty("headline").GetBoolean()));
        var csv = (await api.CreateClient().GetStringAsync("/api/v1/snapshots/latest/observations.csv")).Split("\r\n");
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        foreach (var column in new[] { "qualifier", "lowerBound", "upperBound", "yearBasis", "headline", "dimensions" }) Assert.Contains(column, header);
        Assert.Contains(csv, line => line.StartsWith("s-001,", StringComparison.Ordinal) && line.Contains(",true,", StringComparison.Ordinal));
        Assert.Contains(csv, line => line.StartsWith("s-001,", StringComparison.Ordinal) && line.Contains("\"{\"\"population\"\":\"\"key_groups\"\"}\"", StringComparison.Ordinal));
        var metrics = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/api/v1/snapshots/latest/metrics.json")).RootElement;
        var signing = metrics.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "family_doctor_signing_rate");
        Assert.Equal("family doctor", signing.GetProperty("keywords")[1].GetString());
        Assert.Equal("key_groups", signing.GetProperty("dimensions").GetProperty("population")[1].GetString());
    }
}
