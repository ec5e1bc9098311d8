namespace OpenHealthData.Api.Querying;

/// <summary>An entity's public fields, whatever its CLR type; <see cref="EntityShape{T}"/> builds one.</summary>
public abstract class EntityShape
{
    public abstract string Name { get; }
    public abstract Type ClrType { get; }
    public abstract IReadOnlyList<ScalarField> Scalars { get; }
    public abstract IReadOnlyList<ReferenceField> References { get; }
    /// <summary>The scalar field that is the primary key.</summary>
    public ScalarField KeyField => Scalars.Single(s => s.Name == KeyName);
    protected abstract string KeyName { get; }
}
