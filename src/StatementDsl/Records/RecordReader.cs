namespace StatementDsl.Records;

/// <summary>Reads the primitives of <see cref="RecordFormat"/>.</summary>
internal ref struct RecordReader(ReadOnlySpan<char> data, int position)
{
    private readonly ReadOnlySpan<char> data = data;

    public int Position = position;

    public char ReadChar() => data[Position++];

    public int ReadInt()
    {
        var negative = data[Position] == '-';
        if (negative)
        {
            Position++;
        }

        var value = 0;
        char c;
        while ((c = data[Position++]) != RecordFormat.IntTerminator)
        {
            value = (value * 10) + (c - '0');
        }

        return negative ? -value : value;
    }

    public string? ReadString() => TryReadSpan(out var text) ? new string(text) : null;

    /// <summary>A string that recurs (a language tag, a class name), taken from <paramref name="cache"/> when seen before.</summary>
    public string? ReadRecurring(RecurringStrings cache) => TryReadSpan(out var text) ? cache.Get(text) : null;

    public void SkipString() => TryReadSpan(out _);

    /// <summary>A string's characters in place, without copying them; false when it is absent.</summary>
    public bool TryReadSpan(out ReadOnlySpan<char> text)
    {
        if (data[Position] == RecordFormat.Absent)
        {
            Position++;
            text = default;
            return false;
        }

        var length = ReadInt();
        text = data.Slice(Position, length);
        Position += length;
        return true;
    }
}

/// <summary>
/// The few distinct short strings that repeat in every record (language tags, enum values), so that
/// decoding a record does not allocate them again. Records decode on any thread, so
/// the table is copied on write and published atomically instead of locked on every read.
/// </summary>
internal sealed class RecurringStrings
{
    private const int Capacity = 64;
    private const int MaxLength = 64;
    private string[] seen = [];

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        var current = Volatile.Read(ref seen);
        foreach (var candidate in current)
        {
            if (text.SequenceEqual(candidate))
            {
                return candidate;
            }
        }

        var value = new string(text);
        if (current.Length < Capacity)
        {
            Interlocked.CompareExchange(ref seen, [.. current, value], current);
        }

        return value;
    }
}
