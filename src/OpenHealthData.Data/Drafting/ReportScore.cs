namespace OpenHealthData.Data.Drafting;

/// <summary>How the drafts of one report (or all) compare with its curated records; each rate is found / out of.</summary>
public sealed record ReportScore(
    string Source, int Curated, int Candidates, int Recalled, int CorrectCandidates,
    int QualifierAgree, int KindAgree, int YearAgree, int RegionAgree, int MetricTop1, int MetricTop3,
    int InCatalogue, int InCatalogueTop1, int InCatalogueTop3,
    IReadOnlyList<string> Misses)
{
    public double Recall => Rate(Recalled, Curated);
    public double Precision => Rate(CorrectCandidates, Candidates);
    public double Qualifier => Rate(QualifierAgree, Recalled);
    public double Kind => Rate(KindAgree, Recalled);
    public double Year => Rate(YearAgree, Recalled);
    public double Region => Rate(RegionAgree, Recalled);
    public double Top1 => Rate(MetricTop1, Recalled);
    public double Top3 => Rate(MetricTop3, Recalled);
    /// <summary>Of the figures whose metric the other reports use too (so the catalogue holds it): found first, found in the top three.</summary>
    public double CatalogueTop1 => Rate(InCatalogueTop1, InCatalogue);
    public double CatalogueTop3 => Rate(InCatalogueTop3, InCatalogue);
    /// <summary>Of the figures whose metric only this report uses: the draft proposed a new metric.</summary>
    public double NewMetric => Rate(MetricTop3 - InCatalogueTop3, Recalled - InCatalogue);

    private static double Rate(int found, int of) => of == 0 ? 1 : (double)found / of;
}
