using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Differential;

/// <summary>The differential and partition checks on the real seed.</summary>
[Collection(ApiCollection.Name)]
public sealed class SeedDifferentialTests(ApiFactory api)
{
    [Fact]
    public void GraphQL_answers_every_generated_query_as_the_oracle() => Differential.Check(api, Differential.Cases);

    [Fact]
    public void A_filter_and_its_negation_split_the_rows() => Differential.Partition(api, Differential.Partitions);
}
