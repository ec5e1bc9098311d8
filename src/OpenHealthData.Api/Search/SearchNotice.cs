namespace OpenHealthData.Api.Search;

/// <summary>The plain sentence that says a search did not find every word: for the API (English) and the explorer (its language).</summary>
public static class SearchNotice
{
    public static string? Text(SearchPage page, bool zh)
    {
        var parts = new List<string>();
        foreach (var c in page.Corrections ?? [])
            parts.Add(zh ? $"“{c.Typed}”未找到，已按“{c.Used}”搜索。" : $"Nothing has “{c.Typed}”; searched for “{c.Used}” instead.");
        if (!page.AllTermsMatched)
        {
            var all = string.Join(zh ? "、" : ", ", page.Terms.Select(t => $"“{t}”"));
            var none = string.Join(zh ? "、" : ", ", (page.Unmatched ?? []).Select(t => $"“{t}”"));
            parts.Add(zh ? $"没有数据同时包含 {all}。" : $"No figure has all of {all}.");
            if (none.Length > 0) parts.Add(zh ? $"{none} 没有找到任何数据。" : $"{none} matched nothing.");
            parts.Add(page.TotalCount > 0
                ? (zh ? "下面是包含其中多数词语的数据。" : "Showing the figures with most of the words.")
                : (zh ? "请换个说法再试。" : "Try other words."));
        }
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
