using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>
/// The one check of a record's custom field values, used by the services of companies, contacts and leads: a value
/// of a defined field is stored in its type's form (<see cref="CustomFieldValues"/>), other keys keep text; a blank
/// value removes the key.
/// </summary>
public static class CustomFieldInputs
{
    public const int ValuesMax = 50;

    /// <summary>
    /// The values to store, or <paramref name="current"/> when <paramref name="input"/> is null (omitted in the body).
    /// </summary>
    public static async Task<Dictionary<string, string>> NormalizeAsync(AppDbContext db, FieldRecord record,
        Dictionary<string, string>? input, Dictionary<string, string>? current, Errors errors, CancellationToken ct)
    {
        if (input is null)
        {
            return current ?? [];
        }
        var types = await db.CustomFields.Where(f => f.Record == record)
            .ToDictionaryAsync(f => f.Key, f => f.Type, ct);
        var result = new Dictionary<string, string>();
        foreach (var (rawKey, rawValue) in input)
        {
            var key = errors.Required("customFields", rawKey, CustomField.KeyMax);
            if (key is null || string.IsNullOrWhiteSpace(rawValue))
            {
                continue;
            }
            var type = types.GetValueOrDefault(key, CustomFieldType.Text);
            if (CustomFieldValues.TryNormalize(type, rawValue, out var value, out var error))
            {
                result[key] = value;
            }
            else
            {
                errors.Add($"customFields.{key}", error!);
            }
        }
        if (result.Count > ValuesMax)
        {
            errors.Add("customFields", $"At most {ValuesMax} custom fields.");
        }
        return result;
    }
}
