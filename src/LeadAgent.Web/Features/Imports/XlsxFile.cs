using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Excel workbooks are imported by turning their first worksheet into CSV (UTF-8, comma-separated) before anything
/// else, so detection, mapping, preview, runs and rejected rows work as for any CSV file. Shared and inline strings,
/// numbers, booleans and cells formatted as dates are read; formulas contribute their cached value.
/// </summary>
internal static class XlsxFile
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The first worksheet as CSV bytes; the content unchanged when it is not a workbook.</summary>
    public static byte[] ToCsvIfWorkbook(byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || Open(content) is not { } zip)
        {
            return content;
        }
        using (zip)
        {
            var strings = SharedStrings(zip);
            var dateStyles = DateStyles(zip);
            var sheet = zip.GetEntry(FirstSheetPath(zip)) ?? throw new Infrastructure.Api.ValidationFailedException(
                new Dictionary<string, string[]> { ["file"] = ["The workbook has no worksheet."] });
            var csv = new StringBuilder();
            using var reader = XmlReader.Create(
                sheet.Open(),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
            var row = new List<string>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    row.Clear();
                    if (reader.IsEmptyElement)
                    {
                        csv.Append("\r\n");
                    }
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    var column = ColumnIndex(reader.GetAttribute("r")) ?? row.Count;
                    var type = reader.GetAttribute("t");
                    var style = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
                    var value = reader.IsEmptyElement
                        ? ""
                        : CellValue(reader.ReadSubtree(), type, strings, dateStyles.Contains(style));
                    while (row.Count < column)
                    {
                        row.Add("");
                    }
                    row.Add(value);
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
                {
                    csv.AppendJoin(',', row.Select(Quote)).Append("\r\n");
                }
            }
            return Encoding.UTF8.GetBytes(csv.ToString());
        }
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

    private static string CellValue(XmlReader cell, string? type, List<string> strings, bool isDate)
    {
        var text = new StringBuilder();
        string? raw = null;
        cell.Read();
        while (!cell.EOF)
        {
            if (cell.NodeType == XmlNodeType.Element && cell.LocalName is "v" or "t")
            {
                // Reading the content moves on to the next node, so the loop does not read again.
                var isValue = cell.LocalName == "v";
                var content = cell.ReadElementContentAsString();
                if (isValue)
                {
                    raw = content;
                }
                else
                {
                    text.Append(content);
                }
                continue;
            }
            cell.Read();
        }
        return type switch
        {
            "s" => int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count
                ? strings[i]
                : "",
            "inlineStr" => text.ToString(),
            "b" => raw == "1" ? "true" : "false",
            "str" or "e" => raw ?? "",
            _ when isDate
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                && serial is > 0 and < 2958466 =>
                DateTime.FromOADate(serial)
                    .ToString(serial % 1 == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            _ => raw ?? "",
        };
    }

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var list = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return list;
        }
        using var reader = XmlReader.Create(
            entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        StringBuilder? current = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                current = new StringBuilder();
                if (reader.IsEmptyElement)
                {
                    list.Add("");
                    current = null;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && current is not null)
            {
                current.Append(reader.ReadElementContentAsString());
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
                {
                    list.Add(current.ToString());
                    current = null;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si" && current is not null)
            {
                list.Add(current.ToString());
                current = null;
            }
        }
        return list;
    }

    // Cell styles whose number format shows a date
    // (built-in formats 14–22 and 45–47, or a custom code with y or d).
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var result = new HashSet<int>();
        if (zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return result;
        }
        var custom = new Dictionary<int, string>();
        var formats = new List<int>();
        using var reader = XmlReader.Create(
            entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt"
                && int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = reader.GetAttribute("formatCode") ?? "";
            }
            else if (reader.LocalName == "cellXfs")
            {
                inCellXfs = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
            }
            else if (inCellXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                var numFmtId = reader.GetAttribute("numFmtId");
                formats.Add(int.TryParse(numFmtId, CultureInfo.InvariantCulture, out var f) ? f : 0);
            }
        }
        for (var i = 0; i < formats.Count; i++)
        {
            var f = formats[i];
            if (f is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(f, out var code)
                    && (code.Contains('y', StringComparison.OrdinalIgnoreCase)
                        || code.Contains('d', StringComparison.OrdinalIgnoreCase))))
            {
                result.Add(i);
            }
        }
        return result;
    }

    private static string FirstSheetPath(ZipArchive zip)
    {
        string? relId = null;
        using (var reader = XmlReader.Create(
            zip.GetEntry("xl/workbook.xml")!.Open(),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    relId = reader.GetAttribute(
                        "id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    break;
                }
            }
        }
        if (relId is not null && zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(
                rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element
                    && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") == relId)
                {
                    var target = reader.GetAttribute("Target") ?? "";
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }
        return "xl/worksheets/sheet1.xml";
    }

    // "C12" → 2.
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index == 0 ? null : index - 1;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
