using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Notes;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("Notes");
        b.ConfigureEntity();
        b.Property(e => e.SubjectType).AsText();
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Outcome).HasMaxLength(Note.OutcomeMax);
        b.Property(e => e.Body).HasMaxLength(Note.BodyMax);
        b.Property(e => e.AuthorName).HasMaxLength(Note.AuthorNameMax);
        b.HasIndex(e => new { e.SubjectType, e.SubjectId, e.CreatedAt });
    }
}
