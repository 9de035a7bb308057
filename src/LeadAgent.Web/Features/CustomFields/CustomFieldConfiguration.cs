using System.Text.Json;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.CustomFields;

internal sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("CustomFields");
        b.ConfigureEntity();
        b.Property(e => e.Record).AsText();
        b.Property(e => e.Type).AsText();
        b.Property(e => e.Key).HasMaxLength(CustomField.KeyMax);
        b.Property(e => e.Label).HasMaxLength(CustomField.LabelMax);
        b.HasIndex(e => new { e.Record, e.Key }).IsUnique();
    }
}

/// <summary>The one mapping of a record's custom field values: a JSON object of strings in a text column.</summary>
public static class CustomFieldColumn
{
    public static void Map<T>(this EntityTypeBuilder<T> b, System.Linq.Expressions.Expression<
        Func<T, Dictionary<string, string>>> property) where T : class =>
        b.Property(property).HasColumnName("CustomFields").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new(),
            new ValueComparer<Dictionary<string, string>>(
                (a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                v => new Dictionary<string, string>(v)));
}
