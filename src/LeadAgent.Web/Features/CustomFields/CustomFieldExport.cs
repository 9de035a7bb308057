using LeadAgent.Web.Features.Export;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>
/// Exports end with one column per custom field, headed <c>custom.{key}</c> as the import maps it back.
/// </summary>
public static class CustomFieldExport
{
    public static async Task<IReadOnlyList<Column<T>>> ColumnsAsync<T>(CustomFieldService fields, FieldRecord record,
        IReadOnlyList<Column<T>> columns, Func<T, Dictionary<string, string>> values, CancellationToken ct)
    {
        var defined = await fields.ListAsync(record, ct);
        return [.. columns, .. defined.Select(f => new Column<T>(CustomField.ColumnPrefix + f.Key,
            r => values(r).GetValueOrDefault(f.Key)))];
    }
}
