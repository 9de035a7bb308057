using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeadAgent.Web.Data;

/// <summary>All timestamps are UTC in storage; SQLite forgets the kind, so it is restored on read.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
