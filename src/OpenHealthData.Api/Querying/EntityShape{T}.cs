using System.Linq.Expressions;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// The one description of an entity's public fields. GraphQL output fields, filter inputs, sort inputs
/// and the REST filters are all generated from it, so a field is added in one place.
/// </summary>
public sealed class EntityShape<T> : EntityShape
{
    private readonly List<ScalarField> _scalars = [];
    private readonly List<ReferenceField> _references = [];

    /// <param name="keyName">The scalar field that is the primary key.</param>
    public EntityShape(string name, string keyName)
    {
        Name = name;
        KeyName = keyName;
    }

    protected override string KeyName { get; }

    public override string Name { get; }
    public override Type ClrType => typeof(T);
    /// <summary>The primary key: the last sort key, so that every order is total and pages never overlap.</summary>
    public Expression<Func<T, string>> Key => _key ??= (Expression<Func<T, string>>)KeyField.Selector;
    private Expression<Func<T, string>>? _key;
    /// <summary>The primary key of a row in memory.</summary>
    public Func<T, string> ReadKey => _readKey ??= Key.Compile();
    private Func<T, string>? _readKey;
    public override IReadOnlyList<ScalarField> Scalars => _scalars;
    public override IReadOnlyList<ReferenceField> References => _references;

    public EntityShape<T> Scalar<TValue>(string name, Expression<Func<T, TValue>> selector, string description, ScalarKind kind = ScalarKind.Plain)
    {
        _scalars.Add(new ScalarField(name, description, selector, kind));
        return this;
    }

    /// <summary>A text column that holds one word of a closed list (a GraphQL enum; filtered with eq/neq/in/nin).</summary>
    public EntityShape<T> Enum(string name, Expression<Func<T, string>> selector, IReadOnlySet<string> values, string description)
    {
        _scalars.Add(new ScalarField(name, description, selector, ScalarKind.Enum, values));
        return this;
    }

    public EntityShape<T> Reference<TTarget>(string name, Expression<Func<T, TTarget?>> selector, Expression<Func<T, string?>> foreignKey, string description) where TTarget : class
    {
        _references.Add(new ReferenceField(name, description, selector, foreignKey));
        return this;
    }
}
