using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>
/// The one check of a record's custom field values, used by the services of companies, contacts and leads: the input
/// changes the values it names (a blank value removes one, others stay); a value of a defined field is stored in its
/// type's form (<see cref="CustomFieldValues"/>), other keys keep text.
/// </summary>
public static class CustomFieldInputs
{
    public const int ValuesMax = 50;

    /// <summary>
    /// The values to store: <paramref name="current"/> with the input's changes (none when it is null, i.e. omitted).
    /// </summary>
    public static async Task<Dictionary<string, string>> NormalizeAsync(AppDbContext db, FieldRecord record,
        Dictionary<string, string>? input, Dictionary<string, string>? current, Errors errors, CancellationToken ct)
    {
        if (input is null)
        {
            return current ?? [];
        }
        var types = await db.CustomFields.Where(f => f.Record == record)
            .ToDictionaryAsync(f => f.Key, f => f.Type, StringComparer.OrdinalIgnoreCase, ct);
        var result = new Dictionary<string, string>(current ?? []);
        foreach (var (rawKey, rawValue) in input)
        {
            var key = errors.Required("customFields", rawKey, CustomField.KeyMax);
            // "Budget" names the field budget (keys of defined fields are lower case).
            key = key is not null && types.ContainsKey(key) ? key.ToLowerInvariant() : key;
            if (key is null)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(rawValue))
            {
                result.Remove(key);
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
