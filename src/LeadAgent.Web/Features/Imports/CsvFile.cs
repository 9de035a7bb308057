using System.Text;
using CsvHelper;

namespace LeadAgent.Web.Features.Imports;

/// <summary>How a CSV file is written: its encoding, delimiter and whether the first row is a header.</summary>
public sealed record CsvLayout(string Encoding, char Delimiter, bool HasHeader);

/// <summary>Detects a CSV file's layout and reads its records, tolerating the usual spreadsheet dirt.</summary>
public static class CsvFile
{
    public const string Utf8 = "utf-8", Utf16LE = "utf-16le", Utf16BE = "utf-16be", Windows1252 = "windows-1252";
    public static readonly IReadOnlyList<string> Encodings = [Utf8, Utf16LE, Utf16BE, Windows1252];
    public static readonly IReadOnlyList<char> Delimiters = [',', ';', '\t', '|'];

    static CsvFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding GetEncoding(string name) => name switch
    {
        Utf8 => new UTF8Encoding(false),
        Utf16LE => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        Utf16BE => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        Windows1252 => Encoding.GetEncoding(1252),
        _ => throw new ArgumentException($"Unsupported encoding {name}."),
    };

    /// <summary>BOM first; then UTF-16 without BOM by its zero bytes; then strict UTF-8; else Windows-1252.</summary>
    public static string DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16LE;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16BE;
        }
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0) { evenZeros++; } else { oddZeros++; }
            }
        }
        if (sample.Length >= 4 && oddZeros > sample.Length / 4)
        {
            return Utf16LE;
        }
        if (sample.Length >= 4 && evenZeros > sample.Length / 4)
        {
            return Utf16BE;
        }
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return Utf8;
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
    }

    public static string Decode(byte[] content, string encoding, int maxChars = int.MaxValue)
    {
        using var reader = Open(content, encoding);
        if (maxChars == int.MaxValue)
        {
            return reader.ReadToEnd();
        }
        var buffer = new char[maxChars];
        var n = reader.ReadBlock(buffer, 0, maxChars);
        return new string(buffer, 0, n);
    }

    /// <summary>
    /// The delimiter that splits the first lines into the most, and most consistent, fields (quotes respected).
    /// </summary>
    public static char DetectDelimiter(string sample)
    {
        var best = ',';
        var bestScore = 0.0;
        foreach (var d in Delimiters)
        {
            var counts = Read(sample, d).Take(20).Select(r => r.Length).Where(n => n > 0).ToList();
            if (counts.Count == 0)
            {
                continue;
            }
            var mode = counts.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            if (mode.Key < 2)
            {
                continue;
            }
            var score = mode.Key * (double)mode.Count() / counts.Count;
            if (score > bestScore)
            {
                (best, bestScore) = (d, score);
            }
        }
        return best;
    }

    public static CsvLayout Detect(byte[] content, Func<string[], bool> looksLikeHeader)
    {
        var encoding = DetectEncoding(content);
        var sample = Decode(content, encoding, 64 * 1024);
        var delimiter = DetectDelimiter(sample);
        var first = Read(sample, delimiter).FirstOrDefault() ?? [];
        return new CsvLayout(encoding, delimiter, looksLikeHeader(first));
    }

    /// <summary>
    /// All records of the file (header included), blank lines and rows of empty cells left out. With limits, a record
    /// of more columns, or a cell longer, than they allow is refused (400); cancellation is checked per record.
    /// </summary>
    public static IEnumerable<string[]> Records(
        byte[] content, CsvLayout layout, ImportLimits? limits = null, CancellationToken ct = default)
    {
        using var reader = Open(content, layout.Encoding);
        foreach (var record in Read(reader, layout.Delimiter, limits, ct))
        {
            yield return record;
        }
    }

    private static IEnumerable<string[]> Read(string text, char delimiter) =>
        Read(new StringReader(text), delimiter, null, default);

    private static IEnumerable<string[]> Read(TextReader text, char delimiter, ImportLimits? limits,
        CancellationToken ct)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            // Spaces around a field go, so `"B" ,C` reads B (cells are trimmed anyway; quoted spaces stay).
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        }, leaveOpen: true);
        var number = 0;
        while (csv.Read())
        {
            ct.ThrowIfCancellationRequested();
            number++;
            if (limits is not null && csv.Current.FieldCount > limits.MaxColumns)
            {
                throw limits.TooManyColumns();
            }
            var values = csv.Current.ToArray();
            // Only a record longer than a cell may hold a cell that is too long: most are never looked into.
            if (limits is not null && csv.RawRecord.Length > ImportLimits.MaxCellCharacters
                && values.Any(v => v.Length > ImportLimits.MaxCellCharacters))
            {
                throw ImportLimits.CellTooLong(number);
            }
            if (values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                yield return values;
            }
        }
    }

    // The BOM, if any, is consumed by detectEncodingFromByteOrderMarks.
    private static StreamReader Open(byte[] content, string encoding) =>
        new(new MemoryStream(content, writable: false), GetEncoding(encoding), detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// Column titles as shown to the user: blank ones named by position, repeated ones numbered. Linear in the number
    /// of columns: each title remembers the next number to try, so a thousand "Name" columns do not recount.
    /// </summary>
    public static List<string> DisplayHeaders(string[] header, int columns)
    {
        var result = new List<string>(columns);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var next = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns; i++)
        {
            var title = i < header.Length && !string.IsNullOrWhiteSpace(header[i])
                ? header[i].Trim()
                : $"Column {i + 1}";
            var candidate = title;
            if (!used.Add(candidate))
            {
                var n = next.GetValueOrDefault(title, 2);
                while (!used.Add(candidate = $"{title} ({n})"))
                {
                    n++;
                }
                next[title] = n + 1;
            }
            result.Add(candidate);
        }
        return result;
    }
}
