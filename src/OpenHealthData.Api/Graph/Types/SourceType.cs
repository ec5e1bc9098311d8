using GraphQL.Types;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SourceType : EntityType<Source>
{
    public SourceType() : base("A published report: the primary source of its figures.")
    {
        Field<NonNullGraphType<StringGraphType>>("text").Description("The full text of the report, as published.").Resolve(c => c.Source.Text);
        this.Reference<Source, Region, RegionType>("region", "Region the report covers.", s => s.RegionCode);
        this.Children<Source, Observation, ObservationType>("observations", "Figures taken from this report.", s => s.Id, o => o.SourceId);
        this.Children<Source, Institution, InstitutionType>("institutions", "Institutions the report names.", s => s.Id, i => i.SourceId);
        this.Children<Source, Programme, ProgrammeType>("programmes", "Programmes the report names.", s => s.Id, p => p.SourceId);
    }
}
