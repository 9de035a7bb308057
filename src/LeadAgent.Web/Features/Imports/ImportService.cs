using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Imports;

/// <summary>Inspects uploads, queues import runs, and reports on them.</summary>
public sealed class ImportService(IDbContextFactory<AppDbContext> dbFactory, ImportSignal signal, TimeProvider time, IOptions<ImportOptions> options,
    Duplicates.DuplicateService duplicates)
{
    private const int PreviewRows = 20;

    /// <summary>Detects the layout, proposes a mapping and shows what the first rows would do, without saving anything.</summary>
    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, ImportSettings settings, CancellationToken ct = default)
    {
        content = XlsxFile.ToCsvIfWorkbook(content);
        var (kind, layout, headers, mapping, remembered, mode, key, country, rows) = await ResolveAsync(fileName, content, settings, validateMapping: false, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = NewRun(fileName, content, kind, layout, headers, mapping, mode, key, country, rows.Count, null, "preview");
        var session = new ImportSession(db, run, await ImportSession.OwnersAsync(db, ct), new NormalizedCells(run.DefaultCountry));
        var sample = rows.Take(PreviewRows).Select((values, i) => new ImportRow(i + 1, values, mapping)).ToArray();
        await session.PreloadAsync(sample, ct);
        var preview = new List<PreviewRow>();
        foreach (var row in sample)
        {
            // Applied to a context that is never saved: the outcome is what the import would do now.
            var known = session.NewCompanies.Count;
            var result = session.Apply(row);
            var message = result.Message;
            // A company this row would create is checked against the existing ones, so the user is warned before importing.
            foreach (var company in session.NewCompanies.Skip(known))
            {
                var likely = await duplicates.CheckCompanyAsync(new Duplicates.CompanyCheck(company.Name, company.Website, company.Country, company.City, company.Phone, company.RegistrationId), ct);
                if (likely.FirstOrDefault() is { } d)
                {
                    message = $"{(message is null ? "" : message + " ")}New company \"{company.Name}\" is likely a duplicate of \"{d.Label}\" ({d.Confidence} %: {string.Join("; ", d.Evidence)}); review it under Duplicates after the import.";
                }
            }
            preview.Add(new PreviewRow(row.Number, row.Values, result.Outcome, message));
        }
        return new ImportPreview(fileName, content.Length, kind, layout.Encoding, DelimiterName(layout.Delimiter), layout.HasHeader, headers,
            mapping, remembered, ImportFields.For(kind), ImportFields.MatchKeys(kind), mode, key, rows.Count, preview);
    }

    /// <summary>Validates the settings, stores the file and queues the run; a worker picks it up at once.</summary>
    public async Task<ImportRunDto> StartAsync(string fileName, byte[] content, ImportSettings settings, string? userId, string userName, CancellationToken ct = default)
    {
        // An Excel workbook is imported as its first worksheet, converted to CSV (which is what the run stores).
        content = XlsxFile.ToCsvIfWorkbook(content);
        var (kind, layout, headers, mapping, _, mode, key, country, rows) = await ResolveAsync(fileName, content, settings, validateMapping: true, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("import CRM data");
        var run = NewRun(fileName, content, kind, layout, headers, mapping, mode, key, country, rows.Count, userId, userName);
        db.ImportRuns.Add(run);
        db.ImportFiles.Add(new ImportFile { RunId = run.Id, Content = content });
        await RememberMappingAsync(db, kind, headers, mapping, ct);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ToDto(run);
    }

    public async Task<ImportRunDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Import", id);
        return ToDto(run);
    }

    public async Task<Page<ImportRunDto>> ListAsync(int? limit, string? cursorText, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(limit, errors);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(cursorText, "created");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.ImportRuns.AsNoTracking();
        if (cursor is not null)
        {
            var id = cursor.Id;
            runs = runs.Where(r => r.Id.CompareTo(id) < 0);
        }
        // Ids are v7 GUIDs: newest first is descending id.
        var items = (await runs.OrderByDescending(r => r.Id).Take(take + 1).ToListAsync(ct)).Select(ToDto).ToList();
        return Page<ImportRunDto>.FromLookahead(items, take, r => new Cursor("created", null, r.Id).Encode(), null);
    }

    /// <summary>The run's file name, or null when there is no such run.</summary>
    public async Task<string?> FindFileNameAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ImportRuns.Where(r => r.Id == id).Select(r => r.FileName).FirstOrDefaultAsync(ct);
    }

    public async Task<ImportRunDto> CancelAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("cancel imports");
        var run = await db.ImportRuns.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Import", id);
        if (run.Status == ImportStatus.Queued)
        {
            // Nobody is working on it: cancel outright (the guard keeps a worker's claim from racing this).
            await db.ImportRuns.Where(r => r.Id == id && r.Status == ImportStatus.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ImportStatus.Cancelled).SetProperty(r => r.CancelRequested, true)
                .SetProperty(r => r.FinishedAt, time.GetUtcNow().UtcDateTime).SetProperty(r => r.Error, "Cancelled before it started."), ct);
        }
        await db.ImportRuns.Where(r => r.Id == id && r.Status == ImportStatus.Running).ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The rejected (or skipped) rows as CSV: the file's own columns plus <c>error</c>, ready to fix and import again.</summary>
    public async Task WriteIssuesCsvAsync(Guid id, RowOutcome outcome, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Import", id);
        var headers = JsonSerializer.Deserialize<List<string>>(run.Headers)!;
        var columns = headers.Select((h, i) => new Column<ImportRowIssueDto>(h, r => i < r.Values.Length ? r.Values[i] : null))
            .Append(new Column<ImportRowIssueDto>("error", r => r.Message)).ToList();
        var issues = db.ImportRowIssues.AsNoTracking().Where(r => r.RunId == id && r.Outcome == outcome).OrderBy(r => r.RowNumber)
            .AsAsyncEnumerable().Select(ToDto);
        await CsvExport.WriteAsync(output, issues, columns, ct);
    }

    public async Task<List<ImportRowIssueDto>> IssuesAsync(Guid id, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ImportRowIssues.AsNoTracking().Where(r => r.RunId == id).OrderBy(r => r.RowNumber).Take(limit).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    private async Task<(ImportKind, CsvLayout, List<string>, Dictionary<string, int>, bool, ImportMode, MatchKey, string?, List<string[]>)> ResolveAsync(
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
        var layoutDelimiter = delimiter ?? (encoding == detected.Encoding ? detected.Delimiter : CsvFile.DetectDelimiter(CsvFile.Decode(content, encoding, 65536)));
        var records = CsvFile.Records(content, new CsvLayout(encoding, layoutDelimiter, false)).ToList();
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
        var mapping = s.Mapping;
        if (mapping is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var headerKey = ImportFields.HeaderKey(headers);
            var memory = hasHeader ? await db.ImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.Kind == kind && m.HeaderKey == headerKey, ct) : null;
            mapping = memory is not null ? JsonSerializer.Deserialize<Dictionary<string, int>>(memory.Mapping)! : ImportFields.AutoMap(kind, headers);
            remembered = memory is not null;
        }
        var fields = ImportFields.For(kind);
        foreach (var (field, index) in mapping)
        {
            if (fields.All(f => f.Name != field))
            {
                errors.Add($"mapping.{field}", $"Unknown field for {kind}.");
            }
            else if (index < 0 || index >= width)
            {
                errors.Add($"mapping.{field}", $"Column {index} does not exist; the file has {width} columns (0 to {width - 1}).");
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
        return (kind, layout, headers, mapping, remembered, mode, key, country, rows);
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

    private async Task RememberMappingAsync(AppDbContext db, ImportKind kind, List<string> headers, Dictionary<string, int> mapping, CancellationToken ct)
    {
        var headerKey = ImportFields.HeaderKey(headers);
        var memory = await db.ImportMappings.FirstOrDefaultAsync(m => m.Kind == kind && m.HeaderKey == headerKey, ct);
        if (memory is null)
        {
            db.ImportMappings.Add(memory = new ImportMappingMemory { Kind = kind, HeaderKey = headerKey, Mapping = "" });
        }
        memory.Mapping = JsonSerializer.Serialize(mapping);
        memory.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    private ImportRun NewRun(string fileName, byte[] content, ImportKind kind, CsvLayout layout, List<string> headers, Dictionary<string, int> mapping,
        ImportMode mode, MatchKey key, string? country, int total, string? userId, string userName) => new()
        {
            Kind = kind,
            Status = ImportStatus.Queued,
            FileName = Path.GetFileName(fileName),
            FileSize = content.Length,
            Mode = mode,
            MatchKey = key,
            DefaultCountry = country,
            Encoding = layout.Encoding,
            Delimiter = layout.Delimiter,
            HasHeader = layout.HasHeader,
            Headers = JsonSerializer.Serialize(headers),
            Mapping = JsonSerializer.Serialize(mapping),
            TotalRows = total,
            CreatedById = userId,
            CreatedByName = userName,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

    private static ImportRowIssueDto ToDto(ImportRowIssue r) => new(r.RowNumber, r.Outcome, r.Message, JsonSerializer.Deserialize<string[]>(r.Values)!);

    public static string DelimiterName(char d) => d == '\t' ? "tab" : d.ToString();

    public static ImportRunDto ToDto(ImportRun r) => new(
        r.Id, r.Kind, r.Status, r.FileName, r.FileSize, r.Mode, r.MatchKey, r.DefaultCountry, r.Encoding, DelimiterName(r.Delimiter), r.HasHeader,
        JsonSerializer.Deserialize<List<string>>(r.Headers)!, JsonSerializer.Deserialize<Dictionary<string, int>>(r.Mapping)!,
        r.TotalRows, r.RowsDone, r.Created, r.Updated, r.Unchanged, r.Skipped, r.Rejected,
        r.ElapsedSeconds > 0 ? Math.Round(r.RowsDone / r.ElapsedSeconds, 1) : 0, r.CreatedByName, r.CreatedAt, r.StartedAt, r.FinishedAt, r.Error, r.CancelRequested, r.DuplicatesFound);
}
