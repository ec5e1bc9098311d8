namespace OpenHealthData.Data.Model;

public sealed class Institution
{
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Type { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string SourceId { get; set; }
    public Source? Source { get; set; }
    public string? Note { get; set; }
    public List<Observation> Observations { get; set; } = [];
}
