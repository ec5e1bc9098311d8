using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Seeding;

/// <summary>Checks that need the whole seed set: keys, references, word lists, years and quotes.</summary>
internal static class SeedValidator
{
    public static void Validate(
        List<Read<Source>> sources, List<Read<Region>> regions, List<Read<Institution>> institutions,
        List<Read<Programme>> programmes, List<Read<Metric>> metrics, List<Read<Observation>> observations,
        List<Read<MetricAlias>> aliases, List<SeedError> errors)
    {
        var sourceById = Unique(sources, x => x.Id, "source id");
        var regionByCode = Unique(regions, x => x.Code, "region code");
        var institutionById = Unique(institutions, x => x.Id, "institution id");
        var programmeById = Unique(programmes, x => x.Id, "programme id");
        var metricByCode = Unique(metrics, x => x.Code, "metric code");
        var observationById = Unique(observations, x => x.Id, "observation id");

        foreach (var (s, r) in sources)
        {
            Reference(r, "region", s.RegionCode, regionByCode);
            YearInRange(r, "periodStart", s.PeriodStart);
            YearInRange(r, "periodEnd", s.PeriodEnd);
            if (s.PeriodEnd < s.PeriodStart) r.Error("periodEnd", $"{s.PeriodEnd} is before periodStart {s.PeriodStart}");
        }

        foreach (var (region, r) in regions)
        {
            OneOf(r, "level", region.Level, Vocabulary.RegionLevels);
            if (region.ParentCode is not null && Reference(r, "parent", region.ParentCode, regionByCode) && HasCycle(region, regionByCode))
                r.Error("parent", $"\"{region.ParentCode}\" makes the region its own ancestor");
        }

        foreach (var (i, r) in institutions)
        {
            OneOf(r, "type", i.Type, Vocabulary.InstitutionTypes);
            Reference(r, "region", i.RegionCode, regionByCode);
            Reference(r, "source", i.SourceId, sourceById);
        }

        foreach (var (p, r) in programmes)
        {
            Reference(r, "region", p.RegionCode, regionByCode);
            Reference(r, "source", p.SourceId, sourceById);
            YearInRange(r, "startYear", p.StartYear);
            if (p.EndYear is { } end && (YearInRange(r, "endYear", end) && end < p.StartYear))
                r.Error("endYear", $"{end} is before startYear {p.StartYear}");
        }

        foreach (var (m, r) in metrics)
        {
            OneOf(r, "unit", m.Unit, Vocabulary.Units);
            OneOf(r, "category", m.Category, Vocabulary.Categories);
            OneOf(r, "scope", m.Scope, Vocabulary.MetricScopes);
            ObservationRules.MetricDimensions(r, m);
            ObservationRules.BaseMetric(r, m, metricByCode.ContainsKey);
        }

        Unique(aliases, x => x.Alias, "metric alias");
        foreach (var (a, r) in aliases)
        {
            if (metricByCode.ContainsKey(a.Alias))
                r.Error("alias", $"\"{a.Alias}\" is a metric code; an alias names a code that is no longer a metric");
            if (Reference(r, "metric", a.MetricCode, metricByCode))
                ObservationRules.Dimensions(r, a.Dimensions, metricByCode[a.MetricCode].Entity);
        }

        // The figures are checked on every core, a range each, every range's errors in a list of its own, joined in
        // order after: the same errors in the same order as one pass. Which figure comes first with a natural key is
        // found in one pass before.
        var firstWithKey = new int[observations.Count];
        var naturalKeys = new Dictionary<NaturalKey, int>(observations.Count);
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i].Entity;
            var key = new NaturalKey(o.SourceId, o.MetricCode, o.Dimensions, o.RegionCode, o.Year, o.Kind, o.InstitutionId, o.ProgrammeId);
            firstWithKey[i] = naturalKeys.TryAdd(key, i) ? i : naturalKeys[key];
        }
        var size = Math.Max(1, observations.Count / (4 * Environment.ProcessorCount));
        var rangeErrors = new List<SeedError>[(observations.Count + size - 1) / size];
        Parallel.For(0, rangeErrors.Length, k =>
        {
            JsonRecord.CollectOnThisThread(rangeErrors[k] = []);
            try
            {
                for (var i = k * size; i < Math.Min(observations.Count, (k + 1) * size); i++) Check(observations[i], i);
            }
            finally { JsonRecord.CollectOnThisThread(null); }
        });
        foreach (var list in rangeErrors) errors.AddRange(list);

        void Check(Read<Observation> read, int index)
        {
            var (o, r) = read;
            var hasSource = Reference(r, "source", o.SourceId, sourceById);
            var hasMetric = Reference(r, "metric", o.MetricCode, metricByCode);
            if (hasMetric && o.Unit.Length > 0 && metricByCode[o.MetricCode].Entity.Unit != o.Unit)
                r.Error("unit", $"\"{o.Unit}\" differs from the unit of metric '{o.MetricCode}' (\"{metricByCode[o.MetricCode].Entity.Unit}\")");
            if (hasMetric)
            {
                ObservationRules.Dimensions(r, o.Dimensions, metricByCode[o.MetricCode].Entity);
                ObservationRules.Scope(r, o, metricByCode[o.MetricCode].Entity);
                if (HeadlineRule.Broken(o, metricByCode[o.MetricCode].Entity) is { } headline) r.Error("headline", headline);
            }
            ObservationRules.Qualifier(r, o);
            ObservationRules.Value(r, o);
            ObservationRules.Kind(r, o);
            ObservationRules.YearBasis(r, o);
            ObservationRules.ReviewedExceptions(r, o);
            Reference(r, "region", o.RegionCode, regionByCode);
            if (o.InstitutionId is not null && Reference(r, "institution", o.InstitutionId, institutionById)
                && institutionById[o.InstitutionId].Entity.RegionCode is var seat && seat != o.RegionCode)
                r.Error("region", $"\"{o.RegionCode}\" differs from the region of institution '{o.InstitutionId}' (\"{seat}\"): a figure about one institution is filed under the region the institution is located in");
            if (o.ProgrammeId is not null) Reference(r, "programme", o.ProgrammeId, programmeById);
            if (o.PartOf is not null && Reference(r, "partOf", o.PartOf, observationById))
                ObservationRules.PartOf(r, o, observationById[o.PartOf].Entity);
            YearInRange(r, "year", o.Year);
            OneOf(r, "kind", o.Kind, Vocabulary.ObservationKinds);
            if (o.Quote.Length > 0 && hasSource && sourceById[o.SourceId].Entity.Text is { Length: > 0 } text && !text.Contains(o.Quote, StringComparison.Ordinal))
                r.Error("quote", $"does not occur verbatim in source '{o.SourceId}': \"{Shorten(o.Quote)}\"");
            if (o.NameAsWritten is not null && o.Quote.Length > 0 && !o.Quote.Contains(o.NameAsWritten, StringComparison.Ordinal))
                r.Error("nameAsWritten", $"\"{o.NameAsWritten}\" does not occur in the quote");
            if (o.ValueAsWritten.Length > 0 && o.Quote.Length > 0 && !o.Quote.Contains(o.ValueAsWritten, StringComparison.Ordinal))
                r.Error("valueAsWritten", $"\"{o.ValueAsWritten}\" does not occur in the quote");

            if (firstWithKey[index] != index)
            {
                var first = observations[firstWithKey[index]].Record;
                r.Error(null, $"has the same (source, metric, dimensions, region, year, kind, institution, programme) as {first.File}:{first.Line}");
            }
        }
        HeadlinesAgree(observations);
    }

    /// <summary>What no two figures may share. A record struct: a tuple of eight boxes its rest to hash it, a million times.</summary>
    private readonly record struct NaturalKey(string Source, string Metric, string Dimensions, string Region, int Year, string Kind, string? Institution, string? Programme);

    private static void HeadlinesAgree(List<Read<Observation>> observations)
    {
        var records = observations.ToDictionary(x => (object)x.Entity, x => x.Record, ReferenceEqualityComparer.Instance);
        foreach (var (o, other) in HeadlineRule.Inconsistent(observations.Select(x => x.Entity)))
            records[o].Error("headline", $"is {(o.Headline ? "true" : "false")} but {other.Id} ({records[other].File}:{records[other].Line}), a region-level result of the same metric and dimensions, has {(other.Headline ? "true" : "false")}: one indicator is headline in every report or in none");
    }

    private static Dictionary<string, Read<T>> Unique<T>(List<Read<T>> records, Func<T, string> key, string what)
    {
        var byKey = new Dictionary<string, Read<T>>(StringComparer.Ordinal);
        foreach (var read in records)
        {
            var k = key(read.Entity);
            if (k.Length == 0) continue; // already reported as missing
            if (!byKey.TryAdd(k, read))
                read.Record.Error(null, $"duplicate {what} \"{k}\" (first at {byKey[k].Record.File}:{byKey[k].Record.Line})");
        }
        return byKey;
    }

    private static bool Reference<T>(JsonRecord r, string field, string key, Dictionary<string, Read<T>> targets)
    {
        if (key.Length == 0) return false; // already reported as missing
        if (targets.ContainsKey(key)) return true;
        r.Error(field, $"refers to unknown {field} \"{key}\"");
        return false;
    }

    internal static void OneOf(JsonRecord r, string field, string value, IReadOnlySet<string> allowed)
    {
        if (value.Length > 0 && !allowed.Contains(value))
            r.Error(field, $"\"{value}\" is not one of: {string.Join(", ", allowed)}");
    }

    private static bool YearInRange(JsonRecord r, string field, int year)
    {
        if (year is >= Vocabulary.MinYear and <= Vocabulary.MaxYear) return true;
        r.Error(field, $"{year} is out of range {Vocabulary.MinYear}–{Vocabulary.MaxYear}");
        return false;
    }

    private static bool HasCycle(Region region, Dictionary<string, Read<Region>> byCode)
    {
        var seen = new HashSet<string> { region.Code };
        for (var code = region.ParentCode; code is not null && byCode.TryGetValue(code, out var parent); code = parent.Entity.ParentCode)
            if (!seen.Add(code)) return true;
        return false;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
