using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class InstitutionType : EntityType<Institution>
{
    public InstitutionType() : base("A named hospital, health centre, CDC, medical community or authority.")
    {
        this.Reference<Institution, Region, RegionType>("region", "Region of its seat.", i => i.RegionCode);
        this.Reference<Institution, Source, SourceType>("source", "The report that names it.", i => i.SourceId);
        this.Children<Institution, Observation, ObservationType>("observations", "Figures about this institution.", i => i.Id, o => o.InstitutionId);
    }
}
