namespace OpenHealthData.Api.Querying;

/// <summary>An entity's public fields, whatever its CLR type; <see cref="EntityShape{T}"/> builds one.</summary>
public abstract class EntityShape
{
    public abstract string Name { get; }
    public abstract Type ClrType { get; }
    public abstract IReadOnlyList<ScalarField> Scalars { get; }
    public abstract IReadOnlyList<ReferenceField> References { get; }
    public ScalarField? FindScalar(string name) => Scalars.FirstOrDefault(s => s.Name == name);
    public ReferenceField? FindReference(string name) => References.FirstOrDefault(r => r.Name == name);
    /// <summary>The field that places a row in a region (withinRegion): the key of a region, the region code of anything else; null when there is none.</summary>
    public ScalarField? RegionField => Name == "Region" ? KeyField : FindScalar("regionCode");
    /// <summary>The scalar field that is the primary key.</summary>
    public ScalarField KeyField => Scalars.Single(s => s.Name == KeyName);
    protected abstract string KeyName { get; }
}
