using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>
/// One point of a lead's score history, written only when its score or band changed: the factors that made it and
/// the weights and ICP versions in force.
/// </summary>
public sealed class LeadScoreEntry
{
    public const int FactorsMax = 4000;

    public Guid Id { get; set; } = Ids.NewV7();
    public Guid LeadId { get; set; }
    public DateTime At { get; set; }
    public int Score { get; set; }
    public Classification Band { get; set; }
    /// <summary>JSON array of <see cref="ScoreFactor"/>.</summary>
    public string Factors { get; set; } = "[]";
    public int WeightsVersion { get; set; }
    /// <summary>The ICP version that judged the company; null when it had not been judged.</summary>
    public int? IcpVersion { get; set; }
}

internal sealed class LeadScoreEntryConfiguration : IEntityTypeConfiguration<LeadScoreEntry>
{
    public void Configure(EntityTypeBuilder<LeadScoreEntry> b)
    {
        b.ToTable("LeadScoreEntries");
        b.Property(e => e.Band).AsText();
        b.Property(e => e.Factors).HasMaxLength(LeadScoreEntry.FactorsMax);
        b.HasIndex(e => new { e.LeadId, e.At });
        b.HasOne<Lead>().WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The score history table on the one context.</summary>
public static class ScoringSets
{
    extension(AppDbContext db)
    {
        public DbSet<LeadScoreEntry> LeadScoreEntries => db.Set<LeadScoreEntry>();
    }
}
