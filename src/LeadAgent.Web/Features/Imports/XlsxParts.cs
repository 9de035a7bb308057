using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// The parts of a workbook that its first sheet depends on: the shared strings, the date styles and where the sheet
/// is. Every part is read through the workbook's <see cref="ZipBudget"/>, without DTDs, and text in bounded chunks.
/// </summary>
internal static class XlsxParts
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static XmlReader Xml(ZipBudget budget, ZipArchiveEntry entry, bool ignoreWhitespace = false) =>
        XmlReader.Create(budget.Open(entry), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreWhitespace = ignoreWhitespace,
            CloseInput = true,
        });

    /// <summary>
    /// Appends the text of the element the reader is on and moves past it, in chunks, so a huge text node is refused
    /// at the cell limit instead of being read into memory whole.
    /// </summary>
    public static void AppendText(XmlReader reader, StringBuilder target, int? row)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var chunk = new char[4096];
        reader.Read();
        while (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace
            or XmlNodeType.SignificantWhitespace)
        {
            if (!reader.CanReadValueChunk)
            {
                Append(target, reader.Value.AsSpan(), row);
                reader.Read();
                continue;
            }
            int n;
            while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                Append(target, chunk.AsSpan(0, n), row);
            }
            reader.Read();
        }
        if (reader.NodeType == XmlNodeType.EndElement)
        {
            reader.Read();
        }
    }

    private static void Append(StringBuilder target, ReadOnlySpan<char> text, int? row)
    {
        if (target.Length + text.Length > ImportLimits.MaxCellCharacters)
        {
            throw ImportLimits.CellTooLong(row);
        }
        target.Append(text);
    }

    public static List<string> SharedStrings(ZipArchive zip, ZipBudget budget, ImportLimits limits)
    {
        var list = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return list;
        }
        using var reader = Xml(budget, entry);
        StringBuilder? current = null;
        long total = 0;
        void Add(string s)
        {
            // The table is held in memory while the sheet is read: it may not outgrow the file limit.
            total += s.Length;
            if (total > limits.MaxFileBytes)
            {
                throw limits.TooLarge("The workbook's shared-string table");
            }
            list.Add(s);
        }
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                current = new StringBuilder();
                if (reader.IsEmptyElement)
                {
                    Add("");
                    current = null;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && current is not null)
            {
                AppendText(reader, current, null);
                continue;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si" && current is not null)
            {
                Add(current.ToString());
                current = null;
            }
            reader.Read();
        }
        return list;
    }

    // Cell styles whose number format shows a date
    // (built-in formats 14–22 and 45–47, or a custom code with y or d).
    public static HashSet<int> DateStyles(ZipArchive zip, ZipBudget budget)
    {
        var result = new HashSet<int>();
        if (zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return result;
        }
        var custom = new Dictionary<int, string>();
        var formats = new List<int>();
        using var reader = Xml(budget, entry);
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

    public static string FirstSheetPath(ZipArchive zip, ZipBudget budget)
    {
        string? relId = null;
        using (var reader = Xml(budget, zip.GetEntry("xl/workbook.xml")!))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    relId = reader.GetAttribute("id", Relationships);
                    break;
                }
            }
        }
        if (relId is not null && zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = Xml(budget, rels);
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
}
