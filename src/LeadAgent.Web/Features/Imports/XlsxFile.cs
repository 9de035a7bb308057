using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Excel workbooks are imported by turning their first worksheet into CSV (UTF-8, comma-separated) before anything
/// else, so detection, mapping, preview, runs and rejected rows work as for any CSV file. Shared and inline strings,
/// numbers, booleans and cells formatted as dates are read; formulas contribute their cached value. The workbook is
/// streamed within <see cref="ImportLimits"/>: a damaged or hostile one is refused with a 400 or 413, never a 500.
/// </summary>
internal static class XlsxFile
{
    /// <summary>The first worksheet as CSV bytes; the content unchanged when it is not a workbook.</summary>
    public static byte[] ToCsvIfWorkbook(byte[] content, ImportLimits limits, CancellationToken ct = default)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || Open(content) is not { } zip)
        {
            return content;
        }
        using (zip)
        {
            try
            {
                return Convert(zip, new ZipBudget(limits, ct), limits, ct);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or EndOfStreamException)
            {
                throw ImportLimits.Invalid($"The workbook is damaged or not supported: {e.Message}");
            }
        }
    }

    private static byte[] Convert(ZipArchive zip, ZipBudget budget, ImportLimits limits, CancellationToken ct)
    {
        var strings = XlsxParts.SharedStrings(zip, budget, limits);
        var dateStyles = XlsxParts.DateStyles(zip, budget);
        var sheet = zip.GetEntry(XlsxParts.FirstSheetPath(zip, budget))
            ?? throw ImportLimits.Invalid("The workbook has no worksheet.");
        using var output = new MemoryStream();
        using (var csv = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true))
        {
            using var reader = XlsxParts.Xml(budget, sheet, ignoreWhitespace: true);
            var row = new List<string>();
            var rowNumber = 0;
            long written = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    row.Clear();
                    rowNumber++;
                    if (reader.IsEmptyElement)
                    {
                        csv.Write("\r\n");
                    }
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    var column = ColumnIndex(reader.GetAttribute("r"), limits.MaxColumns) ?? row.Count;
                    if (column >= limits.MaxColumns)
                    {
                        throw limits.TooManyColumns();
                    }
                    var type = reader.GetAttribute("t");
                    var style = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
                    var value = reader.IsEmptyElement
                        ? ""
                        : CellValue(reader.ReadSubtree(), type, strings, dateStyles.Contains(style), rowNumber);
                    while (row.Count < column)
                    {
                        row.Add("");
                    }
                    row.Add(value);
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
                {
                    // A shared string may be used by many cells: the CSV, not the workbook, is what must fit.
                    foreach (var value in row)
                    {
                        written += value.Length + 1;
                    }
                    if (written > limits.MaxFileBytes)
                    {
                        throw limits.TooLarge("The worksheet as CSV");
                    }
                    ct.ThrowIfCancellationRequested();
                    csv.Write(string.Join(',', row.Select(Quote)));
                    csv.Write("\r\n");
                }
            }
        }
        return output.ToArray();
    }

    private static ZipArchive? Open(byte[] content)
    {
        try
        {
            var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return zip;
            }
            zip.Dispose();
        }
        catch (InvalidDataException)
        {
            // Not a zip after all.
        }
        return null;
    }

    private static string CellValue(XmlReader cell, string? type, List<string> strings, bool isDate, int row)
    {
        var text = new StringBuilder();
        var raw = new StringBuilder();
        var hasRaw = false;
        cell.Read();
        while (!cell.EOF)
        {
            if (cell.NodeType == XmlNodeType.Element && cell.LocalName is "v" or "t")
            {
                // Reading the content moves on to the next node, so the loop does not read again.
                hasRaw |= cell.LocalName == "v";
                XlsxParts.AppendText(cell, cell.LocalName == "v" ? raw.Clear() : text, row);
                continue;
            }
            cell.Read();
        }
        var value = hasRaw ? raw.ToString() : null;
        return type switch
        {
            "s" => int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count
                ? strings[i]
                : "",
            "inlineStr" => text.ToString(),
            "b" => value == "1" ? "true" : "false",
            "str" or "e" => value ?? "",
            _ when isDate
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                && serial is > 0 and < 2958466 =>
                DateTime.FromOADate(serial)
                    .ToString(serial % 1 == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            _ => value ?? "",
        };
    }

    // "C12" → 2; past the column limit the count stops (the caller refuses the cell), so "ZZZZZZZZZZ1" cannot overflow.
    private static int? ColumnIndex(string? reference, int max)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > max)
            {
                return max;
            }
        }
        return index == 0 ? null : index - 1;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
