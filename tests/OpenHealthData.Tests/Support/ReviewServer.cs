namespace OpenHealthData.Tests.Support;

/// <summary>The server of the review page over a fresh <see cref="ReviewSeed"/>, shared by the tests of one class.</summary>
public sealed class ReviewServer : IDisposable
{
    public ReviewSeed Seed { get; } = new();
    public ReviewApiFactory Api { get; }
    public ReviewServer() => Api = new ReviewApiFactory(Seed.Directory);
    public void Dispose()
    {
        Api.Dispose();
        Seed.Dispose();
    }
}
