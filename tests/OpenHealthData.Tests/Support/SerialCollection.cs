namespace OpenHealthData.Tests.Support;

/// <summary>Tests that observe the whole process (Console.Out, open files) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
