using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Explore;
using OpenHealthData.Api.Review.Pages;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Drafting;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Review;

/// <summary>
/// The review of drafts (README "Adding a report"): /review lists the drafts of seed-data/drafts/, /review/{source}
/// shows each candidate of one in its text as a form that accepts (with the reviewer's edits) or rejects it, and
/// /review/{source}/{candidate}/verdict says what the validator would say, for the page's live verdict. It writes
/// into seed-data/, so it is mapped in Development only; every POST must carry the page's anti-forgery token. The
/// draft file is the only state (DraftReview): a page closed mid-way loses nothing.
/// </summary>
public static partial class ReviewEndpoints
{
    /// <summary>One review step at a time: an accept writes the record and takes it out again when it is refused, and removes the candidate from the draft.</summary>
    private static readonly Lock Gate = new();

    public static void MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/review").ExcludeFromDescription();

        review.MapGet("", (HttpContext http, IOptions<DataOptions> data) =>
        {
            var seed = data.Value.ResolvedSeedDirectory;
            var folder = Path.Combine(seed, DraftFile.Folder);
            List<(string Source, int? Pending)> drafts;
            lock (Gate)
                drafts = Directory.Exists(folder)
                    ? [.. Directory.EnumerateFiles(folder, "*.jsonl").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsSourceId)
                        .Order(StringComparer.Ordinal).Select(id => (id, PendingCount(seed, id)))]
                    : [];
            return new RazorComponentResult<ReviewIndexView>(new { R = new ExploreRequest(http), Drafts = drafts });
        });

        review.MapGet("/{source}", (string source, HttpContext http, IOptions<DataOptions> data, IAntiforgery antiforgery) =>
        {
            var r = new ExploreRequest(http);
            var seed = data.Value.ResolvedSeedDirectory;
            if (!Known(seed, source)) return NoSuchSource(r, source);
            // What the step before the redirect did, shown where the reviewer was: before the next candidate.
            var query = http.Request.Query;
            var notice = query["accepted"].ToString() is { Length: > 0 } id && FileHolding(seed, id) is { } file ? r.F("review.accepted", id, file)
                : query["rejected"].ToString() is { Length: > 0 } rejected ? r.F("review.rejected", rejected)
                : null;
            lock (Gate) return Guarded(r, source, () => Page(r, seed, source, antiforgery, StatusCodes.Status200OK, notice, query["at"].ToString()));
        });

        review.MapPost("/{source}/{candidate}/accept", async (string source, string candidate, HttpContext http, IOptions<DataOptions> data, IAntiforgery antiforgery) =>
        {
            var r = new ExploreRequest(http);
            var seed = data.Value.ResolvedSeedDirectory;
            if (!Known(seed, source)) return NoSuchSource(r, source);
            if (!await antiforgery.IsRequestValidAsync(http)) return ExploreEndpoints.Problem(r, StatusCodes.Status400BadRequest, r.T("review.stale"));
            var posted = ReviewForm.Posted(await http.Request.ReadFormAsync(http.RequestAborted));
            var (edits, errors) = ReviewForm.Read(posted, r);
            lock (Gate) return Guarded(r, source, () =>
            {
                var (found, next) = Locate(seed, source, candidate);
                if (!found) return Page(r, seed, source, antiforgery, StatusCodes.Status409Conflict, r.F("review.gone", candidate), problem: true);
                var outcome = errors.Count > 0 ? null : DraftReview.Accept(seed, source, candidate, edits);
                if (outcome is { Accepted: true }) return SeeOther(http, r.Link($"/review/{source}", [new("accepted", outcome.Id), new("at", next)], "done"));
                errors = outcome is null ? errors : [.. outcome.Errors];
                return Page(r, seed, source, antiforgery, StatusCodes.Status422UnprocessableEntity, r.F("review.notwritten", candidate, errors.Count), candidate,
                    problem: true, refused: (candidate, posted, errors, DraftReview.NextId(seed, source)));
            });
        });

        review.MapPost("/{source}/{candidate}/reject", async (string source, string candidate, HttpContext http, IOptions<DataOptions> data, IAntiforgery antiforgery) =>
        {
            var r = new ExploreRequest(http);
            var seed = data.Value.ResolvedSeedDirectory;
            if (!Known(seed, source)) return NoSuchSource(r, source);
            if (!await antiforgery.IsRequestValidAsync(http)) return ExploreEndpoints.Problem(r, StatusCodes.Status400BadRequest, r.T("review.stale"));
            lock (Gate) return Guarded(r, source, () =>
            {
                var (found, next) = Locate(seed, source, candidate);
                if (!found || !DraftReview.Reject(seed, source, candidate))
                    return Page(r, seed, source, antiforgery, StatusCodes.Status409Conflict, r.F("review.gone", candidate), problem: true);
                return SeeOther(http, r.Link($"/review/{source}", [new("rejected", candidate), new("at", next)], "done"));
            });
        });

        review.MapPost("/{source}/{candidate}/verdict", async (string source, string candidate, HttpContext http, IOptions<DataOptions> data, IAntiforgery antiforgery) =>
        {
            var r = new ExploreRequest(http);
            var seed = data.Value.ResolvedSeedDirectory;
            if (!Known(seed, source)) return Verdict(StatusCodes.Status404NotFound, r.F("review.nosource", source), []);
            if (!await antiforgery.IsRequestValidAsync(http)) return Verdict(StatusCodes.Status400BadRequest, r.T("review.stale"), []);
            var (edits, errors) = ReviewForm.Read(ReviewForm.Posted(await http.Request.ReadFormAsync(http.RequestAborted)), r);
            lock (Gate)
            {
                try
                {
                    if (!Locate(seed, source, candidate).Found) return Verdict(StatusCodes.Status404NotFound, r.F("review.gone", candidate), []);
                    if (errors.Count == 0) errors = [.. DraftReview.Verdict(seed, source, candidate, edits)];
                    return Verdict(StatusCodes.Status200OK, errors.Count == 0 ? r.T("review.verdict.ok") : r.F("review.verdict.refused", errors.Count), errors,
                        DraftReview.NextId(seed, source));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    return Verdict(StatusCodes.Status409Conflict, r.F("review.brokendraft", $"seed-data/drafts/{source}.jsonl", e.Message), []);
                }
            }
        });
    }

    /// <summary>The review page of a draft, read now (under the gate), with the notice of the last step and the refused candidate's form as posted.</summary>
    private static IResult Page(ExploreRequest r, string seed, string source, IAntiforgery antiforgery, int status, string? notice = null, string? before = null,
        bool problem = false, (string Id, IReadOnlyDictionary<string, string> Posted, IReadOnlyList<SeedError> Errors, string RecordId)? refused = null)
    {
        var (set, seedErrors) = SeedReader.TryRead(seed);
        var listed = set?.Sources.FirstOrDefault(s => s.Id == source);
        var textFile = Path.Combine(seed, "sources", listed?.FileName ?? source + ".txt");
        var text = listed?.Text ?? (File.Exists(textFile) ? File.ReadAllText(textFile) : null);
        var candidates = DraftReview.Pending(seed, source)
            .Select(c => refused is { } x && (string?)c["id"] == x.Id ? ReviewCandidate.From(c, text, x.Posted, x.Errors, x.RecordId) : ReviewCandidate.From(c, text))
            .ToList();
        var tokens = antiforgery.GetAndStoreTokens(r.Http);
        var page = new ReviewPage
        {
            SourceId = source, Title = listed?.Title, Candidates = candidates, Seed = set, SeedErrors = seedErrors,
            DraftFile = InSeed(seed, DraftFile.PathFor(seed, source)), ObservationsFile = InSeed(seed, DraftReview.ObservationFile(seed, source)),
            Notice = notice, NoticeBefore = candidates.Any(c => c.Id == before) ? before : null, NoticeIsProblem = problem,
            TokenField = tokens.FormFieldName, Token = tokens.RequestToken!,
        };
        // A page with forms of the moment is never stored (the token and the pending candidates change with each step).
        r.Http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<ReviewView>(new { R = r, Page = page }) { StatusCode = status };
    }

    /// <summary>How many candidates a draft has left; null when its file cannot be read (its page says why).</summary>
    private static int? PendingCount(string seed, string source)
    {
        try { return DraftReview.Pending(seed, source).Count; }
        catch (JsonException) { return null; }
    }

    /// <summary>A step on a draft file someone has broken by hand (a line that is not JSON, an id that is not text): a 409 page that says so.</summary>
    private static IResult Guarded(ExploreRequest r, string source, Func<IResult> step)
    {
        try { return step(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return ExploreEndpoints.Problem(r, StatusCodes.Status409Conflict, r.F("review.brokendraft", $"seed-data/drafts/{source}.jsonl", e.Message));
        }
    }

    /// <summary>Whether the candidate is still in the draft, and the one after it (where the reviewer goes on).</summary>
    private static (bool Found, string? Next) Locate(string seed, string source, string candidate)
    {
        var ids = DraftReview.Pending(seed, source).Select(c => (string?)c["id"]).ToList();
        var at = ids.IndexOf(candidate);
        return (at >= 0, at >= 0 && at + 1 < ids.Count ? ids[at + 1] : null);
    }

    /// <summary>The verdict as review.js shows it: at a field the errors it can hold (atField), the others described in a list.</summary>
    private static IResult Verdict(int status, string summary, IReadOnlyList<SeedError> errors, string? recordId = null) => Results.Json(
        new
        {
            ok = status == StatusCodes.Status200OK && errors.Count == 0, summary,
            errors = errors.Select(e => new { field = e.Field, message = e.Message, atField = ReviewCandidate.AtField(e, recordId), text = ReviewCandidate.Describe(e, recordId) }),
        },
        statusCode: status);

    private static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult NoSuchSource(ExploreRequest r, string source) => ExploreEndpoints.Problem(r, StatusCodes.Status404NotFound, r.F("review.nosource", source));

    /// <summary>A source id (a slug: no dot, no slash) with a draft file or a line in sources.jsonl.</summary>
    private static bool Known(string seed, string source) =>
        IsSourceId(source) && (File.Exists(DraftFile.PathFor(seed, source)) || Listed(seed, source));

    private static bool IsSourceId(string id) => id.Length <= 100 && SourceId().IsMatch(id);

    private static bool Listed(string seed, string source)
    {
        var sources = Path.Combine(seed, "sources", "sources.jsonl");
        if (!File.Exists(sources)) return false;
        return File.ReadLines(sources).Any(l => IdOf(l) == source);
    }

    /// <summary>The observations file (as a path in seed-data/) that holds a record, or null.</summary>
    private static string? FileHolding(string seed, string id) =>
        SeedReader.DataFiles(seed, "observations").FirstOrDefault(f => File.ReadLines(f).Any(l => l.Contains($"\"{id}\"", StringComparison.Ordinal) && IdOf(l) == id)) is { } file
            ? InSeed(seed, file) : null;

    private static string? IdOf(string line)
    {
        try { return (string?)JsonNode.Parse(line)?["id"]; }
        catch (JsonException) { return null; } // the validator names a broken line
    }

    private static string InSeed(string seed, string path) => "seed-data/" + Path.GetRelativePath(seed, path).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SourceId();
}
