using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>The kind of record a custom field belongs to.</summary>
public enum FieldRecord { Company, Contact, Lead }

public enum CustomFieldType { Text, Number, Date, YesNo }

/// <summary>
/// A field the team added to companies, contacts or leads (a "custom property" in HubSpot terms). Values live in the
/// record's <c>CustomFields</c> JSON under <see cref="Key"/>, each written in one canonical form for its
/// <see cref="Type"/> (<see cref="CustomFieldValues"/>), so filters compare them the same way on both databases.
/// </summary>
public sealed class CustomField : Entity, IAudited
{
    public const int KeyMax = 50, LabelMax = 100, PerRecordMax = 50;
    /// <summary>Prefix of a custom field's import field and export column: <c>custom.{key}</c>.</summary>
    public const string ColumnPrefix = "custom.";

    public FieldRecord Record { get; set; }
    /// <summary>Lower-case letters, digits and underscores, starting with a letter; never changes.</summary>
    public required string Key { get; set; }
    public required string Label { get; set; }
    /// <summary>Fixed once created: stored values are in this type's form.</summary>
    public CustomFieldType Type { get; set; }

    string IAudited.AuditType => nameof(CustomField);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => $"{Record}: {Label}";
}
