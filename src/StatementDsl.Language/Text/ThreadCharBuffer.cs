namespace StatementDsl.Language.Text;

/// <summary>
/// One character buffer per thread, lent to one file's text at a time: the text of a file that is
/// bound and dropped is decoded or copied into the buffer the previous file gave back, so reading a
/// corpus allocates no text per file.
/// </summary>
internal static class ThreadCharBuffer
{
    /// <summary>A larger buffer is left to the collector rather than held by the thread for good.</summary>
    private const int MaxReusedLength = 1 << 21;

    [ThreadStatic]
    private static char[]? free;

    /// <summary>A buffer of at least <paramref name="length"/> characters, the thread's own when it is free and large enough.</summary>
    public static char[] Rent(int length)
    {
        if (free is { } buffer && buffer.Length >= length)
        {
            free = null;
            return buffer;
        }

        // Room to grow, so that a corpus of files of slowly rising sizes does not allocate one buffer each.
        return new char[Math.Max(length + (length / 4), 4096)];
    }

    /// <summary>Takes a buffer back for the thread's next file; the caller must not read it again.</summary>
    public static void Return(char[] buffer)
    {
        if (buffer.Length <= MaxReusedLength && (free is null || free.Length < buffer.Length))
        {
            free = buffer;
        }
    }
}
