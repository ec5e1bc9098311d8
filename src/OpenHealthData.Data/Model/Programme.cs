namespace OpenHealthData.Data.Model;

public sealed class Programme
{
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public int StartYear { get; set; }
    public int? EndYear { get; set; }
    public string? DescriptionZh { get; set; }
    public required string DescriptionEn { get; set; }
    public required string SourceId { get; set; }
    public Source? Source { get; set; }
    public List<Observation> Observations { get; set; } = [];
}
