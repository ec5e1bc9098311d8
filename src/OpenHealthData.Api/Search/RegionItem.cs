namespace OpenHealthData.Api.Search;

public sealed record RegionItem(string Code, string NameZh, string NameEn, string Level, string? ParentCode, int Observations);
