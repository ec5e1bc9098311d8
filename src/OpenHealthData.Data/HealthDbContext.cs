using Microsoft.EntityFrameworkCore;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data;

public sealed class HealthDbContext(DbContextOptions<HealthDbContext> options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<MetricAlias> MetricAliases => Set<MetricAlias>();
    public DbSet<DatabaseInfo> Info => Set<DatabaseInfo>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Source>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Region>(e =>
        {
            e.HasKey(x => x.Code);
            e.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ParentCode);
        });
        b.Entity<Institution>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne(x => x.Region).WithMany(x => x.Institutions).HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.RegionCode);
        });
        b.Entity<Programme>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.RegionCode);
        });
        b.Entity<Metric>(e =>
        {
            e.HasKey(x => x.Code);
            e.HasIndex(x => x.Category);
            e.HasOne(x => x.BaseMetric).WithMany().HasForeignKey(x => x.BaseMetricCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MetricAlias>(e =>
        {
            e.HasKey(x => x.Alias);
            e.HasOne(x => x.Metric).WithMany().HasForeignKey(x => x.MetricCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.MetricCode);
        });
        b.Entity<Observation>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasOne(x => x.Source).WithMany(x => x.Observations).HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Metric).WithMany(x => x.Observations).HasForeignKey(x => x.MetricCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Region).WithMany(x => x.Observations).HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Institution).WithMany(x => x.Observations).HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Programme).WithMany(x => x.Observations).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            // The shapes people filter by: a region's figures by year (largest first: Value in the index lets a
            // page stop after its rows instead of sorting all of them), a metric's series, a source's figures.
            e.HasIndex(x => new { x.RegionCode, x.Year, x.Value });
            e.HasIndex(x => new { x.MetricCode, x.RegionCode, x.Year });
            e.HasIndex(x => new { x.Year, x.MetricCode });
            e.HasIndex(x => x.SourceId);
            e.HasIndex(x => x.InstitutionId);
            e.HasIndex(x => x.ProgrammeId);
            e.HasIndex(x => x.PartOf);
            e.HasIndex(x => new { x.SourceId, x.MetricCode, x.Dimensions, x.RegionCode, x.Year, x.Kind, x.InstitutionId, x.ProgrammeId }).IsUnique();
        });
        b.Entity<DatabaseInfo>().HasKey(x => x.Key);
    }
}
