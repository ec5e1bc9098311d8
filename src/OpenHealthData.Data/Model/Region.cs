namespace OpenHealthData.Data.Model;

public sealed class Region
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Level { get; set; }
    public string? ParentCode { get; set; }
    public Region? Parent { get; set; }
    public List<Region> Children { get; set; } = [];
    public List<Observation> Observations { get; set; } = [];
    public List<Institution> Institutions { get; set; } = [];
}
