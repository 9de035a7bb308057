using System.IO.Compression;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Opens a workbook's entries with one budget: each read counts against the uncompressed total and the entry's
/// compression ratio, and honours cancellation, so a zip bomb is refused after reading a little of it, whatever
/// sizes its directory claims.
/// </summary>
internal sealed class ZipBudget(ImportLimits limits, CancellationToken ct)
{
    private long _total;

    public Stream Open(ZipArchiveEntry entry)
    {
        ct.ThrowIfCancellationRequested();
        if (entry.Length > limits.MaxUncompressedBytes - _total)
        {
            throw limits.TooLarge("The workbook uncompressed");
        }
        return new Counted(this, entry.Open(), Math.Max(entry.CompressedLength, 1));
    }

    private void Count(long entryRead, long compressed, int n)
    {
        ct.ThrowIfCancellationRequested();
        _total += n;
        if (_total > limits.MaxUncompressedBytes)
        {
            throw limits.TooLarge("The workbook uncompressed");
        }
        if (entryRead > ImportLimits.RatioGraceBytes && entryRead / compressed > ImportLimits.MaxCompressionRatio)
        {
            throw ImportLimits.Invalid(
                $"The workbook expands more than {ImportLimits.MaxCompressionRatio} times; it looks like a zip bomb.");
        }
    }

    private sealed class Counted(ZipBudget budget, Stream inner, long compressed) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            budget.Count(_read, compressed, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
