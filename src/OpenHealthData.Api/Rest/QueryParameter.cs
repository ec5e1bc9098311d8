namespace OpenHealthData.Api.Rest;

/// <summary>One query-string parameter of a REST route: the one definition its reading, its errors and its OpenAPI entry come from.</summary>
public sealed record QueryParameter(string Name, ParameterForm Form, string Description);
