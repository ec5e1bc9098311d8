namespace OpenHealthData.Tests.Hardening;

/// <summary>
/// The requests of issue 22 that pinned a core or broke SQLite, as functions of their size n, so that tests and the
/// bench can send each at growing n.
/// </summary>
public static class Attacks
{
    /// <summary>F0 selects __typename, Fi spreads F(i-1) twice: 2^n fields in about 40·n bytes.</summary>
    public static string DoublingFragments(int n) =>
        "fragment F0 on Query { __typename } " +
        string.Concat(Enumerable.Range(1, n).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }} ")) +
        $"{{ ...F{n} }}";

    /// <summary>The same through Region: Ri selects R(i-1) and its parent's R(i-1), 2^n fields n levels deep.</summary>
    public static string RegionChain(int n) =>
        "fragment R0 on Region { code } " +
        string.Concat(Enumerable.Range(1, n).Select(i => $"fragment R{i} on Region {{ ...R{i - 1} parent {{ ...R{i - 1} }} }} ")) +
        $"{{ region(code: \"330382\") {{ ...R{n} }} }}";

    /// <summary>Ri selects R(i-1) below parent and below children: 2^n fields, n levels deep.</summary>
    public static string RegionFanOut(int n) =>
        "fragment R0 on Region { code } " +
        string.Concat(Enumerable.Range(1, n).Select(i => $"fragment R{i} on Region {{ parent {{ ...R{i - 1} }} children {{ ...R{i - 1} }} }} ")) +
        $"{{ region(code: \"330382\") {{ ...R{n} }} }}";

    public const string OrderQuery = "query($o: [ObservationSortInput!]) { observations(order: $o) { totalCount } }";

    /// <summary>n sort keys, each a lookup of a lookup per row.</summary>
    public static object DeepOrderKeys(int n) => new { o = Enumerable.Repeat(new { region = new { parent = new { nameEn = "DESC" } } }, n).ToArray() };

    /// <summary>n plain sort keys.</summary>
    public static object OrderKeys(int n) => new { o = Enumerable.Repeat(new { year = "DESC" }, n).ToArray() };

    public const string ObservationFilterQuery = "query($w: ObservationFilterInput) { observations(where: $w) { totalCount } }";
    public const string RegionFilterQuery = "query($w: RegionFilterInput) { regions(where: $w) { totalCount } }";
    public const string SearchFilterQuery = "query($w: ObservationFilterInput) { search(text: \"结核\", where: $w) { totalCount } }";

    /// <summary>{ op: [ {year: {eq: 0}}, … n items ] }: 2n + 1 terms.</summary>
    public static object YearList(string op, int n) => new Dictionary<string, object> { [op] = Enumerable.Range(0, n).Select(i => new { year = new { eq = 2000 + i } }).ToArray() };

    /// <summary>{ or: [ {code: {eq: "0"}}, … ] } on regions.</summary>
    public static object CodeList(int n) => new { or = Enumerable.Range(0, n).Select(i => new { code = new { eq = i.ToString() } }).ToArray() };

    /// <summary>and/or alternating, n levels deep, one condition at the bottom: 2n + 2 terms.</summary>
    public static object Nested(int n)
    {
        object filter = new { year = new { eq = 2023 } };
        for (var i = 0; i < n; i++) filter = new Dictionary<string, object> { [i % 2 == 0 ? "and" : "or"] = new[] { filter } };
        return filter;
    }
}
