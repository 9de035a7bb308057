using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Inbox.Conversations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("InboxChannels");
        b.Property(e => e.Provider).HasMaxLength(32);
        b.Property(e => e.ExternalId).HasMaxLength(64);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Source).HasMaxLength(64);
        b.Property(e => e.Kind).AsText();
        b.HasIndex(e => new { e.Provider, e.ExternalId }).IsUnique();
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("Conversations");
        b.Property(e => e.ExternalContactId).HasMaxLength(64);
        b.Property(e => e.Match).AsText();
        b.Property(e => e.CandidateContactIds).HasMaxLength(400);
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(320);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.AssigneeId).HasMaxLength(450);
        b.Property(e => e.LastMessagePreview).HasMaxLength(200);
        b.HasOne(e => e.Channel).WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Contact).WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        // One thread per sender per channel, also when two deliveries race.
        b.HasIndex(e => new { e.ChannelId, e.ExternalContactId }).IsUnique();
        // The inbox list: newest activity first, optionally per status or assignee.
        b.HasIndex(e => new { e.LastMessageAt, e.Id });
        b.HasIndex(e => new { e.Status, e.LastMessageAt, e.Id });
        b.HasIndex(e => new { e.AssigneeId, e.LastMessageAt });
        b.HasIndex(e => e.ContactId);
        // Cheap counts and the live poll: unread counts start from the conversations with any inbound message, the
        // to-match ones are few, the newest change is one index step.
        b.HasIndex(e => e.InboundCount).HasFilter("\"InboundCount\" > 0");
        b.HasIndex(e => e.Match).HasFilter("\"Match\" <> 'Matched'");
        b.HasIndex(e => e.UpdatedAt);
        // The snoozed list and the live poll's "a snooze ran out" check.
        b.HasIndex(e => e.SnoozedUntil).HasFilter("\"SnoozedUntil\" IS NOT NULL");
    }
}

internal sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> b)
    {
        b.ToTable("ConversationReads");
        b.HasKey(e => new { e.ConversationId, e.UserId });
        b.Property(e => e.UserId).HasMaxLength(450);
        b.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.UserId);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("Messages");
        b.Property(e => e.Direction).AsText();
        b.Property(e => e.Type).HasMaxLength(32);
        b.Property(e => e.Text).HasMaxLength(65536);
        b.Property(e => e.Subject).HasMaxLength(500);
        b.Property(e => e.ProviderMessageId).HasMaxLength(64);
        b.Property(e => e.ChannelMessageId).HasMaxLength(200);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Error).HasMaxLength(1000);
        b.Property(e => e.SenderSource).HasMaxLength(32);
        b.Property(e => e.AuthorId).HasMaxLength(450);
        b.Property(e => e.AuthorName).HasMaxLength(256);
        b.Property(e => e.Mentions).HasMaxLength(16000);
        b.Property(e => e.LeaseOwner).HasMaxLength(64);
        b.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ConversationId, e.At });
        // A message redelivered (or echoed back after our own send) is stored once.
        b.HasIndex(e => e.ProviderMessageId).IsUnique();
        // The outbox worker's claim: due pending messages.
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
