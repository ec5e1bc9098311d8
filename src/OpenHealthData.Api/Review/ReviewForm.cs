using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenHealthData.Api.Explore;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Api.Review;

/// <summary>The fields of a candidate on the review page, and a posted form read back as the edits of the record.</summary>
public static class ReviewForm
{
    public const string Metrics = "metric-codes";
    public const string Regions = "region-codes";
    public const string Institutions = "institution-ids";
    public const string Programmes = "programme-ids";

    /// <summary>The fields every figure has, in the seed's order.</summary>
    public static readonly IReadOnlyList<ReviewField> Main =
    [
        new("metric", ReviewFieldKind.Text, Suggest: Metrics),
        new("region", ReviewFieldKind.Text, Suggest: Regions),
        new("year", ReviewFieldKind.Integer),
        new("yearBasis", ReviewFieldKind.Choice, [.. Vocabulary.YearBases.Order(StringComparer.Ordinal)]),
        new("kind", ReviewFieldKind.Choice, ["actual", "target", "change"]),
        new("value", ReviewFieldKind.Number),
        new("unit", ReviewFieldKind.Choice, [.. Vocabulary.Units.Order(StringComparer.Ordinal)]),
        new("qualifier", ReviewFieldKind.Choice, ["EXACT", "APPROXIMATE", "AT_LEAST", "AT_MOST", "RANGE", "RANK"]),
        new("valueAsWritten", ReviewFieldKind.Text),
        new("quote", ReviewFieldKind.Text, Wide: true),
        new("quoteEn", ReviewFieldKind.Text, Wide: true),
        new("note", ReviewFieldKind.LongText, Wide: true),
        new("headline", ReviewFieldKind.Flag),
    ];

    /// <summary>Fields most figures do not have, folded away.</summary>
    public static readonly IReadOnlyList<ReviewField> More =
    [
        new("dimensions", ReviewFieldKind.Object),
        new("lowerBound", ReviewFieldKind.Number),
        new("upperBound", ReviewFieldKind.Number),
        new("institution", ReviewFieldKind.Text, Suggest: Institutions),
        new("programme", ReviewFieldKind.Text, Suggest: Programmes),
        new("nameAsWritten", ReviewFieldKind.Text),
        new("partOf", ReviewFieldKind.Text),
        new("reviewedExceptions", ReviewFieldKind.Object, Wide: true),
        new("noteZh", ReviewFieldKind.LongText, Wide: true),
    ];

    public static IEnumerable<ReviewField> All => Main.Concat(More);

    /// <summary>A field of a record as a form shows it: text as it is, numbers in invariant notation, objects as JSON.</summary>
    public static string Value(JsonObject record, string field) => record[field] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "",
        var node => node.ToJsonString(),
    };

    /// <summary>The values a form posted for every field (a checkbox left unticked posts nothing: "").</summary>
    public static Dictionary<string, string> Posted(IFormCollection form) =>
        All.ToDictionary(f => f.Name, f => form[f.Name].ToString());

    /// <summary>
    /// The record's fields as the form gives them (an empty field is removed), or what cannot be read as its kind:
    /// a value that is not a number, a breakdown that is not a JSON object. The validator judges the rest.
    /// </summary>
    public static (Dictionary<string, JsonNode?> Edits, List<SeedError> Errors) Read(IReadOnlyDictionary<string, string> posted, ExploreRequest r)
    {
        var edits = new Dictionary<string, JsonNode?>();
        var errors = new List<SeedError>();
        foreach (var field in All)
        {
            var text = posted.GetValueOrDefault(field.Name) ?? "";
            if (text.Trim().Length == 0)
            {
                edits[field.Name] = null;
                continue;
            }
            switch (field.Kind)
            {
                case ReviewFieldKind.Number when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                    edits[field.Name] = JsonValue.Create(number);
                    break;
                case ReviewFieldKind.Integer when int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole):
                    edits[field.Name] = JsonValue.Create(whole);
                    break;
                case ReviewFieldKind.Number:
                    errors.Add(Error(field.Name, r.F("review.error.number", text)));
                    break;
                case ReviewFieldKind.Integer:
                    errors.Add(Error(field.Name, r.F("review.error.integer", text)));
                    break;
                case ReviewFieldKind.Flag:
                    edits[field.Name] = JsonValue.Create(true);
                    break;
                case ReviewFieldKind.Object:
                    try
                    {
                        edits[field.Name] = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
                    }
                    catch (JsonException e)
                    {
                        errors.Add(Error(field.Name, r.F("review.error.object", e.Message)));
                    }
                    break;
                case ReviewFieldKind.Choice:
                case ReviewFieldKind.Text when field.Suggest is not null || field.Name == "partOf":
                    edits[field.Name] = JsonValue.Create(text.Trim()); // a code: spaces around it are typing, not meaning
                    break;
                default:
                    edits[field.Name] = JsonValue.Create(text); // a quote is kept exactly, spaces and all
                    break;
            }
        }
        return (edits, errors);
    }

    /// <summary>An error of the form itself: of no record yet, at its field.</summary>
    private static SeedError Error(string field, string message) => new("form", 0, null, field, message);
}
