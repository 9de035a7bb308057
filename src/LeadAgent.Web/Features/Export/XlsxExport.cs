using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LeadAgent.Web.Features.Export;

/// <summary>
/// Writes rows as a minimal Office Open XML workbook (one sheet, inline strings, numbers as numbers), row by row: the
/// zip is written to a temporary file (ZipArchive writes synchronously, which the response stream does not allow) and
/// then copied to the output, so memory stays flat for any number of rows.
/// </summary>
public static class XlsxExport
{
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static async Task<int> WriteAsync<T>(
        Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<Column<T>> columns, string sheetName,
        CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        int count;
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
                + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Default Extension="rels" """
                + """ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
                + """<Default Extension="xml" ContentType="application/xml"/>"""
                + """<Override PartName="/xl/workbook.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + """<Override PartName="/xl/worksheets/sheet1.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""
                + """</Types>""");
            Part(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
                + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + """<Relationship Id="rId1" """
                + """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" """
                + """Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
                + $"""<workbook xmlns="{SheetNs}" """
                + """xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"""
                + $"""<sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" """
                + """sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
                + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + """<Relationship Id="rId1" """
                + """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" """
                + """Target="worksheets/sheet1.xml"/></Relationships>""");
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
            await using var sheet = entry.Open();
            using var xml = XmlWriter.Create(sheet,
                new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
            xml.WriteStartDocument(true);
            xml.WriteStartElement("worksheet", SheetNs);
            xml.WriteStartElement("sheetData", SheetNs);
            Row(xml, columns.Select(c => c.Header), header: true);
            count = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                Row(xml, columns.Select(c => c.Value(row)), header: false);
                count++;
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        file.Position = 0;
        await file.CopyToAsync(output, ct);
        return count;
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(
            zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static void Row(XmlWriter xml, IEnumerable<string?> values, bool header)
    {
        xml.WriteStartElement("row", SheetNs);
        foreach (var value in values)
        {
            xml.WriteStartElement("c", SheetNs);
            if (!header && IsNumber(value))
            {
                xml.WriteElementString("v", SheetNs, value);
            }
            else if (!string.IsNullOrEmpty(value))
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", SheetNs);
                xml.WriteStartElement("t", SheetNs);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(Clean(value));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    // Amounts and counts become numbers; anything that could lose a leading zero, a plus or precision stays text.
    private static bool IsNumber(string? value) =>
        value is { Length: > 0 and < 16 }
        && (value[0] != '0' || value == "0" || value.StartsWith("0.", StringComparison.Ordinal))
        && value.All(c => char.IsAsciiDigit(c) || c is '.' or '-') && value.LastIndexOf('-') <= 0
        && decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out _);

    // Characters XML 1.0 cannot carry (control characters from messy imports) are dropped.
    private static string Clean(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string(value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray())
            : value;
}
