using System.Globalization;
using System.Text.Json;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// One JSON Lines record being read into an entity. Every accessor reports what is wrong with its field
/// instead of throwing, so that one run of the loader lists every error of the seed data.
/// </summary>
internal sealed class JsonRecord(string file, int line, JsonElement element, List<SeedError> errors)
{
    // The names read and the keys seen are sets reused from record to record (one reader per thread): a million records
    // each keeping a set of 25 names alive until validation ends made most of the read's time garbage collection.
    [ThreadStatic] private static Stack<HashSet<string>>? t_sets;
    private HashSet<string>? _read = Rent();
    private JsonElement _element = element;

    public string File => file;
    public int Line => line;
    /// <summary>The record's key, once read, so that later errors name the record.</summary>
    public string? Key { get; set; }

    private List<SeedError> _errors = errors;

    // The list of the range of records a thread is validating, where their errors go meanwhile. Pointing each record
    // at its range's new list instead wrote a million references from old objects to a new one, which the garbage
    // collector tracks and scans until the list is old too.
    [ThreadStatic] private static List<SeedError>? t_rangeErrors;

    /// <summary>Where the record's errors are collected: its file's list while the file is read, then the whole read's.</summary>
    public List<SeedError> Errors => t_rangeErrors ?? _errors;

    /// <summary>Sends the errors found from now on (by the validator) to the whole read's list.</summary>
    public void ReportTo(List<SeedError> list) => _errors = list;

    /// <summary>Sends the errors of every record found on this thread to a list until called with null (a range being validated).</summary>
    public static void CollectOnThisThread(List<SeedError>? list) => t_rangeErrors = list;

    public void Error(string? field, string message) => Errors.Add(new SeedError(file, line, Key, field, message));

    public string Required(string field)
    {
        var value = Optional(field);
        if (value is null) Error(field, "is required");
        return value ?? "";
    }

    public string? Optional(string field)
    {
        if (!TryGet(field, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) { Error(field, $"must be a string, found {Describe(v)}"); return null; }
        var s = v.GetString()!;
        return s.Trim().Length == 0 ? null : s;
    }

    public int RequiredInt(string field)
    {
        if (TryGet(field, out var v)) return AsInt(field, v) ?? 0;
        Error(field, "is required");
        return 0;
    }

    public int? OptionalInt(string field) => TryGet(field, out var v) ? AsInt(field, v) : null;

    private int? AsInt(string field, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        Error(field, $"must be a whole number, found {Describe(v)}");
        return null;
    }

    public double RequiredNumber(string field)
    {
        if (!TryGet(field, out var v)) { Error(field, "is required"); return 0; }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        Error(field, $"must be a number, found {Describe(v)}");
        return 0;
    }

    public double? OptionalNumber(string field)
    {
        if (!TryGet(field, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        Error(field, $"must be a number, found {Describe(v)}");
        return null;
    }

    public bool OptionalBool(string field)
    {
        if (!TryGet(field, out var v)) return false;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Error(field, $"must be true or false, found {Describe(v)}");
        return false;
    }

    /// <summary>An object of name -> text, e.g. dimensions; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OptionalTextObject(string field)
    {
        if (!TryGet(field, out var v)) return [];
        if (v.ValueKind != JsonValueKind.Object) { Error(field, $"must be an object of name -> text, found {Describe(v)}"); return []; }
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Trim().Length > 0) pairs.Add(new(p.Name, p.Value.GetString()!));
            else Error(field, $"'{p.Name}' must be a non-empty text, found {Describe(p.Value)}");
        }
        return pairs;
    }

    /// <summary>An object of name -> list of texts, e.g. a metric's dimensions; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> OptionalTextListObject(string field)
    {
        if (!TryGet(field, out var v)) return [];
        if (v.ValueKind != JsonValueKind.Object) { Error(field, $"must be an object of name -> list of values, found {Describe(v)}"); return []; }
        var pairs = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var p in v.EnumerateObject())
            if (TextList($"{field}.{p.Name}", p.Value) is { } list) pairs.Add(new(p.Name, list));
        return pairs;
    }

    /// <summary>A list of non-empty texts; empty when absent.</summary>
    public IReadOnlyList<string> OptionalTextList(string field) => TryGet(field, out var v) ? TextList(field, v) ?? [] : [];

    private List<string>? TextList(string field, JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array) { Error(field, $"must be a list of texts, found {Describe(v)}"); return null; }
        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Trim().Length > 0) list.Add(item.GetString()!);
            else Error(field, $"must hold non-empty texts only, found {Describe(item)}");
        }
        return list;
    }

    /// <summary>Reports fields that no accessor asked for: in hand-written data they are nearly always typos.</summary>
    public void RejectUnknownFields()
    {
        foreach (var p in _element.EnumerateObject())
            if (!_read!.Contains(p.Name)) Error(p.Name, "is not a known field");
    }

    /// <summary>
    /// Ends the reading of the record's fields: what validation needs later (file, line, key, errors) stays; the JSON
    /// and the names read are let go. No accessor may be called after.
    /// </summary>
    public void Finish()
    {
        if (_read is not null) Return(_read);
        _read = null;
        _element = default;
    }

    private static HashSet<string> Rent() => t_sets is { Count: > 0 } sets ? sets.Pop() : new HashSet<string>(StringComparer.Ordinal);

    private static void Return(HashSet<string> set)
    {
        set.Clear();
        (t_sets ??= new()).Push(set);
    }

    /// <summary>
    /// A key written twice in one object (at any level) is an error: JSON readers disagree on which one counts, and a
    /// second "value" added by mistake would silently replace the one that matches the quote.
    /// </summary>
    public void RejectDuplicateKeys() => RejectDuplicateKeys(_element, "");

    private void RejectDuplicateKeys(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray()) RejectDuplicateKeys(item, path);
        if (value.ValueKind != JsonValueKind.Object) return;
        var seen = Rent();
        foreach (var p in value.EnumerateObject())
        {
            if (!seen.Add(p.Name)) Error(path + p.Name, "is written twice in this record; keep one");
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) RejectDuplicateKeys(p.Value, $"{path}{p.Name}.");
        }
        Return(seen);
    }

    private bool TryGet(string field, out JsonElement value)
    {
        _read!.Add(field);
        return _element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"\"{Truncate(v.GetString()!)}\"",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Object or JsonValueKind.Array => Truncate(v.GetRawText()),
        _ => v.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
