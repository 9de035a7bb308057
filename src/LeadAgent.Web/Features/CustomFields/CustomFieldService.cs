using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.CustomFields;

public sealed record CustomFieldDto(Guid Id, FieldRecord Record, string Key, string Label, CustomFieldType Type,
    DateTime CreatedAt, long Version);

/// <summary>A new field; the key is made from the label when not given.</summary>
public sealed record CustomFieldInput(FieldRecord? Record, string? Label, CustomFieldType? Type, string? Key = null);

public sealed record CustomFieldRename(string? Label, long? Version);

/// <summary>The custom fields of each kind of record: admins add, rename and delete them; all read them.</summary>
public sealed class CustomFieldService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<List<CustomFieldDto>> ListAsync(FieldRecord? record, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CustomFields.Where(f => record == null || f.Record == record)
            .OrderBy(f => f.Record).ThenBy(f => f.Label)
            .Select(f => new CustomFieldDto(f.Id, f.Record, f.Key, f.Label, f.Type, f.CreatedAt, f.Version))
            .ToListAsync(ct);
    }

    public async Task<CustomFieldDto> CreateAsync(CustomFieldInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var field = await NewAsync(db, input, ct);
        db.CustomFields.Add(field);
        await db.SaveChangesAsync(ct);
        return Dto(field);
    }

    /// <summary>
    /// Validates a new field against those of its record (unique key, at most <see cref="CustomField.PerRecordMax"/>);
    /// the caller adds and saves it (imports create the fields a run keeps in the same way).
    /// </summary>
    public static async Task<CustomField> NewAsync(AppDbContext db, CustomFieldInput input, CancellationToken ct)
    {
        var errors = new Errors();
        if (input.Record is not { } record || !Enum.IsDefined(record))
        {
            errors.Add("record", $"Must be one of: {string.Join(", ", Enum.GetNames<FieldRecord>())}.");
        }
        if (input.Type is { } t && !Enum.IsDefined(t))
        {
            errors.Add("type", $"Must be one of: {string.Join(", ", Enum.GetNames<CustomFieldType>())}.");
        }
        var label = errors.Required("label", input.Label, CustomField.LabelMax);
        var key = string.IsNullOrWhiteSpace(input.Key) ? CustomFieldValues.KeyFor(label ?? "") : input.Key.Trim();
        if (!CustomFieldValues.IsKey(key))
        {
            errors.Add("key", "Lower-case letters, digits and _, starting with a letter, at most 50.");
        }
        errors.ThrowIfAny();
        var existing = await db.CustomFields.Where(f => f.Record == input.Record).Select(f => f.Key).ToListAsync(ct);
        if (existing.Contains(key))
        {
            throw new ConflictException($"{input.Record} already has a custom field with the key {key}.");
        }
        if (existing.Count >= CustomField.PerRecordMax)
        {
            errors.Add("record", $"A {input.Record} has at most {CustomField.PerRecordMax} custom fields.");
        }
        errors.ThrowIfAny();
        return new CustomField
        {
            Record = input.Record!.Value,
            Key = key,
            Label = label!,
            Type = input.Type ?? CustomFieldType.Text,
        };
    }

    public async Task<CustomFieldDto> RenameAsync(Guid id, CustomFieldRename input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var field = await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new NotFoundException("Custom field", id);
        if (input.Version is { } v && v != field.Version)
        {
            throw new ConflictException("The field was changed meanwhile; reload and try again.");
        }
        var errors = new Errors();
        var label = errors.Required("label", input.Label, CustomField.LabelMax);
        errors.ThrowIfAny();
        field.Label = label!;
        await db.SaveChangesAsync(ct);
        return Dto(field);
    }

    /// <summary>Removes the field; records keep their values, shown as plain text without a type.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var field = await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new NotFoundException("Custom field", id);
        db.CustomFields.Remove(field);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The <c>cf.*</c> conditions of a list request, or a 400 naming the bad ones.</summary>
    public async Task<List<CustomFieldCondition>?> ConditionsAsync(FieldRecord record, IQueryCollection query,
        CancellationToken ct = default)
    {
        if (!query.Keys.Any(k => k.StartsWith(CustomFieldFilter.Prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var errors = new Errors();
        foreach (var (name, _) in query.Where(q => q.Value.Count > 1
            && q.Key.StartsWith(CustomFieldFilter.Prefix, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(name, "Give this parameter once.");
        }
        var conditions = CustomFieldFilter.Parse(await ListAsync(record, ct),
            query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())), errors);
        errors.ThrowIfAny();
        return conditions;
    }

    private static CustomFieldDto Dto(CustomField f) =>
        new(f.Id, f.Record, f.Key, f.Label, f.Type, f.CreatedAt, f.Version);
}
