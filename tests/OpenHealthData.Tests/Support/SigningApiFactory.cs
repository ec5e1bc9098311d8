namespace OpenHealthData.Tests.Support;

/// <summary>The API over the small test seed with family-doctor signing (a dimension, an alias, one comparable group).</summary>
public sealed class SigningApiFactory : ApiFactory
{
    private readonly TestSeed _seed = new TestSeed().WithSigning();
    protected override string SeedDirectory => _seed.Directory;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _seed.Dispose();
    }
}
