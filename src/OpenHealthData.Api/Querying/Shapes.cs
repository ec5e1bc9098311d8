using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Querying;

/// <summary>The shapes of all public entities.</summary>
public static class Shapes
{
    public static readonly EntityShape<Region> Region = new EntityShape<Region>("Region", "code")
        .Scalar("code", x => x.Code, "Administrative division code of the National Bureau of Statistics, e.g. 330382.")
        .Scalar("nameZh", x => x.NameZh, "Name in Chinese, as written.")
        .Scalar("nameEn", x => x.NameEn, "Name in English.")
        .Scalar("level", x => x.Level, "country, province, prefecture or county.")
        .Scalar("parentCode", x => x.ParentCode, "Code of the parent region; null for the country.")
        .Reference("parent", x => x.Parent, x => x.ParentCode, "The parent region.");

    public static readonly EntityShape<Source> Source = new EntityShape<Source>("Source", "id")
        .Scalar("id", x => x.Id, "Stable id of the report.")
        .Scalar("title", x => x.Title, "Title as written in Chinese.")
        .Scalar("titleEn", x => x.TitleEn, "Title in English.")
        .Scalar("publisher", x => x.Publisher, "Publisher, as written.")
        .Scalar("publisherEn", x => x.PublisherEn, "Publisher in English.")
        .Scalar("issuingBody", x => x.IssuingBody, "The body that speaks in the report, as written.")
        .Scalar("issuingBodyEn", x => x.IssuingBodyEn, "Issuing body in English.")
        .Scalar("regionCode", x => x.RegionCode, "Region the report covers.")
        .Scalar("date", x => x.Date, "Date of the report or meeting, as precise as the text gives it (YYYY, YYYY-MM or YYYY-MM-DD).")
        .Scalar("periodStart", x => x.PeriodStart, "First year its figures cover.")
        .Scalar("periodEnd", x => x.PeriodEnd, "Last year its figures cover.")
        .Scalar("url", x => x.Url, "Link to the original, where the text gives one.")
        .Reference("region", x => x.Region, x => x.RegionCode, "Region the report covers.");

    public static readonly EntityShape<Institution> Institution = new EntityShape<Institution>("Institution", "id")
        .Scalar("id", x => x.Id, "Stable id.")
        .Scalar("nameZh", x => x.NameZh, "Name in Chinese, as written.")
        .Scalar("nameEn", x => x.NameEn, "Name in English.")
        .Scalar("type", x => x.Type, "hospital, tcm_hospital, maternal_child_hospital, township_health_centre, community_health_centre, village_clinic, cdc, medical_community, medical_group, health_authority or other.")
        .Scalar("regionCode", x => x.RegionCode, "Region of its seat.")
        .Scalar("sourceId", x => x.SourceId, "The report that names it.")
        .Reference("region", x => x.Region, x => x.RegionCode, "Region of its seat.")
        .Reference("source", x => x.Source, x => x.SourceId, "The report that names it.");

    public static readonly EntityShape<Programme> Programme = new EntityShape<Programme>("Programme", "id")
        .Scalar("id", x => x.Id, "Stable id.")
        .Scalar("nameZh", x => x.NameZh, "Name in Chinese, as written.")
        .Scalar("nameEn", x => x.NameEn, "Name in English.")
        .Scalar("regionCode", x => x.RegionCode, "Region it applies to.")
        .Scalar("startYear", x => x.StartYear, "First year.")
        .Scalar("endYear", x => x.EndYear, "Last year, where stated.")
        .Scalar("descriptionZh", x => x.DescriptionZh, "Short description in Chinese.")
        .Scalar("descriptionEn", x => x.DescriptionEn, "Short description in English.")
        .Scalar("sourceId", x => x.SourceId, "The report that names it.")
        .Reference("region", x => x.Region, x => x.RegionCode, "Region it applies to.")
        .Reference("source", x => x.Source, x => x.SourceId, "The report that names it.");

    public static readonly EntityShape<Metric> Metric = new EntityShape<Metric>("Metric", "code")
        .Scalar("code", x => x.Code, "Stable code, e.g. family_doctor_signing_rate.")
        .Scalar("nameZh", x => x.NameZh, "Name in Chinese, as the reports say it.")
        .Scalar("nameEn", x => x.NameEn, "Name in English.")
        .Scalar("unit", x => x.Unit, "Unit of every value of this metric (see seed-data/README.md).")
        .Scalar("category", x => x.Category, "Category, e.g. maternal_child_health.")
        .Scalar("description", x => x.Description, "What is counted.")
        .Scalar("dimensions", x => x.Dimensions, "The dimensions its figures are split by, each with its allowed values; as a filter, the canonical JSON text, e.g. { contains: \"population\" }.", ScalarKind.DimensionDeclarations)
        .Scalar("baseMetricCode", x => x.BaseMetricCode, "For a growth or change metric: the code of the metric whose change it is.")
        .Scalar("scope", x => x.Scope, "region (a figure about a whole region) or institution (about one institution).")
        .Scalar("keywords", x => x.Keywords, "Search words in Chinese and English; as a filter, the JSON text, e.g. { contains: \"医共体\" }.", ScalarKind.TextList)
        .Reference("baseMetric", x => x.BaseMetric, x => x.BaseMetricCode, "For a growth or change metric: the metric whose change it is.");

    public static readonly EntityShape<Observation> Observation = new EntityShape<Observation>("Observation", "id")
        .Scalar("id", x => x.Id, "Stable id: <source id>-NNN.")
        .Scalar("year", x => x.Year, "The year the figure refers to (not the year of the report).")
        .Scalar("kind", x => x.Kind, "actual, target or change.")
        .Enum("qualifier", x => x.Qualifier, Vocabulary.Qualifiers, "How value relates to the figure: EXACT, APPROXIMATE, AT_LEAST / AT_MOST (value is the bound), RANGE (value is the lower bound), RANK (value is the position).")
        .Scalar("value", x => x.Value, "The value, normalised (万 and 亿 expanded) in the unit; what it holds depends on qualifier.")
        .Scalar("lowerBound", x => x.LowerBound, "Lower bound of a RANGE; null otherwise.")
        .Scalar("upperBound", x => x.UpperBound, "Upper bound of a RANGE; null otherwise.")
        .Enum("yearBasis", x => x.YearBasis, Vocabulary.YearBases, "STATED (the text gives the year) or INFERRED (the note says the rule).")
        .Scalar("headline", x => x.Headline, "A figure a health journalist would lead with: outcomes, coverage, capacity, money, staff (not process counts).")
        .Scalar("dimensions", x => x.Dimensions, "What part of the metric this figure is, e.g. population: key_groups; none for the metric as a whole. As a filter: has: [{ name, value }], or the text operators on the canonical JSON text, keys sorted (eq: \"{}\" for none).", ScalarKind.DimensionValues)
        .Scalar("unit", x => x.Unit, "Unit of the value.")
        .Scalar("valueAsWritten", x => x.ValueAsWritten, "The number exactly as written in the source, e.g. 5.8亿元.")
        .Scalar("quote", x => x.Quote, "Verbatim span of the source text that contains the number.")
        .Scalar("quoteEn", x => x.QuoteEn, "English rendering of the quote.")
        .Scalar("sentence", x => x.Sentence, "The whole sentence of the source around the quote (derived from the report text), to read the figure in context.")
        .Scalar("note", x => x.Note, "Period, base of a change, or how the figure was normalised.")
        .Scalar("metricCode", x => x.MetricCode, "Metric code.")
        .Scalar("regionCode", x => x.RegionCode, "Region code.")
        .Scalar("sourceId", x => x.SourceId, "Source id.")
        .Scalar("institutionId", x => x.InstitutionId, "Institution id, when the figure is about one institution.")
        .Scalar("programmeId", x => x.ProgrammeId, "Programme id, when the figure is about one programme.")
        .Scalar("nameAsWritten", x => x.NameAsWritten, "The indicator's name exactly as the quote writes it, where recorded (every figure of a comparable group has it), e.g. 县域内就诊率.")
        .Scalar("flags", x => x.Flags, "What a careful reader must know, derived from the data, like Eurostat's flags: inferred_year (the text gives no year), report_year (filed under the report's own year), bound (AT_LEAST/AT_MOST/RANGE: the value is a bound), approximate, target, partial_period (to a date within the year), restated (the same value is recorded again as another kind or year), institution (about one institution), part (part of another figure: partOf). As a filter, the JSON text, e.g. { contains: \"bound\" }.", ScalarKind.TextList)
        .Scalar("partOf", x => x.PartOf, "The id of the figure this one is a part of (其中 / of which / 含), e.g. the downward referrals of all two-way referrals; null for a figure that is no one's part. Do not add a part to its total: sum only the figures whose partOf is null.")
        .Reference("metric", x => x.Metric, x => x.MetricCode, "What is measured.")
        .Reference("region", x => x.Region, x => x.RegionCode, "Where.")
        .Reference("source", x => x.Source, x => x.SourceId, "The report the figure comes from.")
        .Reference("institution", x => x.Institution, x => x.InstitutionId, "The institution the figure is about, if any.")
        .Reference("programme", x => x.Programme, x => x.ProgrammeId, "The programme the figure is about, if any.");

    public static readonly EntityShape<MetricAlias> MetricAlias = new EntityShape<MetricAlias>("MetricAlias", "alias")
        .Scalar("alias", x => x.Alias, "The old metric code (no longer a metric).")
        .Scalar("metricCode", x => x.MetricCode, "The metric it now means.")
        .Scalar("dimensions", x => x.Dimensions, "The dimensions the old code stood for.", ScalarKind.DimensionValues)
        .Scalar("note", x => x.Note, "Why it was merged.")
        .Reference("metric", x => x.Metric, x => x.MetricCode, "The metric it now means.");

    public static readonly IReadOnlyList<EntityShape> All = [Region, Source, Institution, Programme, Metric, Observation, MetricAlias];

    public static EntityShape For(Type clrType) => All.Single(s => s.ClrType == clrType);
}
