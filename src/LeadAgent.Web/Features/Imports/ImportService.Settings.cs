using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>Checks an upload's settings and works out its layout and column mapping.</summary>
public sealed partial class ImportService
{
    /// <summary>An upload's settings, checked, with its rows and the custom fields its mapping may use.</summary>
    private sealed record Resolved(ImportKind Kind, CsvLayout Layout, List<string> Headers,
        Dictionary<string, int> Mapping, bool Remembered, ImportMode Mode, MatchKey Key, string? Country,
        List<string[]> Rows, List<CustomField> CustomFields, List<CustomField> NewCustomFields);

    private async Task<Resolved> ResolveAsync(
        string fileName, byte[] content, ImportSettings s, bool validateMapping, CancellationToken ct)
    {
        var errors = new Errors();
        if (content.Length == 0)
        {
            errors.Add("file", "The file is empty.");
        }
        else if (content.Length > options.Value.MaxFileMegabytes * 1024L * 1024)
        {
            errors.Add("file", $"The file is larger than {options.Value.MaxFileMegabytes} MB.");
        }
        errors.Optional("fileName", fileName, 260);
        if (s.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", $"Required: one of {string.Join(", ", Enum.GetNames<ImportKind>())}.");
            errors.ThrowIfAny();
            throw new InvalidOperationException();
        }
        if (s.Encoding is not null && !CsvFile.Encodings.Contains(s.Encoding.ToLowerInvariant()))
        {
            errors.Add("encoding", $"Must be one of: {string.Join(", ", CsvFile.Encodings)}.");
        }
        char? delimiter = s.Delimiter switch
        {
            null or "" => null,
            "\\t" or "tab" or "\t" => '\t',
            { Length: 1 } d when CsvFile.Delimiters.Contains(d[0]) => d[0],
            _ => null,
        };
        if (delimiter is null && !string.IsNullOrEmpty(s.Delimiter))
        {
            errors.Add("delimiter", "Must be one of , ; tab |.");
        }
        var mode = s.Mode ?? ImportMode.CreateOrUpdate;
        LeadService.CheckEnum(errors, "mode", s.Mode);
        var key = s.MatchKey ?? ImportFields.MatchKeys(kind)[0];
        if (!ImportFields.MatchKeys(kind).Contains(key))
        {
            errors.Add("matchKey", $"For {kind} use one of: {string.Join(", ", ImportFields.MatchKeys(kind))}.");
        }
        var country = s.DefaultCountry?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country))
        {
            country = null;
        }
        else if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add("defaultCountry", "Must be a two-letter ISO 3166-1 code such as DE.");
        }
        errors.ThrowIfAny();

        var detected = CsvFile.Detect(content, first => ImportFields.LooksLikeHeader(kind, first));
        var encoding = s.Encoding?.ToLowerInvariant() ?? detected.Encoding;
        var layoutDelimiter = delimiter ?? (encoding == detected.Encoding
            ? detected.Delimiter
            : CsvFile.DetectDelimiter(CsvFile.Decode(content, encoding, 65536)));
        var limits = ImportLimits.From(options.Value);
        var records = CsvFile.Records(content, new CsvLayout(encoding, layoutDelimiter, false), limits, ct).ToList();
        var hasHeader = s.HasHeader ?? (records.Count > 0 && ImportFields.LooksLikeHeader(kind, records[0]));
        var layout = new CsvLayout(encoding, layoutDelimiter, hasHeader);
        var width = records.Count == 0 ? 0 : records.Max(r => r.Length);
        var headers = CsvFile.DisplayHeaders(hasHeader && records.Count > 0 ? records[0] : [], width);
        var rows = hasHeader ? records.Skip(1).ToList() : records;
        if (rows.Count == 0)
        {
            errors.Add("file", "The file has no data rows.");
            errors.ThrowIfAny();
        }

        var remembered = false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var defined = await ImportCustomFields.DefinedAsync(db, kind, ct);
        var fields = ImportFields.For(kind).Concat(defined.Select(ImportCustomFields.AsImportField)).ToList();
        var mapping = s.Mapping is null ? null : new Dictionary<string, int>(s.Mapping);
        if (mapping is null)
        {
            var headerKey = ImportFields.HeaderKey(headers);
            var memory = hasHeader
                ? await db.ImportMappings.AsNoTracking()
                    .FirstOrDefaultAsync(m => m.Kind == kind && m.HeaderKey == headerKey, ct)
                : null;
            // A remembered mapping may name a custom field deleted since.
            mapping = memory is not null
                ? JsonSerializer.Deserialize<Dictionary<string, int>>(memory.Mapping)!
                    .Where(m => fields.Any(f => f.Name == m.Key)).ToDictionary()
                : ImportFields.AutoMap(kind, headers, fields);
            remembered = memory is not null;
        }
        var added = ImportCustomFields.Keep(kind, s.NewCustomFields, defined, headers, rows, mapping, errors);
        fields.AddRange(added.Select(ImportCustomFields.AsImportField));
        foreach (var (field, index) in mapping)
        {
            if (fields.All(f => f.Name != field))
            {
                errors.Add($"mapping.{field}", $"Unknown field for {kind}.");
            }
            else if (index < 0 || index >= width)
            {
                errors.Add(
                    $"mapping.{field}",
                    $"Column {index} does not exist; the file has {width} columns (0 to {width - 1}).");
            }
        }
        if (validateMapping)
        {
            foreach (var missing in MissingRequired(kind, mapping))
            {
                errors.Add($"mapping.{missing}", "Map a column to this field.");
            }
        }
        errors.ThrowIfAny();
        return new Resolved(kind, layout, headers, mapping, remembered, mode, key, country, rows,
            [.. defined, .. added], added);
    }

    /// <summary>The fields a kind cannot do without (a lead's company may be named or given by its website).</summary>
    public static IEnumerable<string> MissingRequired(ImportKind kind, IReadOnlyDictionary<string, int> mapping)
    {
        bool Has(string f) => mapping.ContainsKey(f);
        return kind switch
        {
            ImportKind.Companies when !Has("name") => ["name"],
            ImportKind.Contacts when !Has("first_name") && !Has("email") && !Has("phone") => ["first_name"],
            ImportKind.Leads when !Has("company_name") && !Has("company_domain") => ["company_name"],
            ImportKind.Orders => new[] { "number", "ordered_on" }.Where(f => !Has(f))
                .Concat(!Has("company_name") && !Has("company_domain") ? ["company_name"] : []),
            _ => [],
        };
    }
}
