using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class ProgrammeType : EntityType<Programme>
{
    public ProgrammeType() : base("A named policy, campaign or project.")
    {
        this.Reference<Programme, Region, RegionType>("region", "Region it applies to.", p => p.RegionCode);
        this.Reference<Programme, Source, SourceType>("source", "The report that names it.", p => p.SourceId);
        this.Children<Programme, Observation, ObservationType>("observations", "Figures about this programme.", p => p.Id, o => o.ProgrammeId);
    }
}
