namespace OpenHealthData.Api.Storage;

/// <summary>A column of a dataset that holds the key (<paramref name="Field"/>) of a row of another dataset.</summary>
public sealed record ForeignKey(string Column, string Dataset, string Field);
