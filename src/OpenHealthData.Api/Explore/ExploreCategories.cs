namespace OpenHealthData.Api.Explore;

/// <summary>Categories in the order a health reporter reads them: outcomes and services first, administration last.</summary>
public static class ExploreCategories
{
    private static readonly IReadOnlyList<string> Order =
    [
        "health_outcomes", "maternal_child_health", "public_health", "disease_control", "hospital_services", "primary_care", "elderly_care",
        "workforce", "infrastructure", "health_finance", "medical_insurance", "traditional_medicine", "digital_health", "health_promotion", "governance",
    ];

    public static int Rank(string category) => Order.ToList().IndexOf(category) is var i and >= 0 ? i : Order.Count;
}
