using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class RegionType : EntityType<Region>
{
    public RegionType() : base("An administrative region: country, province, prefecture or county.")
    {
        this.Reference<Region, Region, RegionType>("parent", "The region above; null for the country.", r => r.ParentCode, nullable: true);
        this.Children<Region, Region, RegionType>("children", "Regions directly below.", r => r.Code, c => c.ParentCode);
        this.Children<Region, Observation, ObservationType>("observations", "Figures about this region itself (use withinRegion on the root field for everything below it).", r => r.Code, o => o.RegionCode);
        this.Children<Region, Institution, InstitutionType>("institutions", "Institutions seated in this region.", r => r.Code, i => i.RegionCode);
        this.Children<Region, Programme, ProgrammeType>("programmes", "Programmes of this region.", r => r.Code, p => p.RegionCode);
    }
}
