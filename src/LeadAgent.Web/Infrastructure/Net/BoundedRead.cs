namespace LeadAgent.Web.Infrastructure.Net;

/// <summary>
/// Reads a body of untrusted size into memory, never more than a limit: uploads, crawled pages, provider answers.
/// </summary>
public static class BoundedRead
{
    /// <summary>
    /// At most <paramref name="max"/> bytes of the stream; <c>Over</c> says it held more (the bytes are then the
    /// first <paramref name="max"/>, for callers that may use a cut body).
    /// </summary>
    public static async Task<(byte[] Bytes, bool Over)> ReadAsync(Stream stream, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max)
            {
                buffer.Write(chunk, 0, (int)(max - buffer.Length));
                return (buffer.ToArray(), true);
            }
            buffer.Write(chunk, 0, n);
        }
        return (buffer.ToArray(), false);
    }
}
