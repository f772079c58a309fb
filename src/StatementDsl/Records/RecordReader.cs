using System.Text;

namespace StatementDsl.Records;

/// <summary>Reads the primitives of <see cref="RecordFormat"/> from a chunk.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> data, int position)
{
    private readonly ReadOnlySpan<byte> data = data;

    public int Position { get; private set; } = position;

    public byte ReadByte() => data[Position++];

    public int ReadInt()
    {
        var negative = data[Position] == (byte)'-';
        if (negative)
        {
            Position++;
        }

        var value = 0;
        byte b;
        while ((b = data[Position++]) != RecordFormat.IntTerminator)
        {
            value = (value * 10) + (b - '0');
        }

        return negative ? -value : value;
    }

    public string? ReadString()
    {
        if (data[Position] == RecordFormat.Absent)
        {
            Position++;
            return null;
        }

        var length = ReadInt();
        var text = Encoding.UTF8.GetString(data.Slice(Position, length));
        Position += length;
        return text;
    }

    public void SkipString()
    {
        if (data[Position] == RecordFormat.Absent)
        {
            Position++;
            return;
        }

        var length = ReadInt();
        Position += length;
    }

    /// <summary>Reads a string that is one of <paramref name="known"/> without allocating; anything else is decoded.</summary>
    public string ReadKnownString(string[] known, byte[][] knownBytes)
    {
        var length = ReadInt();
        var bytes = data.Slice(Position, length);
        Position += length;
        for (var i = 0; i < knownBytes.Length; i++)
        {
            if (bytes.SequenceEqual(knownBytes[i]))
            {
                return known[i];
            }
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
