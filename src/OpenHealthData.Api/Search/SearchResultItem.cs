using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Rest;
using OpenHealthData.Data;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

public sealed record SearchResultItem(Dictionary<string, object?> Observation, double Score, IReadOnlyList<FieldMatch> Matches);
