namespace OpenHealthData.Api.Serving;

/// <summary>
/// Where the site is published (configuration "PublicBaseUrl", e.g. https://data.example.org): the one place absolute
/// links in pages (citations) come from. Never the request's Host header: any client may write it, and a cache in
/// front would serve the page it poisoned to everyone. Not configured: links stay relative to the site.
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Key = "PublicBaseUrl";
    private readonly string? _base;

    public PublicBaseUrl(IConfiguration configuration)
    {
        if (configuration[Key] is not { Length: > 0 } configured) return;
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
            uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidOperationException($"{Key} '{configured}' is not an http(s) address without query or fragment, such as https://data.example.org.");
        _base = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The address of a path on this site (starting with /): absolute on the configured base, else as given.</summary>
    public string Absolute(string pathAndQuery) => _base + pathAndQuery;
}
