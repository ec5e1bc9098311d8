using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenHealthData.Data.Drafting;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Review;

/// <summary>
/// One candidate of a draft as the review page shows it: the values of its fields (the draft's, or what the reviewer
/// posted when the validator refused it), what the draft knows of it, its sentence in the text and the errors to show.
/// </summary>
public sealed partial class ReviewCandidate
{
    /// <summary>Characters of text shown before and after the sentence.</summary>
    private const int Around = 60;

    public required string Id { get; init; }
    public required IReadOnlyDictionary<string, string> Values { get; init; }
    public required IReadOnlyList<MetricSuggestion> Suggestions { get; init; }
    public string? NewMetricNameZh { get; init; }
    public required IReadOnlyList<string> Why { get; init; }
    public required IReadOnlyList<ContextRun> Context { get; init; }
    public IReadOnlyList<SeedError> Errors { get; init; } = [];
    /// <summary>The id the record would be written under: its errors name it; others are of records it disagrees with.</summary>
    public string? RecordId { get; init; }

    public string Value(string field) => Values.GetValueOrDefault(field) ?? "";

    /// <summary>The errors shown at a field of the form: the form's own, and the validator's about this record's field.</summary>
    public IEnumerable<SeedError> ErrorsOf(string field) => Errors.Where(e => e.Field == field && AtField(e));

    /// <summary>The errors shown with the verdict: about the record as a whole, or about another record it disagrees with.</summary>
    public IEnumerable<SeedError> OtherErrors() => Errors.Where(e => !AtField(e) || ReviewForm.All.All(f => f.Name != e.Field));

    /// <summary>An error of the form itself (no record) or of this record, which a field of the form can hold.</summary>
    public static bool AtField(SeedError e, string? recordId) => e.Record is null || e.Record == recordId;

    private bool AtField(SeedError e) => AtField(e, RecordId);

    /// <summary>An error as the verdict lists it: another record's with its id.</summary>
    public static string Describe(SeedError e, string? recordId) =>
        (e.Record is not null && e.Record != recordId ? $"{e.Record} " : "") + (e.Field is null ? "" : $"{e.Field}: ") + e.Message;

    public static ReviewCandidate From(JsonObject candidate, string? text, IReadOnlyDictionary<string, string>? posted = null, IReadOnlyList<SeedError>? errors = null, string? recordId = null)
    {
        var draft = candidate["draft"] as JsonObject ?? [];
        var values = posted ?? ReviewForm.All.ToDictionary(f => f.Name, f => ReviewForm.Value(candidate, f.Name));
        var sentence = (string?)draft["sentence"] ?? "";
        return new ReviewCandidate
        {
            Id = (string)candidate["id"]!,
            Values = values,
            Suggestions = [.. (draft["metricSuggestions"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(s => new MetricSuggestion((string?)s["code"] ?? "", (string?)s["nameZh"] ?? "", (double?)s["score"] ?? 0))],
            NewMetricNameZh = (string?)draft["newMetricNameZh"] is { Length: > 0 } name ? name : null,
            Why = [.. (draft["why"] as JsonArray ?? []).Select(w => (string?)w ?? "")],
            // The draft's own quote and number are marked, not the edited ones: they show where the candidate came from.
            Context = Runs(text, sentence, (string?)candidate["quote"] ?? "", (string?)candidate["valueAsWritten"] ?? "", (int?)draft["offset"] ?? -1),
            Errors = errors ?? [],
            RecordId = recordId,
        };
    }

    /// <summary>
    /// The sentence in its text, with a little before and after it, cut into runs: the quote marked and the number in
    /// it marked strongly. The number is at the offset the draft gives; without the text, the sentence alone.
    /// </summary>
    public static IReadOnlyList<ContextRun> Runs(string? text, string sentence, string quote, string number, int offset)
    {
        if (string.IsNullOrEmpty(text) || offset < 0 || offset + number.Length > text.Length || string.CompareOrdinal(text, offset, number, 0, number.Length) != 0)
        {
            text = sentence;
            offset = number.Length == 0 ? -1 : sentence.IndexOf(number, StringComparison.Ordinal);
        }
        var numberEnd = offset + number.Length;
        var (sentenceStart, sentenceEnd) = offset < 0 ? (0, text.Length)
            : Find(text, sentence, offset, numberEnd) is { } at ? (at, at + sentence.Length) : (offset, numberEnd);
        var quoteStart = Find(text, quote, offset, numberEnd) ?? -1;
        var from = Math.Max(0, sentenceStart - Around);
        var to = Math.Min(text.Length, sentenceEnd + Around);

        // The text around the sentence without the blank lines of the layout: one line break between paragraphs.
        while (from < sentenceStart && char.IsWhiteSpace(text[from])) from++;
        while (to > sentenceEnd && char.IsWhiteSpace(text[to - 1])) to--;
        var runs = new List<ContextRun>();
        if (text[..from].Trim().Length > 0) runs.Add(new ContextRun("…", false, false, false));
        for (var i = from; i < to;)
        {
            var state = State(i);
            var j = i + 1;
            while (j < to && State(j) == state) j++;
            var piece = text[i..j];
            runs.Add(new ContextRun(state.Sentence ? piece : BlankLines().Replace(piece, "\n"), state.Sentence, state.Quote, state.Number));
            i = j;
        }
        if (text[to..].Trim().Length > 0) runs.Add(new ContextRun("…", false, false, false));
        return runs;

        (bool Sentence, bool Quote, bool Number) State(int i) => (
            i >= sentenceStart && i < sentenceEnd,
            quoteStart >= 0 && i >= quoteStart && i < quoteStart + quote.Length,
            offset >= 0 && i >= offset && i < numberEnd);
    }

    /// <summary>Where <paramref name="part"/> occurs in the text so as to hold the range [start, end], or null.</summary>
    private static int? Find(string text, string part, int start, int end)
    {
        if (part.Length == 0 || start < 0) return null;
        for (var at = Math.Min(start, text.Length - part.Length); at >= 0 && at + part.Length >= end; at--)
            if (string.CompareOrdinal(text, at, part, 0, part.Length) == 0) return at;
        return null;
    }

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex BlankLines();
}
