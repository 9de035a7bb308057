using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Imports;

/// <summary>Inspects uploads, queues import runs, and reports on them.</summary>
public sealed partial class ImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    ImportSignal signal,
    TimeProvider time,
    IOptions<ImportOptions> options,
    Duplicates.DuplicateService duplicates,
    Policy.PolicyCheck policy)
{
    private const int PreviewRows = 20;

    /// <summary>
    /// Detects the layout, proposes a mapping and shows what the first rows would do, without saving anything.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(
        string fileName, byte[] content, ImportSettings settings, CancellationToken ct = default)
    {
        content = XlsxFile.ToCsvIfWorkbook(content, ImportLimits.From(options.Value), ct);
        var r = await ResolveAsync(fileName, content, settings, validateMapping: false, ct);
        var (kind, layout, headers, mapping, rows) = (r.Kind, r.Layout, r.Headers, r.Mapping, r.Rows);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = NewRun(fileName, content, kind, layout, headers, mapping, r.Mode, r.Key, r.Country, rows.Count, null,
            "preview");
        var session = new ImportSession(db, run, await ImportSession.OwnersAsync(db, ct),
            new NormalizedCells(run.DefaultCountry), r.CustomFields.ToDictionary(f => f.Key, f => f.Type), policy);
        var sample = rows.Take(PreviewRows).Select((values, i) => new ImportRow(i + 1, values, mapping)).ToArray();
        await session.PreloadAsync(sample, ct);
        var preview = new List<PreviewRow>();
        foreach (var row in sample)
        {
            // Applied to a context that is never saved: the outcome is what the import would do now.
            var known = session.NewCompanies.Count;
            var result = session.Apply(row);
            var message = result.Message;
            // A company this row would create is checked against the existing ones,
            // so the user is warned before importing.
            foreach (var company in session.NewCompanies.Skip(known))
            {
                var check = new Duplicates.CompanyCheck(
                    company.Name,
                    company.Website,
                    company.Country,
                    company.City,
                    company.Phone,
                    company.RegistrationId);
                var likely = await duplicates.CheckCompanyAsync(check, ct);
                if (likely.FirstOrDefault() is { } d)
                {
                    message = $"{(message is null ? "" : message + " ")}New company \"{company.Name}\" "
                        + $"is likely a duplicate of \"{d.Label}\" "
                        + $"({d.Confidence} %: {string.Join("; ", d.Evidence)}); "
                        + "review it under Duplicates after the import.";
                }
            }
            preview.Add(new PreviewRow(row.Number, row.Values, result.Outcome, message));
        }
        return new ImportPreview(
            fileName,
            content.Length,
            kind,
            layout.Encoding,
            DelimiterName(layout.Delimiter),
            layout.HasHeader,
            headers,
            mapping,
            r.Remembered,
            [.. ImportFields.For(kind), .. r.CustomFields.Select(ImportCustomFields.AsImportField)],
            ImportFields.MatchKeys(kind),
            r.Mode,
            r.Key,
            rows.Count,
            preview,
            ImportCustomFields.Unmapped(headers, rows, mapping));
    }

    /// <summary>Validates the settings, stores the file and queues the run; a worker picks it up at once.</summary>
    public async Task<ImportRunDto> StartAsync(
        string fileName,
        byte[] content,
        ImportSettings settings,
        string? userId,
        string userName,
        CancellationToken ct = default)
    {
        // An Excel workbook is imported as its first worksheet, converted to CSV (which is what the run stores).
        content = XlsxFile.ToCsvIfWorkbook(content, ImportLimits.From(options.Value), ct);
        var r = await ResolveAsync(fileName, content, settings, validateMapping: true, ct);
        var (kind, headers, mapping) = (r.Kind, r.Headers, r.Mapping);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("import CRM data");
        // Columns kept as new custom fields become fields with the run (checked again: another may have come first).
        foreach (var f in r.NewCustomFields)
        {
            db.CustomFields.Add(await CustomFieldService.NewAsync(db,
                new CustomFieldInput(f.Record, f.Label, f.Type, f.Key), ct));
        }
        var run = NewRun(fileName, content, kind, r.Layout, headers, mapping, r.Mode, r.Key, r.Country, r.Rows.Count,
            userId, userName);
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
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Import", id);
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
        var run = await db.ImportRuns.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Import", id);
        if (run.Status == ImportStatus.Queued)
        {
            // Nobody is working on it: cancel outright (the guard keeps a worker's claim from racing this).
            await db.ImportRuns
                .Where(r => r.Id == id && r.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ImportStatus.Cancelled)
                    .SetProperty(r => r.CancelRequested, true)
                    .SetProperty(r => r.FinishedAt, time.GetUtcNow().UtcDateTime)
                    .SetProperty(r => r.Error, "Cancelled before it started."), ct);
        }
        await db.ImportRuns
            .Where(r => r.Id == id && r.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// The rejected (or skipped) rows as CSV: the file's own columns plus <c>error</c>, ready to fix and import again.
    /// </summary>
    public async Task WriteIssuesCsvAsync(Guid id, RowOutcome outcome, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Import", id);
        var headers = JsonSerializer.Deserialize<List<string>>(run.Headers)!;
        var columns = headers
            .Select((h, i) => new Column<ImportRowIssueDto>(h, r => i < r.Values.Length ? r.Values[i] : null))
            .Append(new Column<ImportRowIssueDto>("error", r => r.Message))
            .ToList();
        var issues = db.ImportRowIssues
            .AsNoTracking()
            .Where(r => r.RunId == id && r.Outcome == outcome)
            .OrderBy(r => r.RowNumber)
            .AsAsyncEnumerable()
            .Select(ToDto);
        await CsvExport.WriteAsync(output, issues, columns, ct);
    }

    public async Task<List<ImportRowIssueDto>> IssuesAsync(Guid id, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ImportRowIssues
            .AsNoTracking()
            .Where(r => r.RunId == id)
            .OrderBy(r => r.RowNumber)
            .Take(limit)
            .ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    private async Task RememberMappingAsync(
        AppDbContext db,
        ImportKind kind,
        List<string> headers,
        Dictionary<string, int> mapping,
        CancellationToken ct)
    {
        var headerKey = ImportFields.HeaderKey(headers);
        var memory = await db.ImportMappings.FirstOrDefaultAsync(m => m.Kind == kind && m.HeaderKey == headerKey, ct);
        if (memory is null)
        {
            memory = new ImportMappingMemory { Kind = kind, HeaderKey = headerKey, Mapping = "" };
            db.ImportMappings.Add(memory);
        }
        memory.Mapping = JsonSerializer.Serialize(mapping);
        memory.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    private ImportRun NewRun(
        string fileName,
        byte[] content,
        ImportKind kind,
        CsvLayout layout,
        List<string> headers,
        Dictionary<string, int> mapping,
        ImportMode mode,
        MatchKey key,
        string? country,
        int total,
        string? userId,
        string userName) => new()
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

    private static ImportRowIssueDto ToDto(ImportRowIssue r) =>
        new(r.RowNumber, r.Outcome, r.Message, JsonSerializer.Deserialize<string[]>(r.Values)!);

    public static string DelimiterName(char d) => d == '\t' ? "tab" : d.ToString();

    public static ImportRunDto ToDto(ImportRun r) => new(
        r.Id,
        r.Kind,
        r.Status,
        r.FileName,
        r.FileSize,
        r.Mode,
        r.MatchKey,
        r.DefaultCountry,
        r.Encoding,
        DelimiterName(r.Delimiter),
        r.HasHeader,
        JsonSerializer.Deserialize<List<string>>(r.Headers)!,
        JsonSerializer.Deserialize<Dictionary<string, int>>(r.Mapping)!,
        r.TotalRows,
        r.RowsDone,
        r.Created,
        r.Updated,
        r.Unchanged,
        r.Skipped,
        r.Rejected,
        r.ElapsedSeconds > 0 ? Math.Round(r.RowsDone / r.ElapsedSeconds, 1) : 0,
        r.CreatedByName,
        r.CreatedAt,
        r.StartedAt,
        r.FinishedAt,
        r.Error,
        r.CancelRequested,
        r.DuplicatesFound);
}
