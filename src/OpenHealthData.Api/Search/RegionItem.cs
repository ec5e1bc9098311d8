using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Rest;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

public sealed record RegionItem(string Code, string NameZh, string NameEn, string Level, string? ParentCode, int Observations);
