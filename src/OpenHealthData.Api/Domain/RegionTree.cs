using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Domain;

/// <summary>The region hierarchy, read once: the database does not change while the API runs.</summary>
public class RegionTree(ListQueries lists)
{
    private readonly Lazy<Dictionary<string, string?>> _parents = new(() =>
        lists.List(Shapes.Region, null, [], ["code", "parentCode"]).ToDictionary(r => r.Code, r => r.ParentCode));

    public bool Contains(string code) => _parents.Value.ContainsKey(code);

    /// <summary>withinRegion as a filter: the rows of <paramref name="shape"/> placed in the region or in any region below it.</summary>
    public FilterNode Within(EntityShape shape, string code) =>
        FilterNode.Where(shape.RegionField ?? throw new NotSupportedException($"{shape.Name} has no region."), FilterOperators.In, SelfAndDescendants(code).ToList());

    /// <summary>The region and every region below it, at any depth.</summary>
    public virtual IReadOnlyCollection<string> SelfAndDescendants(string code)
    {
        if (!Contains(code)) throw new QueryArgumentException($"'{code}' is not a known region code.");
        var result = new HashSet<string> { code };
        bool grew;
        do
        {
            grew = false;
            foreach (var (child, parent) in _parents.Value)
                if (parent is not null && result.Contains(parent) && result.Add(child)) grew = true;
        } while (grew);
        return result;
    }
}
