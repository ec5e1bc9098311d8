using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Seeding;

/// <summary>Reads seed-data/ (format: seed-data/README.md) and validates it as a whole.</summary>
public static class SeedReader
{
    /// <summary>Reads and validates; throws <see cref="SeedValidationException"/> listing every error.</summary>
    public static SeedSet Read(string seedDirectory)
    {
        var (set, errors) = TryRead(seedDirectory);
        if (errors.Count > 0) throw new SeedValidationException(errors);
        return set!;
    }

    public static (SeedSet? Set, IReadOnlyList<SeedError> Errors) TryRead(string seedDirectory)
    {
        var errors = new List<SeedError>();
        if (!Directory.Exists(Path.Combine(seedDirectory, "sources")))
        {
            errors.Add(new SeedError(seedDirectory, 0, null, null, "is not a seed-data folder (no sources/ in it)"));
            return (null, errors);
        }

        // The hash reads every file once more: on another core while the records are read.
        var hash = Task.Run(() => SeedHash.Compute(seedDirectory));
        var sources = ReadFolder(seedDirectory, "sources", errors, r => ReadSource(r, seedDirectory));
        var regions = ReadFolder(seedDirectory, "regions", errors, ReadRegion);
        var institutions = ReadFolder(seedDirectory, "institutions", errors, ReadInstitution);
        var programmes = ReadFolder(seedDirectory, "programmes", errors, ReadProgramme);
        var metrics = ReadFolder(seedDirectory, "metrics", errors, ReadMetric);
        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var observations = ReadFolder(seedDirectory, "observations", errors, r => ReadObservation(r, pool));
        var aliases = ReadFolder(seedDirectory, "metric-aliases", errors, ReadMetricAlias);

        SeedValidator.Validate(sources, regions, institutions, programmes, metrics, observations, aliases, errors);
        if (errors.Count > 0) return (null, errors);
        var texts = sources.ToDictionary(s => s.Entity.Id, s => s.Entity.Text);
        Parallel.ForEach(observations, o =>
        {
            var sentence = Sentences.Around(texts[o.Entity.SourceId], o.Entity.Quote);
            o.Entity.Sentence = sentence == o.Entity.Quote ? o.Entity.Quote : sentence; // one string, not two equal ones
        });
        var sourceById = sources.ToDictionary(s => s.Entity.Id, s => s.Entity);
        Comparing.Flags.Assign([.. observations.Select(x => x.Entity)], id => sourceById[id]);
        var set = new SeedSet(hash.GetAwaiter().GetResult(),
            [.. sources.Select(x => x.Entity)], [.. regions.Select(x => x.Entity)], [.. institutions.Select(x => x.Entity)],
            [.. programmes.Select(x => x.Entity)], [.. metrics.Select(x => x.Entity)], [.. observations.Select(x => x.Entity)],
            [.. aliases.Select(x => x.Entity)]);
        return (set, errors);
    }

    /// <summary>The data files of a folder, in the order the loader reads them.</summary>
    public static IEnumerable<string> DataFiles(string seedDirectory, string folder)
    {
        var dir = Path.Combine(seedDirectory, folder);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.jsonl").Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>
    /// The records of a folder's files in file order. Files are read on every core at once (a million figures come in
    /// dozens of files): each file's records and errors are collected on their own and joined in file order after, so
    /// the result is the same as reading them one by one.
    /// </summary>
    private static List<Read<T>> ReadFolder<T>(string seedDirectory, string folder, List<SeedError> errors, Func<JsonRecord, T> map)
    {
        var files = DataFiles(seedDirectory, folder).ToList();
        var read = new (List<Read<T>> Records, List<SeedError> Errors)[files.Count];
        Parallel.For(0, files.Count, i => read[i] = ReadFile(folder, files[i], map));
        var records = new List<Read<T>>(read.Sum(r => r.Records.Count));
        foreach (var (fileRecords, fileErrors) in read)
        {
            foreach (var record in fileRecords) record.Record.ReportTo(errors);
            records.AddRange(fileRecords);
            errors.AddRange(fileErrors);
        }
        return records;
    }

    private static (List<Read<T>>, List<SeedError>) ReadFile<T>(string folder, string path, Func<JsonRecord, T> map)
    {
        var errors = new List<SeedError>();
        var records = new List<Read<T>>();
        var file = $"{folder}/{Path.GetFileName(path)}";
        // The file's bytes in a pooled buffer: observation files are megabytes, and a new array for each is large-object
        // heap, which only full collections free (a dozen of them at a million figures). Nothing read keeps the bytes.
        using var content = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(content));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try { return ReadLines(file, buffer.AsMemory(0, ReadAll(content, buffer.AsSpan(0, length))), map, errors, records); }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Reads the whole file into the span (the file may have shrunk since its length was taken): the bytes read.</summary>
    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle file, Span<byte> into)
    {
        var total = 0;
        for (int read; total < into.Length && (read = RandomAccess.Read(file, into[total..], total)) > 0;) total += read;
        return total;
    }

    private static (List<Read<T>>, List<SeedError>) ReadLines<T>(string file, ReadOnlyMemory<byte> content, Func<JsonRecord, T> map, List<SeedError> errors, List<Read<T>> records)
    {
        var lines = Utf8Lines(file, content, errors);
        if (lines.Count == 0) errors.Add(new SeedError(file, 0, null, null, "is empty: a data file holds one record per line"));
        var last = lines.Count == 0 ? 0 : lines[^1].Number;
        foreach (var (lineNumber, line, ended) in lines)
        {
            if (line is not { } bytes || IsBlank(bytes.Span)) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(bytes); }
            catch (JsonException e)
            {
                var cut = lineNumber == last && !ended ? " (the file ends inside this record: is it cut short?)" : "";
                errors.Add(new SeedError(file, lineNumber, null, null, $"is not valid JSON{cut}: {e.Message}"));
                continue;
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new SeedError(file, lineNumber, null, null, "is not a JSON object"));
                    continue;
                }
                var record = new JsonRecord(file, lineNumber, doc.RootElement, errors);
                var entity = map(record);
                record.RejectUnknownFields();
                record.RejectDuplicateKeys();
                record.Finish();
                records.Add(new Read<T>(entity, record));
            }
        }
        return (records, errors);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>
    /// The lines of a file in strict UTF-8 (numbered from 1; Ended: a line end follows), as bytes: JSON is parsed from
    /// UTF-8, so a line never becomes a string first. A line with bytes that are not UTF-8 is null and reported with
    /// its line and byte offset: a byte flipped or a file cut mid-character is named where it is, not as a decoder's exception.
    /// </summary>
    private static List<(int Number, ReadOnlyMemory<byte>? Bytes, bool Ended)> Utf8Lines(string file, ReadOnlyMemory<byte> memory, List<SeedError> errors)
    {
        var bytes = memory.Span;
        var lines = new List<(int, ReadOnlyMemory<byte>?, bool)>();
        var start = bytes.StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        for (var number = 1; start < bytes.Length; number++)
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            var ended = end >= 0;
            end = ended ? start + end : bytes.Length;
            var length = end > start && bytes[end - 1] == '\r' ? end - start - 1 : end - start;
            if (Utf8.IsValid(bytes.Slice(start, length))) lines.Add((number, memory.Slice(start, length), ended));
            else
            {
                try { StrictUtf8.GetString(bytes.Slice(start, length)); } // to learn where and what the bad bytes are
                catch (DecoderFallbackException e)
                {
                    errors.Add(NotUtf8(file, bytes, start + Math.Max(0, e.Index), (e.BytesUnknown?.Length ?? 1), number, start));
                }
                lines.Add((number, null, ended));
            }
            start = end + 1;
        }
        return lines;
    }

    /// <summary>Whether a line holds only white space (as <see cref="string.IsNullOrWhiteSpace"/> says): decoded only when it does not start a record.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var text = line.TrimStart(" \t\r\n\v\f"u8);
        return text.IsEmpty || (text[0] != (byte)'{' && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(text)));
    }

    /// <summary>A whole text file in strict UTF-8 (without its BOM); "" and an error naming the line and byte offset if it is not.</summary>
    private static string Utf8Text(string file, byte[] bytes, List<SeedError> errors)
    {
        var start = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            errors.Add(NotUtf8(file, bytes, at, e.BytesUnknown?.Length ?? 1, line, bytes.AsSpan(0, at).LastIndexOf((byte)'\n') + 1));
            return "";
        }
    }

    private static SeedError NotUtf8(string file, ReadOnlySpan<byte> bytes, int at, int unknown, int line, int lineStart)
    {
        var cut = at + unknown >= bytes.Length ? " (the file ends inside a character: is it cut short?)" : "";
        return new SeedError(file, line, null, null,
            $"is not valid UTF-8: byte 0x{bytes[at]:X2} at byte {at} of the file (byte {at - lineStart + 1} of the line){cut}; save the file as UTF-8");
    }

    private static Source ReadSource(JsonRecord r, string seedDirectory)
    {
        r.Key = r.Required("id");
        var fileName = r.Required("file");
        var text = "";
        if (fileName.Length > 0)
        {
            if (fileName != Path.GetFileName(fileName)) r.Error("file", $"must be a file name in sources/, not a path: \"{fileName}\"");
            else if (!File.Exists(Path.Combine(seedDirectory, "sources", fileName))) r.Error("file", $"sources/{fileName} does not exist");
            else
            {
                text = Utf8Text($"sources/{fileName}", File.ReadAllBytes(Path.Combine(seedDirectory, "sources", fileName)), r.Errors);
                if (text.Trim().Length == 0) r.Error("file", $"sources/{fileName} is empty: its figures' quotes could not be checked against it");
            }
        }
        return new Source
        {
            Id = r.Key, FileName = fileName, Text = text,
            Title = r.Required("title"), TitleEn = r.Required("titleEn"),
            Publisher = r.Required("publisher"), PublisherEn = r.Required("publisherEn"),
            IssuingBody = r.Required("issuingBody"), IssuingBodyEn = r.Required("issuingBodyEn"),
            RegionCode = r.Required("region"), Date = r.Required("date"),
            PeriodStart = r.RequiredInt("periodStart"), PeriodEnd = r.RequiredInt("periodEnd"),
            Url = r.Optional("url"), Note = r.Optional("note"),
            YearRule = r.Optional("yearRule"), YearRuleZh = r.Optional("yearRuleZh"),
        };
    }

    private static Region ReadRegion(JsonRecord r)
    {
        r.Key = r.Required("code");
        return new Region
        {
            Code = r.Key, NameZh = r.Required("nameZh"), NameEn = r.Required("nameEn"),
            Level = r.Required("level"), ParentCode = r.Optional("parent"),
        };
    }

    private static Institution ReadInstitution(JsonRecord r)
    {
        r.Key = r.Required("id");
        return new Institution
        {
            Id = r.Key, NameZh = r.Required("nameZh"), NameEn = r.Required("nameEn"), Type = r.Required("type"),
            RegionCode = r.Required("region"), SourceId = r.Required("source"), Note = r.Optional("note"),
        };
    }

    private static Programme ReadProgramme(JsonRecord r)
    {
        r.Key = r.Required("id");
        return new Programme
        {
            Id = r.Key, NameZh = r.Required("nameZh"), NameEn = r.Required("nameEn"), RegionCode = r.Required("region"),
            StartYear = r.RequiredInt("startYear"), EndYear = r.OptionalInt("endYear"),
            DescriptionZh = r.Optional("descriptionZh"), DescriptionEn = r.Required("descriptionEn"), SourceId = r.Required("source"),
        };
    }

    private static Metric ReadMetric(JsonRecord r)
    {
        r.Key = r.Required("code");
        return new Metric
        {
            Code = r.Key, NameZh = r.Required("nameZh"), NameEn = r.Required("nameEn"), Unit = r.Required("unit"),
            Category = r.Required("category"), Description = r.Required("description"), DescriptionZh = r.Optional("descriptionZh"),
            Dimensions = Dimensions.CanonicalAllowed(r.OptionalTextListObject("dimensions")),
            BaseMetricCode = r.Optional("baseMetric"),
            Scope = r.Optional("scope") ?? MetricScopes.Region,
            Keywords = JsonSerializer.Serialize(r.OptionalTextList("keywords"), KeywordJson),
        };
    }

    private static readonly JsonSerializerOptions KeywordJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static MetricAlias ReadMetricAlias(JsonRecord r)
    {
        r.Key = r.Required("alias");
        return new MetricAlias
        {
            Alias = r.Key, MetricCode = r.Required("metric"),
            Dimensions = Dimensions.Canonical(r.OptionalTextObject("dimensions")), Note = r.Optional("note"),
        };
    }

    /// <param name="pool">
    /// One string per distinct code, kind, unit and dimensions of the whole read: a million figures share a few hundred
    /// of each, and a few hundred strings are much less for the garbage collector to go through than millions.
    /// </param>
    private static Observation ReadObservation(JsonRecord r, ConcurrentDictionary<string, string> pool)
    {
        string Shared(string s) => pool.GetOrAdd(s, s);
        string? SharedOrNull(string? s) => s is null ? null : Shared(s);
        r.Key = r.Required("id");
        return new Observation
        {
            Id = r.Key, SourceId = Shared(r.Required("source")), MetricCode = Shared(r.Required("metric")), RegionCode = Shared(r.Required("region")),
            Year = r.RequiredInt("year"), YearBasis = Shared(r.Required("yearBasis")), Kind = Shared(r.Required("kind")),
            Qualifier = Shared(r.Required("qualifier")), Value = r.RequiredNumber("value"),
            LowerBound = r.OptionalNumber("lowerBound"), UpperBound = r.OptionalNumber("upperBound"),
            Headline = r.OptionalBool("headline"), Dimensions = Shared(Dimensions.Canonical(r.OptionalTextObject("dimensions"))),
            ReviewedExceptions = r.OptionalTextObject("reviewedExceptions") is { Count: > 0 } exceptions ? Dimensions.Canonical(exceptions) : null,
            Unit = Shared(r.Required("unit")),
            ValueAsWritten = r.Required("valueAsWritten"), Quote = r.Required("quote"), QuoteEn = r.Required("quoteEn"),
            InstitutionId = SharedOrNull(r.Optional("institution")), ProgrammeId = SharedOrNull(r.Optional("programme")), PartOf = r.Optional("partOf"),
            NameAsWritten = r.Optional("nameAsWritten"), Note = r.Optional("note"), NoteZh = r.Optional("noteZh"),
        };
    }
}

/// <summary>An entity with the record it came from, so that validation can name file, line and field.</summary>
internal sealed record Read<T>(T Entity, JsonRecord Record);
