using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace LeadAgent.Tests.Imports;

/// <summary>Excel workbooks built in code, from the XML of their parts, to upload as a real client would.</summary>
public static class Workbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A workbook whose first sheet is <paramref name="sheet"/> (with these shared strings, if any).</summary>
    public static byte[] Build(string sheet, string? sharedStrings = null) =>
        Build(Encoding.UTF8.GetBytes(sheet), sharedStrings);

    public static byte[] Build(byte[] sheet, string? sharedStrings = null)
    {
        var workbook = $"<workbook xmlns=\"{SheetNs}\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        var relations = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "xl/workbook.xml", Encoding.UTF8.GetBytes(workbook));
            Add(zip, "xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(relations));
            Add(zip, "xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                Add(zip, "xl/sharedStrings.xml", Encoding.UTF8.GetBytes(sharedStrings));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A sheet of these rows of inline strings.</summary>
    public static string Sheet(params string[][] rows)
    {
        var xml = new StringBuilder($"<worksheet xmlns=\"{SheetNs}\"><sheetData>");
        foreach (var row in rows)
        {
            xml.Append("<row>");
            foreach (var cell in row)
            {
                xml.Append("<c t=\"inlineStr\"><is><t>").Append(System.Security.SecurityElement.Escape(cell))
                    .Append("</t></is></c>");
            }
            xml.Append("</row>");
        }
        return xml.Append("</sheetData></worksheet>").ToString();
    }

    public static ByteArrayContent Upload(byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        return content;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
