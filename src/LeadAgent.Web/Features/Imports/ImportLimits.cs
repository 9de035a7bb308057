using System.Globalization;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// How far an upload may go while it is read, so a small hostile file cannot take the CPU or memory: columns, cell
/// size, and what a workbook may expand to (its CSV, its entries uncompressed, their compression ratio).
/// </summary>
public sealed record ImportLimits(long MaxFileBytes, int MaxColumns)
{
    /// <summary>Excel's own limit on a cell; nothing longer comes from a genuine spreadsheet.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>Uncompressed bytes per compressed byte of a workbook entry (Apache POI's limit too).</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>The ratio is checked once an entry has given this much, so small, very regular parts pass.</summary>
    public const long RatioGraceBytes = 1024 * 1024;

    /// <summary>All entries of a workbook together, uncompressed: XML is several times larger than its CSV.</summary>
    public long MaxUncompressedBytes => MaxFileBytes * 8;

    public static ImportLimits From(ImportOptions o) => new(o.MaxFileMegabytes * 1024L * 1024, o.MaxColumns);

    public PayloadTooLargeException TooLarge(string what) =>
        new($"{what} is larger than {MaxFileBytes / 1024 / 1024} MB.");

    public static ValidationFailedException Invalid(string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [message] });

    public ValidationFailedException TooManyColumns() =>
        Invalid(string.Create(CultureInfo.InvariantCulture,
            $"The file has more than {MaxColumns:N0} columns, the most an import supports."));

    public static ValidationFailedException CellTooLong(int? row) =>
        Invalid(string.Create(CultureInfo.InvariantCulture,
            $"A cell{(row is { } r ? $" in row {r}" : "")} is longer than {MaxCellCharacters:N0} characters."));
}
